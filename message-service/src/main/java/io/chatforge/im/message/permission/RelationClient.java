package io.chatforge.im.message.permission;

import io.chatforge.im.contracts.social.FriendInternalApi;
import io.chatforge.im.contracts.social.Relation;
import io.chatforge.im.contracts.social.RelationBatchRequest;
import io.chatforge.im.contracts.social.RelationPage;
import java.util.List;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

/** friend-service's relation checks (answered from its Redis cache in the steady state). */
@FeignClient(name = "friend-service", contextId = "relationClient")
interface RelationClient {

    @PostMapping(FriendInternalApi.RELATION_BATCH)
    List<Relation> relations(@RequestBody RelationBatchRequest request);

    @GetMapping(FriendInternalApi.RELATIONS)
    RelationPage page(
            @RequestParam("afterLow") long afterLow,
            @RequestParam("afterHigh") long afterHigh,
            @RequestParam("limit") int limit);
}
