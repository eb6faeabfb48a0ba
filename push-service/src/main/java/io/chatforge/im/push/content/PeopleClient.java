package io.chatforge.im.push.content;

import io.chatforge.im.contracts.user.UserBatchRequest;
import io.chatforge.im.contracts.user.UserInternalApi;
import io.chatforge.im.contracts.user.UserSummary;
import java.util.List;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/** user-service: names for titles. */
@FeignClient(name = "user-service", contextId = "pushPeopleClient")
interface PeopleClient {

    @PostMapping(UserInternalApi.BATCH)
    List<UserSummary> users(@RequestBody UserBatchRequest request);
}
