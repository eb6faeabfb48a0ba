package io.chatforge.im.friend.block;

import io.chatforge.im.security.ImPrincipal;
import io.chatforge.im.service.web.PageView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/friends/blocks")
@Tag(name = "blocks")
class BlockController {
    private final BlockService blocks;

    BlockController(BlockService blocks) {
        this.blocks = blocks;
    }

    @PostMapping("/{userId}")
    @Operation(summary = "Block a user: ends our friendship and withdraws pending requests (201; 200 if already)")
    ResponseEntity<Void> block(@AuthenticationPrincipal ImPrincipal me, @PathVariable long userId) {
        boolean created = blocks.block(me.userId(), userId);
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK)
                .build();
    }

    @DeleteMapping("/{userId}")
    @Operation(summary = "Lift a block (friendship is not restored)")
    ResponseEntity<Void> unblock(@AuthenticationPrincipal ImPrincipal me, @PathVariable long userId) {
        blocks.unblock(me.userId(), userId);
        return ResponseEntity.noContent().build();
    }

    @GetMapping
    @Operation(summary = "The users I block, newest first")
    PageView<BlockView> list(
            @AuthenticationPrincipal ImPrincipal me,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return blocks.list(me.userId(), page, size);
    }
}
