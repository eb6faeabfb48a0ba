package io.chatforge.im.message.social;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.chatforge.im.contracts.Topics;
import io.chatforge.im.contracts.messaging.PresenceEvent;
import io.chatforge.im.message.permission.FriendLists;
import io.chatforge.im.message.permission.RelationChecker;
import io.chatforge.im.message.push.Delivery;
import io.chatforge.im.message.push.Push;
import io.chatforge.im.service.resilience.ResilienceProperties;
import io.chatforge.im.service.resilience.ResilientCalls;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import tools.jackson.databind.json.JsonMapper;

/** A connect storm times out friend lists: presence stops announcing, sending must not stop with it. */
class PresenceRouterTest {
    private static final ResilienceProperties.Policy FAST_BREAKER =
            new ResilienceProperties.Policy(1, Duration.ofMillis(1), 50, 20, 3, Duration.ofSeconds(30), false);

    private final JsonMapper json = new JsonMapper();
    private final CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();
    private final ResilientCalls resilient = new ResilientCalls(
            new ResilienceProperties(
                    Map.of(PresenceRouter.FRIEND_LISTS, FAST_BREAKER, RelationChecker.FRIEND_SERVICE, FAST_BREAKER)),
            breakers,
            RetryRegistry.ofDefaults());
    private final FriendLists friends = mock(FriendLists.class); // holds no list: every change asks friend-service
    private final Push push = mock(Push.class);
    private final PresenceRouter router = new PresenceRouter(friends, resilient, push, json);

    @Test
    void friendListsTimingOut_openTheirOwnBreaker_notTheOneTheRelationChecksGoThrough() {
        when(friends.fetch(anyLong()))
                .thenThrow(new UncheckedIOException(new SocketTimeoutException("Read timed out")));

        router.onBatch(presenceChanges(10));

        assertThat(breakers.circuitBreaker(PresenceRouter.FRIEND_LISTS).getState())
                .isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(resilient.call(RelationChecker.FRIEND_SERVICE, () -> "checked"))
                .isEqualTo("checked");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aBatchOfChanges_isPushedAtOnce_withOneAnnouncementPerUserWhoHasFriends() {
        when(friends.kept(anyLong())).thenReturn(Optional.empty());
        when(friends.fetch(anyLong()))
                .thenAnswer(call -> (long) call.getArgument(0) == 10_001 ? List.of() : List.of(7L));

        router.onBatch(presenceChanges(3));

        ArgumentCaptor<List<Delivery>> pushed = ArgumentCaptor.forClass(List.class);
        verify(push, times(1)).deliver(pushed.capture());
        assertThat(pushed.getValue()).hasSize(2);
        assertThat(pushed.getValue()).allSatisfy(d -> assertThat(d.receivers()).containsExactly(7L));
    }

    private List<ConsumerRecord<String, String>> presenceChanges(int count) {
        List<ConsumerRecord<String, String>> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            var event = new PresenceEvent(PresenceEvent.VERSION, 10_000 + i, true, System.currentTimeMillis());
            batch.add(
                    new ConsumerRecord<>(Topics.PRESENCE, 0, i, "u_" + event.userId(), json.writeValueAsString(event)));
        }
        return batch;
    }
}
