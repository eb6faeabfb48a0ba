package io.chatforge.im.user.profile;

import io.chatforge.im.contracts.user.CreateProfileRequest;
import io.chatforge.im.contracts.user.UserBatchRequest;
import io.chatforge.im.contracts.user.UserInternalApi;
import io.chatforge.im.contracts.user.UserSummary;
import io.chatforge.im.service.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Called by other platform services only (shared internal token; never routed by the gateway). */
@RestController
@Tag(name = "internal")
class InternalProfileController {
    private final ProfileService profiles;

    InternalProfileController(ProfileService profiles) {
        this.profiles = profiles;
    }

    @PutMapping(UserInternalApi.PROFILE)
    @Operation(summary = "Create the profile of a new account (idempotent)")
    ResponseEntity<UserSummary> create(@PathVariable long id, @RequestBody CreateProfileRequest request) {
        if (id <= 0 || request.username() == null || request.username().isBlank()) {
            throw ApiProblem.badRequest("validation_failed", "id and username are required");
        }
        var outcome = profiles.create(id, request);
        return ResponseEntity.status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(outcome.profile());
    }

    @PostMapping(UserInternalApi.BATCH)
    @Operation(summary = "Profiles of many users at once; unknown ids are left out")
    List<UserSummary> batch(@RequestBody UserBatchRequest request) {
        if (request.ids() == null || request.ids().size() > UserBatchRequest.MAX_IDS) {
            throw ApiProblem.badRequest("validation_failed", "ids: 0 to " + UserBatchRequest.MAX_IDS + " ids");
        }
        if (request.ids().isEmpty()) {
            return List.of();
        }
        return profiles.summaries(new LinkedHashSet<>(request.ids()));
    }
}
