package io.chatforge.im.message.permission;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatforge.im.contracts.social.Relation;
import org.junit.jupiter.api.Test;

/** This instance's copy of the relations: current by versions, unknown when in doubt. */
class RelationViewTest {
    private final RelationView view = new RelationView(1000);

    private static Relation friends(long a, long b, long version) {
        return new Relation(a, b, true, false, false, version);
    }

    @Test
    void aFetchedRelation_isKnown_whicheverWayItIsAsked() {
        view.learn(new Relation(2, 1, true, true, false, 4), view.epoch()); // 2 blocks 1

        assertThat(view.get(2, 1))
                .hasValueSatisfying(r -> assertThat(r.blockedByA()).isTrue());
        assertThat(view.get(1, 2)).hasValueSatisfying(r -> {
            assertThat(r.a()).isEqualTo(1);
            assertThat(r.blockedByB()).isTrue();
        });
    }

    @Test
    void aChangeOfThePair_dropsTheOlderCopy_untilItIsFetchedAgain() {
        view.learn(friends(1, 2, 3), view.epoch());

        view.changed(2, 1, 4); // e.g. a block made version 4

        assertThat(view.get(1, 2)).isEmpty();
        view.learn(new Relation(1, 2, false, false, true, 4), view.epoch());
        assertThat(view.get(1, 2))
                .hasValueSatisfying(r -> assertThat(r.mayTalk()).isFalse());
    }

    @Test
    void anEventThatArrivesLate_forAVersionAlreadyKnown_changesNothing() {
        view.learn(friends(1, 2, 7), view.epoch());

        view.changed(1, 2, 6);
        view.changed(1, 2, 7);

        assertThat(view.get(1, 2)).isPresent();
    }

    @Test
    void anAnswerOlderThanAChangeAlreadySeen_isNotKept() {
        long epoch = view.epoch();
        view.changed(1, 2, 9); // the change arrives while the fetch is in flight

        view.learn(friends(1, 2, 8), epoch);

        assertThat(view.get(1, 2)).isEmpty();
    }

    @Test
    void aGap_forgetsEverything_andAnAnswerFetchedAcrossItIsNotKept() {
        view.learn(friends(1, 2, 3), view.epoch());
        long before = view.epoch();

        view.forgetAll();
        view.learn(friends(3, 4, 1), before);

        assertThat(view.get(1, 2)).isEmpty();
        assertThat(view.get(3, 4)).isEmpty();
    }

    @Test
    void aPairNeverChanged_isKeptUntilItsFirstChange_andAnEventWithoutAVersionIsNeverTrusted() {
        view.learn(new Relation(1, 2, false, false, false, 0), view.epoch()); // strangers, never changed
        assertThat(view.get(1, 2)).isPresent();
        view.changed(1, 2, 1);
        assertThat(view.get(1, 2)).isEmpty();

        view.learn(friends(1, 2, 5), view.epoch());
        view.changed(1, 2, 0);
        assertThat(view.get(1, 2)).isEmpty();
    }
}
