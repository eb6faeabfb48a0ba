package io.chatforge.im.user.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatforge.im.contracts.user.CreateProfileRequest;
import io.chatforge.im.service.web.ApiProblem;
import io.chatforge.im.testsupport.IntegrationTest;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Profile storage against the real MySQL-compatible server (utf8mb4, collation, unique keys). */
@IntegrationTest
class ProfileServiceIT {
    private static final AtomicLong IDS = new AtomicLong(System.currentTimeMillis() % 1_000_000 * 1000);

    @Autowired
    ProfileService profiles;

    @Test
    void emojiAndCjkNicknames_roundTripExactly() {
        long id = IDS.incrementAndGet();
        String nickname = "Zoë 🧑‍🚀 宇航员 𝔘𝔫𝔦";
        profiles.create(id, new CreateProfileRequest("astro" + id, nickname));
        assertThat(profiles.get(id).nickname()).isEqualTo(nickname);
    }

    @Test
    void timestamps_keepTheirFractionalSeconds() {
        long id = IDS.incrementAndGet();
        profiles.create(id, new CreateProfileRequest("micro" + id, null));
        assertThat(profiles.get(id).createdAt().getNano())
                .as("mysql-connector-j on MariaDB 10 would drop them")
                .isNotZero();
    }

    @Test
    void creatingTheSameProfileConcurrently_createsItOnce() {
        long id = IDS.incrementAndGet();
        var request = new CreateProfileRequest("twin" + id, null);
        List<CompletableFuture<ProfileService.CreateOutcome>> attempts = List.of(
                CompletableFuture.supplyAsync(() -> profiles.create(id, request)),
                CompletableFuture.supplyAsync(() -> profiles.create(id, request)),
                CompletableFuture.supplyAsync(() -> profiles.create(id, request)));
        var outcomes = attempts.stream().map(CompletableFuture::join).toList();
        assertThat(outcomes).filteredOn(ProfileService.CreateOutcome::created).hasSize(1);
        assertThat(outcomes).extracting(o -> o.profile().id()).containsOnly(id);
    }

    @Test
    void aUsernameBelongsToOneIdOnly_whateverItsCase() {
        long id = IDS.incrementAndGet();
        profiles.create(id, new CreateProfileRequest("Unique" + id, null));
        assertThatThrownBy(() -> profiles.create(id + 500_000, new CreateProfileRequest("unique" + id, null)))
                .isInstanceOfSatisfying(
                        ApiProblem.class, p -> assertThat(p.code()).isEqualTo("username_taken"));
    }

    @Test
    void search_matchesPrefixesOfUsernameOrNickname_caseInsensitively() {
        long id = IDS.incrementAndGet();
        profiles.create(id, new CreateProfileRequest("pfx" + id, "Quokka" + id));
        assertThat(profiles.search("PFX" + id, 0, 10).getContent())
                .extracting(UserProfile::id)
                .containsExactly(id);
        assertThat(profiles.search("quokka" + id, 0, 10).getContent())
                .extracting(UserProfile::id)
                .containsExactly(id);
        assertThat(profiles.search("okka" + id, 0, 10).getContent()).isEmpty();
    }
}
