package io.chatforge.im.user.profile;

import io.chatforge.im.contracts.user.CreateProfileRequest;
import io.chatforge.im.contracts.user.UserSummary;
import io.chatforge.im.service.web.ApiProblem;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Slice;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

@Service
class ProfileService {
    static final int MAX_PAGE_SIZE = 50;

    private final UserProfileRepository profiles;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ProfileService(UserProfileRepository profiles, TransactionTemplate transactions, Clock clock) {
        this.profiles = profiles;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    ProfileView get(long id) {
        return profiles.findById(id).map(UserProfile::toView).orElseThrow(() -> notFound(id));
    }

    @Transactional
    ProfileView update(long id, UpdateProfileRequest request) {
        UserProfile profile = profiles.findById(id).orElseThrow(() -> notFound(id));
        if (request.nickname() != null) {
            profile.rename(ProfileRules.nickname(request.nickname()), clock.instant());
        }
        if (request.avatar() != null) {
            profile.changeAvatar(ProfileRules.avatar(request.avatar()), clock.instant());
        }
        return profile.toView();
    }

    @Transactional(readOnly = true)
    Slice<UserProfile> search(String query, int page, int size) {
        String q = query == null ? "" : query.strip();
        if (q.isEmpty() || q.length() > 64) {
            throw ApiProblem.badRequest("validation_failed", "query must be 1 to 64 characters")
                    .with("field", "query");
        }
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw ApiProblem.badRequest(
                    "validation_failed", "page must be >= 0 and size between 1 and " + MAX_PAGE_SIZE);
        }
        return profiles.searchByPrefix(likePrefix(q), PageRequest.of(page, size));
    }

    /**
     * Creates the profile of a new account, or confirms the one a previous attempt created. Safe
     * to repeat; a conflict means the id or the username already belongs to someone else.
     */
    CreateOutcome create(long id, CreateProfileRequest request) {
        String username = request.username();
        String nickname = ProfileRules.nickname(
                request.nickname() == null || request.nickname().isBlank() ? username : request.nickname());
        try {
            return transactions.execute(tx -> {
                var existing = profiles.findById(id);
                if (existing.isPresent()) {
                    return sameAccount(existing.get(), username);
                }
                UserProfile created = profiles.saveAndFlush(new UserProfile(id, username, nickname, clock.instant()));
                return new CreateOutcome(true, created.toSummary());
            });
        } catch (DataIntegrityViolationException raced) {
            // a concurrent attempt inserted first, or the username is taken by another id
            return transactions.execute(tx -> profiles.findById(id)
                    .map(p -> sameAccount(p, username))
                    .orElseThrow(() -> usernameTaken(username)));
        }
    }

    @Transactional(readOnly = true)
    List<UserSummary> summaries(Collection<Long> ids) {
        return profiles.findByIdIn(ids).stream().map(UserProfile::toSummary).toList();
    }

    private static CreateOutcome sameAccount(UserProfile profile, String username) {
        if (!profile.username().equalsIgnoreCase(username)) {
            throw ApiProblem.conflict("profile_conflict", "user " + profile.id() + " has another username");
        }
        return new CreateOutcome(false, profile.toSummary());
    }

    private static ApiProblem usernameTaken(String username) {
        return ApiProblem.conflict("username_taken", "username is taken");
    }

    private static ApiProblem notFound(long id) {
        return ApiProblem.notFound("user_not_found", "no user with id " + id);
    }

    /** Escapes LIKE wildcards with '!' so that user input only ever matches literally. */
    static String likePrefix(String query) {
        return query.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    record CreateOutcome(boolean created, UserSummary profile) {}
}
