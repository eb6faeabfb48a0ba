package io.chatforge.im.media.upload;

import io.chatforge.im.media.access.MediaReaders;
import io.chatforge.im.media.catalog.Media;
import io.chatforge.im.media.catalog.MediaCatalog;
import io.chatforge.im.media.storage.ObjectStore;
import io.chatforge.im.media.storage.PublicUrls;
import io.chatforge.im.service.web.ApiProblem;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * Short-lived GET URLs for those who may read an object. Anyone else gets the same 404 as for an
 * id that does not exist. Files download as attachments under their name; pictures, voice and
 * video open inline, as the type the service found.
 */
@Component
class Downloads {
    private final MediaCatalog catalog;
    private final MediaReaders readers;
    private final ObjectStore store;
    private final PublicUrls urls;
    private final Clock clock;

    Downloads(MediaCatalog catalog, MediaReaders readers, ObjectStore store, PublicUrls urls, Clock clock) {
        this.catalog = catalog;
        this.readers = readers;
        this.store = store;
        this.urls = urls;
        this.clock = clock;
    }

    Link link(long userId, long mediaId, boolean thumbnail, String origin) {
        Media media = catalog.find(mediaId)
                .filter(Media::ready)
                .filter(m -> readers.mayRead(userId, m))
                .orElseThrow(() -> ApiProblem.notFound("media_not_found", "no such media"));
        ObjectStore.Presigned get;
        if (thumbnail) {
            if (!media.thumbnail()) {
                throw ApiProblem.notFound("media_not_found", "this media has no thumbnail");
            }
            get = store.presignGet(media.thumbnailKey(), "image/jpeg", "inline");
        } else {
            get = store.presignGet(media.key(), servedType(media), disposition(media));
        }
        return new Link(
                urls.of(get.url(), origin),
                clock.millis() + store.downloadUrlTtl().toMillis());
    }

    /** Files are served as bytes, never as a document the browser would render on our origin. */
    static String servedType(Media media) {
        return media.kind().equals("file") ? "application/octet-stream" : media.contentType();
    }

    static String disposition(Media media) {
        String how = media.kind().equals("file") ? "attachment" : "inline";
        String ascii = media.fileName().replaceAll("[^\\x20-\\x7e]", "_").replace("\\", "_");
        String encoded =
                URLEncoder.encode(media.fileName(), StandardCharsets.UTF_8).replace("+", "%20");
        return how + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }

    record Link(String url, long expiresAt) {}
}
