package io.chatforge.im.user.profile;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface UserProfileRepository extends JpaRepository<UserProfile, Long> {

    Optional<UserProfile> findByUsername(String username);

    List<UserProfile> findByIdIn(Collection<Long> ids);

    /** Prefix match on username or nickname; {@code prefix} must already end in % and escape with '!'. */
    @Query("select u from UserProfile u where u.username like :prefix escape '!' or u.nickname like :prefix escape '!'"
            + " order by u.username")
    Slice<UserProfile> searchByPrefix(@Param("prefix") String prefix, Pageable pageable);
}
