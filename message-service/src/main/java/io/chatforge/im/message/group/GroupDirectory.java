package io.chatforge.im.message.group;

import java.util.Collection;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Names and avatars of groups, for lists that show them (my conversations). */
@Component
public class GroupDirectory {
    private final GroupStore groups;

    GroupDirectory(GroupStore groups) {
        this.groups = groups;
    }

    public Map<Long, Label> labels(Collection<Long> groupIds) {
        return groups.labels(groupIds);
    }

    public record Label(String name, String avatar) {}
}
