package io.chatforge.im.friend.profile;

import io.chatforge.im.contracts.user.UserBatchRequest;
import io.chatforge.im.contracts.user.UserInternalApi;
import io.chatforge.im.contracts.user.UserSummary;
import java.util.List;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/** user-service's internal batch lookup. */
@FeignClient(name = "user-service", contextId = "userDirectoryClient")
interface UserDirectoryClient {

    @PostMapping(UserInternalApi.BATCH)
    List<UserSummary> users(@RequestBody UserBatchRequest request);
}
