package io.chatforge.im.media.upload;

import io.chatforge.im.media.catalog.Media;
import io.chatforge.im.media.catalog.MediaCatalog;
import io.chatforge.im.media.storage.ObjectStore;
import io.chatforge.im.media.storage.PublicUrls;
import io.chatforge.im.service.web.ApiProblem;
import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * An upload from announcement to ready: checked and recorded, bytes PUT by the client straight to
 * the store, then completed here once the object is there with the declared size and its first
 * bytes are what was declared. Pictures get their size and a thumbnail.
 */
@Component
class Uploads {
    private static final Logger log = LoggerFactory.getLogger(Uploads.class);

    private final MediaCatalog catalog;
    private final ObjectStore store;
    private final PublicUrls urls;
    private final UploadRules rules;
    private final MediaLimits limits;
    private final UploadRate rate;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Uploads(
            MediaCatalog catalog,
            ObjectStore store,
            PublicUrls urls,
            MediaLimits limits,
            UploadRate rate,
            Clock clock) {
        this.catalog = catalog;
        this.store = store;
        this.urls = urls;
        this.rules = new UploadRules(limits);
        this.limits = limits;
        this.rate = rate;
        this.clock = clock;
    }

    UploadTicket announce(long userId, UploadRequest request, String origin) {
        UploadRules.Declared declared = rules.check(request);
        rate.take(userId);
        long quota = limits.quota().toBytes();
        if (catalog.storedBytes(userId) + declared.size() > quota) {
            throw ApiProblem.forbidden(
                            "quota_exceeded", "your uploads would pass your storage quota of " + quota + " bytes")
                    .with("quotaBytes", quota);
        }
        long now = clock.millis();
        var media = new Media(
                newId(),
                userId,
                declared.kind(),
                declared.contentType(),
                declared.size(),
                declared.fileName(),
                Media.Status.PENDING,
                null,
                null,
                declared.durationMs(),
                false,
                now,
                null,
                null);
        catalog.insert(media);
        var put = store.presignPut(media.key(), media.contentType(), media.size());
        return new UploadTicket(
                Long.toString(media.id()),
                new UploadTicket.Upload("PUT", urls.of(put.url(), origin), put.headers()),
                now + store.uploadUrlTtl().toMillis());
    }

    MediaView complete(long userId, long mediaId) {
        Media media = own(userId, mediaId);
        if (media.ready()) {
            return MediaView.of(media);
        }
        Optional<Long> stored = store.size(media.key());
        if (stored.isEmpty()) {
            throw ApiProblem.conflict("upload_missing", "PUT the bytes to the upload URL first");
        }
        if (stored.get() != media.size()) {
            discard(media);
            throw new ApiProblem(
                    HttpStatus.UNPROCESSABLE_CONTENT, "media_size_mismatch", "the upload is not the declared size");
        }
        byte[] head = store.head(media.key(), ContentSniffer.BYTES_NEEDED);
        if (!ContentSniffer.looksLike(media.kind(), head)) {
            discard(media);
            throw new ApiProblem(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "media_content_mismatch",
                    "the upload is not " + (media.kind().equals("image") ? "an image" : "a " + media.kind()));
        }
        String contentType = media.kind().equals("image") ? ContentSniffer.imageType(head) : media.contentType();
        Integer width = null;
        Integer height = null;
        boolean thumbnail = false;
        if (media.kind().equals("image")) {
            Optional<Thumbnails.Picture> picture = picture(media);
            if (picture.isPresent()) {
                width = picture.get().width();
                height = picture.get().height();
                store.put(media.thumbnailKey(), picture.get().thumbnail(), "image/jpeg");
                thumbnail = true;
            }
        }
        catalog.markReady(media.id(), contentType, width, height, thumbnail, clock.millis());
        return MediaView.of(catalog.find(media.id()).orElseThrow());
    }

    /** The uploader's own media, or 404 alike for missing and someone else's. */
    private Media own(long userId, long mediaId) {
        return catalog.find(mediaId)
                .filter(m -> m.ownerId() == userId)
                .orElseThrow(() -> ApiProblem.notFound("media_not_found", "no such media"));
    }

    private Optional<Thumbnails.Picture> picture(Media media) {
        try (InputStream in = store.open(media.key())) {
            return Thumbnails.of(in);
        } catch (IOException | RuntimeException e) {
            // a picture ImageIO cannot decode is still a picture of an allowed type: no thumbnail
            log.info("no thumbnail for media {}: {}", media.id(), e.toString());
            return Optional.empty();
        }
    }

    private void discard(Media media) {
        store.delete(media.key());
        catalog.delete(media.id());
    }

    private long newId() {
        // unguessable and positive (at least 2^40); clients get it as a string, like message ids
        return (random.nextLong() & Long.MAX_VALUE) | 1L << 40;
    }
}
