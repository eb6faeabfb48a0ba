package io.chatforge.im.friend.profile;

import io.chatforge.im.contracts.user.UserBatchRequest;
import io.chatforge.im.contracts.user.UserSummary;
import io.chatforge.im.service.resilience.ResilientCalls;
import io.chatforge.im.service.web.ApiProblem;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Profiles from user-service, with retry and a circuit breaker. */
@Component
public class UserDirectory {
    static final String USER_SERVICE = "user-service";
    private static final Logger log = LoggerFactory.getLogger(UserDirectory.class);

    private final UserDirectoryClient client;
    private final ResilientCalls resilient;

    UserDirectory(UserDirectoryClient client, ResilientCalls resilient) {
        this.client = client;
        this.resilient = resilient;
    }

    /** Fails with 404 for an unknown user and 503 when user-service cannot tell. */
    public void requireExists(long userId) {
        List<UserSummary> found;
        try {
            found = resilient.call(USER_SERVICE, () -> client.users(new UserBatchRequest(List.of(userId))));
        } catch (RuntimeException e) {
            log.warn("cannot check user {}: {}{}", userId, e.toString(), hint(e));
            throw ApiProblem.unavailable(
                    "user_directory_unavailable", "cannot check that user right now; try again", Duration.ofSeconds(2));
        }
        if (found.stream().noneMatch(u -> u.id() == userId)) {
            throw ApiProblem.notFound("user_not_found", "no user with id " + userId);
        }
    }

    /** A 401/403 from user-service is a configuration error, not an outage: say so in the log. */
    private static String hint(RuntimeException e) {
        return e instanceof feign.FeignException f && (f.status() == 401 || f.status() == 403)
                ? " (check IM_INTERNAL_TOKEN: user-service refused it)"
                : "";
    }

    /**
     * The peers for a page of results in one batch call. When user-service is down (or its
     * breaker open) the peers carry ids only: a list is better than an error.
     */
    public Map<Long, PeerView> peers(Collection<Long> userIds) {
        Map<Long, UserSummary> profiles = Map.of();
        if (!userIds.isEmpty()) {
            try {
                profiles =
                        resilient
                                .call(USER_SERVICE, () -> client.users(new UserBatchRequest(List.copyOf(userIds))))
                                .stream()
                                .collect(Collectors.toMap(UserSummary::id, Function.identity(), (x, y) -> x));
            } catch (RuntimeException e) {
                log.warn("profiles unavailable, answering with ids only: {}", e.toString());
            }
        }
        Map<Long, PeerView> peers = new HashMap<>();
        for (long id : userIds) {
            peers.put(id, PeerView.of(id, profiles.get(id)));
        }
        return peers;
    }
}
