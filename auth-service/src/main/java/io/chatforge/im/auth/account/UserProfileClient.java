package io.chatforge.im.auth.account;

import io.chatforge.im.contracts.user.CreateProfileRequest;
import io.chatforge.im.contracts.user.UserInternalApi;
import io.chatforge.im.contracts.user.UserSummary;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;

/** user-service's internal profile API. */
@FeignClient(name = "user-service", contextId = "userProfileClient")
interface UserProfileClient {

    @PutMapping(UserInternalApi.PROFILE)
    UserSummary createProfile(@PathVariable("id") long id, @RequestBody CreateProfileRequest request);
}
