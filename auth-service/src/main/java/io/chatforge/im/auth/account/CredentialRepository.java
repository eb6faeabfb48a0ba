package io.chatforge.im.auth.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CredentialRepository extends JpaRepository<Credential, Long> {

    /** By canonical username ({@code Usernames.canonical}); the column compares bytes. */
    Optional<Credential> findByUsername(String username);

    List<Credential> findByStatusAndCreatedAtBeforeOrderByCreatedAt(
            Credential.Status status, Instant before, Limit limit);
}
