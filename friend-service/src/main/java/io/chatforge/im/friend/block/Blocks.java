package io.chatforge.im.friend.block;

import org.springframework.stereotype.Component;

/** Block lookups other features need. */
@Component
public class Blocks {
    private final BlockRepository blocks;

    Blocks(BlockRepository blocks) {
        this.blocks = blocks;
    }

    /** True when either user blocks the other; callers never say which. */
    public boolean eitherBlocks(long a, long b) {
        return blocks.eitherBlocks(a, b);
    }
}
