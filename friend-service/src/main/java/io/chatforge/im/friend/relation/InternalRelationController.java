package io.chatforge.im.friend.relation;

import io.chatforge.im.contracts.social.FriendInternalApi;
import io.chatforge.im.contracts.social.Relation;
import io.chatforge.im.contracts.social.RelationBatchRequest;
import io.chatforge.im.contracts.social.RelationPage;
import io.chatforge.im.service.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** For platform services (message-service asks on every message). Never routed by the gateway. */
@RestController
@Tag(name = "internal")
class InternalRelationController {
    private final RelationService relations;

    InternalRelationController(RelationService relations) {
        this.relations = relations;
    }

    @GetMapping(FriendInternalApi.RELATION)
    @Operation(summary = "How a and b stand: friends, and who blocks whom")
    Relation relation(@PathVariable long a, @PathVariable long b) {
        requirePair(a, b);
        return relations.relation(a, b);
    }

    @PostMapping(FriendInternalApi.RELATION_BATCH)
    @Operation(summary = "Many relations at once, in the order asked")
    List<Relation> relations(@RequestBody RelationBatchRequest request) {
        if (request.pairs() == null || request.pairs().size() > RelationBatchRequest.MAX_PAIRS) {
            throw ApiProblem.badRequest(
                    "validation_failed", "pairs: 0 to " + RelationBatchRequest.MAX_PAIRS + " pairs");
        }
        request.pairs().forEach(p -> requirePair(p.a(), p.b()));
        return relations.relations(request.pairs());
    }

    @GetMapping(FriendInternalApi.RELATIONS)
    @Operation(summary = "Every relation held (friends or a block), lower id first, by pages, with versions")
    RelationPage relations(
            @RequestParam(defaultValue = "0") long afterLow,
            @RequestParam(defaultValue = "0") long afterHigh,
            @RequestParam(defaultValue = "1000") int limit) {
        if (afterLow < 0 || afterHigh < 0 || limit < 1 || limit > FriendInternalApi.MAX_RELATIONS_PAGE) {
            throw ApiProblem.badRequest(
                    "validation_failed",
                    "afterLow and afterHigh >= 0, limit 1 to " + FriendInternalApi.MAX_RELATIONS_PAGE);
        }
        return relations.page(afterLow, afterHigh, limit);
    }

    private static void requirePair(long a, long b) {
        if (a <= 0 || b <= 0 || a == b) {
            throw ApiProblem.badRequest("validation_failed", "a and b must be two distinct user ids");
        }
    }
}
