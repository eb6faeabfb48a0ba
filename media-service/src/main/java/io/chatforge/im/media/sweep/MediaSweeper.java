package io.chatforge.im.media.sweep;

import io.chatforge.im.media.access.MediaReaders;
import io.chatforge.im.media.catalog.Media;
import io.chatforge.im.media.catalog.MediaCatalog;
import io.chatforge.im.media.storage.ObjectStore;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes what no one will read: uploads never completed, completed ones never sent (both after
 * the orphan age), and sent ones no message carries any more (their messages were recalled).
 * Every instance may sweep; deleting twice is harmless.
 */
@Component
class MediaSweeper {
    private static final Logger log = LoggerFactory.getLogger(MediaSweeper.class);
    private static final int BATCH = 200;

    private final MediaCatalog catalog;
    private final MediaReaders readers;
    private final ObjectStore store;
    private final SweepProperties properties;
    private final Clock clock;

    MediaSweeper(
            MediaCatalog catalog, MediaReaders readers, ObjectStore store, SweepProperties properties, Clock clock) {
        this.catalog = catalog;
        this.readers = readers;
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(
            initialDelayString = "${im.media.sweep.interval:10m}",
            fixedDelayString = "${im.media.sweep.interval:10m}")
    void sweep() {
        try {
            int orphans = sweepOrphans();
            int released = sweepReleased();
            if (orphans + released > 0) {
                log.info("removed {} orphaned and {} released media", orphans, released);
            }
        } catch (RuntimeException e) {
            log.warn("media sweep failed, next try in {}: {}", properties.interval(), e.toString());
        }
    }

    int sweepOrphans() {
        long cutoff = clock.millis() - properties.orphanAge().toMillis();
        int removed = 0;
        List<Media> batch;
        do {
            batch = catalog.orphans(cutoff, BATCH);
            batch.forEach(this::remove);
            removed += batch.size();
        } while (batch.size() == BATCH);
        return removed;
    }

    int sweepReleased() {
        long cutoff = clock.millis() - properties.claimGrace().toMillis();
        int removed = 0;
        long after = 0;
        List<Media> batch;
        do {
            batch = catalog.claimedAfter(after, cutoff, BATCH);
            if (batch.isEmpty()) {
                break;
            }
            Set<Long> referenced =
                    readers.referenced(batch.stream().map(Media::id).toList());
            for (Media media : batch) {
                if (!referenced.contains(media.id())) {
                    remove(media);
                    removed++;
                }
            }
            after = batch.get(batch.size() - 1).id();
        } while (batch.size() == BATCH);
        return removed;
    }

    private void remove(Media media) {
        store.delete(media.key());
        if (media.thumbnail()) {
            store.delete(media.thumbnailKey());
        }
        catalog.delete(media.id());
    }
}
