package io.chatforge.im.message.group;

import io.chatforge.im.contracts.push.PushInternalApi;
import io.chatforge.im.service.web.ApiProblem;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** push-service's title for a group's notifications: the group's name. */
@RestController
class InternalGroupNameController {
    private final GroupStore groups;

    InternalGroupNameController(GroupStore groups) {
        this.groups = groups;
    }

    @GetMapping(PushInternalApi.GROUP_NAME)
    PushInternalApi.GroupName name(@PathVariable long groupId) {
        return groups.find(groupId)
                .map(g -> new PushInternalApi.GroupName(g.name()))
                .orElseThrow(() -> ApiProblem.notFound("group_not_found", "no such group"));
    }
}
