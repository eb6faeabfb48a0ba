package io.chatforge.im.message.permission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.chatforge.im.contracts.social.Relation;
import io.chatforge.im.contracts.social.RelationBatchRequest;
import io.chatforge.im.contracts.social.SocialEvent;
import io.chatforge.im.contracts.social.SocialEventType;
import io.chatforge.im.message.permission.RelationChecker.Pair;
import io.chatforge.im.service.resilience.ResilienceProperties;
import io.chatforge.im.service.resilience.ResilientCalls;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Sending between known friends asks friend-service nothing, and keeps working while it is down. */
class RelationCheckerTest {
    private static final ResilienceProperties.Policy ONE_TRY =
            new ResilienceProperties.Policy(1, Duration.ofMillis(1), 50, 20, 3, Duration.ofSeconds(30), false);

    private final RelationClient client = mock(RelationClient.class);
    private final RelationView view = new RelationView(1000);
    private final RelationChecker checker = new RelationChecker(
            client,
            new ResilientCalls(
                    new ResilienceProperties(Map.of(RelationChecker.FRIEND_SERVICE, ONE_TRY)),
                    CircuitBreakerRegistry.ofDefaults(),
                    RetryRegistry.ofDefaults()),
            view,
            new SimpleMeterRegistry());
    private final RelationEvents events = new RelationEvents(
            view, mock(FriendLists.class), JsonMapper.builder().build());

    private void friendServiceAnswers(Relation... relations) {
        when(client.relations(any(RelationBatchRequest.class))).thenReturn(List.of(relations));
    }

    private void friendServiceIsDown() {
        when(client.relations(any(RelationBatchRequest.class)))
                .thenThrow(new UncheckedIOException(new ConnectException("Connection refused")));
    }

    private static SocialEvent event(String type, long user, long other, long pairVersion) {
        return new SocialEvent(
                SocialEvent.VERSION, type, "e-" + pairVersion, user, other, null, null, Instant.now(), pairVersion);
    }

    @Test
    void aPairOnceFetched_isAnsweredHere_withoutAskingFriendServiceAgain() {
        friendServiceAnswers(new Relation(1, 2, true, false, false, 3));

        checker.check(Set.of(new Pair(1, 2)));
        Map<Pair, Relation> again = checker.check(Set.of(new Pair(2, 1)));

        assertThat(again.get(new Pair(2, 1)).mayTalk()).isTrue();
        verify(client, times(1)).relations(any());
    }

    @Test
    void friendsKeepTalking_whileFriendServiceIsDown_butANeverSeenPairFailsClosed() {
        friendServiceAnswers(new Relation(1, 2, true, false, false, 3));
        checker.check(Set.of(new Pair(1, 2)));
        friendServiceIsDown();

        Map<Pair, Relation> answers = checker.check(Set.of(new Pair(1, 2), new Pair(1, 3)));

        assertThat(answers.get(new Pair(1, 2)).mayTalk()).isTrue();
        assertThat(answers).doesNotContainKey(new Pair(1, 3));
    }

    @Test
    void aBlock_takesEffectOnTheNextCheck_onceItsEventArrived() {
        friendServiceAnswers(new Relation(1, 2, true, false, false, 3));
        checker.check(Set.of(new Pair(1, 2)));

        events.apply(event(SocialEventType.BLOCK_ADDED, 2, 1, 4));
        friendServiceAnswers(new Relation(1, 2, false, false, true, 4));

        assertThat(checker.check(Set.of(new Pair(1, 2))).get(new Pair(1, 2)).blockedByB())
                .isTrue();
    }

    @Test
    void aBlockedPair_whoseEventArrived_failsClosed_whileFriendServiceIsDown() {
        friendServiceAnswers(new Relation(1, 2, true, false, false, 3));
        checker.check(Set.of(new Pair(1, 2)));

        events.apply(event(SocialEventType.FRIENDSHIP_REMOVED, 1, 2, 4));
        friendServiceIsDown();

        assertThat(checker.check(Set.of(new Pair(1, 2)))).isEmpty();
    }

    @Test
    void requestEventsAlone_changeNoRelation() {
        friendServiceAnswers(new Relation(1, 2, true, false, false, 3));
        checker.check(Set.of(new Pair(1, 2)));

        events.apply(event(SocialEventType.REQUEST_RECEIVED, 1, 2, 4));

        assertThat(view.get(1, 2)).isPresent();
    }
}
