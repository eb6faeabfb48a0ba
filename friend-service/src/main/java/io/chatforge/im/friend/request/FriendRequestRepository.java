package io.chatforge.im.friend.request;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface FriendRequestRepository extends JpaRepository<FriendRequest, Long> {

    /** Who a request is between, read without loading (and caching) the request itself. */
    @Query("select new io.chatforge.im.friend.request.RequestParties(r.fromUserId, r.toUserId)"
            + " from FriendRequest r where r.id = :id")
    Optional<RequestParties> partiesOf(long id);

    /** The request's current state, locked until the transaction ends. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from FriendRequest r where r.id = :id")
    Optional<FriendRequest> findLocked(long id);

    Optional<FriendRequest> findFirstByFromUserIdAndToUserIdAndStatus(
            long fromUserId, long toUserId, FriendRequest.Status status);

    @Query("select r from FriendRequest r where r.status = 'PENDING' and ((r.fromUserId = :a and r.toUserId = :b)"
            + " or (r.fromUserId = :b and r.toUserId = :a))")
    List<FriendRequest> pendingBetween(long a, long b);

    Slice<FriendRequest> findByToUserIdAndStatusOrderByCreatedAtDescIdDesc(
            long toUserId, FriendRequest.Status status, Pageable page);

    Slice<FriendRequest> findByFromUserIdAndStatusOrderByCreatedAtDescIdDesc(
            long fromUserId, FriendRequest.Status status, Pageable page);
}
