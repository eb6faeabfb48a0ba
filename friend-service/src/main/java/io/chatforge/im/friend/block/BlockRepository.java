package io.chatforge.im.friend.block;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface BlockRepository extends JpaRepository<Block, Block.Key> {

    @Query("select b from Block b where b.key.blockerId = :blockerId order by b.createdAt desc, b.key.blockedId")
    Slice<Block> blockedBy(long blockerId, Pageable page);

    @Query("select count(b) > 0 from Block b where (b.key.blockerId = :a and b.key.blockedId = :b)"
            + " or (b.key.blockerId = :b and b.key.blockedId = :a)")
    boolean eitherBlocks(long a, long b);
}
