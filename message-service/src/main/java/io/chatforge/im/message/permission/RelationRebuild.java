package io.chatforge.im.message.permission;

import io.chatforge.im.contracts.social.FriendInternalApi;
import io.chatforge.im.contracts.social.Relation;
import io.chatforge.im.contracts.social.RelationPage;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Fills the {@link RelationView} from friend-service after a start or a gap, page by page in the
 * background, up to the view's size, so the first messages after a restart find their pairs known
 * instead of each batch asking. Pairs it has not reached yet are asked one batch at a time as
 * before. A newer gap stops it (the next rebuild starts over); if friend-service cannot answer, the
 * view fills on demand.
 */
@Component
class RelationRebuild {
    static final int PAGE = FriendInternalApi.MAX_RELATIONS_PAGE;
    /** Pauses of 0.5, 1, 2, 4, 8 and 16 s: about half a minute for friend-service to come up. */
    static final int ATTEMPTS = 6;

    static final long FIRST_PAUSE_MILLIS = 500;
    private static final Logger log = LoggerFactory.getLogger(RelationRebuild.class);

    private final RelationClient client;
    private final RelationView view;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "relation-rebuild");
        thread.setDaemon(true);
        return thread;
    });

    RelationRebuild(RelationClient client, RelationView view) {
        this.client = client;
        this.view = view;
    }

    /** Starts a rebuild for the view's current epoch. */
    void start() {
        long epoch = view.epoch();
        worker.execute(() -> run(epoch));
    }

    /**
     * Loads pages until the end, the view's size, or a newer gap; returns the relations learned.
     * friend-service may still be starting: a failed page is asked again after a growing pause.
     */
    int run(long epoch) {
        long started = System.nanoTime();
        long afterLow = 0;
        long afterHigh = 0;
        int learned = 0;
        int failures = 0;
        while (view.epoch() == epoch && learned < view.capacity()) {
            RelationPage page;
            try {
                page = client.page(afterLow, afterHigh, PAGE);
            } catch (RuntimeException e) {
                if (++failures > ATTEMPTS) {
                    log.warn("relation view not rebuilt ({} loaded), filling on demand: {}", learned, e.toString());
                    return learned;
                }
                pause(FIRST_PAUSE_MILLIS << (failures - 1));
                continue;
            }
            List<Relation> relations = page.relations();
            relations.forEach(r -> view.learn(r, epoch));
            learned += relations.size();
            if (!page.hasMore() || relations.isEmpty()) {
                break;
            }
            Relation last = relations.get(relations.size() - 1);
            afterLow = last.a();
            afterHigh = last.b();
        }
        log.info("relation view rebuilt: {} relations in {} ms", learned, (System.nanoTime() - started) / 1_000_000);
        return learned;
    }

    void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
