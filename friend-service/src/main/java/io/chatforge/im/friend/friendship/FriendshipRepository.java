package io.chatforge.im.friend.friendship;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface FriendshipRepository extends JpaRepository<Friendship, Friendship.Key> {

    @Query("select f from Friendship f where f.key.userId = :userId order by f.createdAt desc, f.key.friendId")
    Slice<Friendship> friendsOf(long userId, Pageable page);

    default boolean areFriends(long a, long b) {
        return existsById(new Friendship.Key(a, b));
    }

    /** Deletes both directions; returns how many rows went (0 when they were not friends). */
    @Modifying
    @Query("delete from Friendship f where (f.key.userId = :a and f.key.friendId = :b)"
            + " or (f.key.userId = :b and f.key.friendId = :a)")
    int deleteBoth(long a, long b);
}
