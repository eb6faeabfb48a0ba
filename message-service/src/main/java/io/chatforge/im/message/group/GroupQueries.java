package io.chatforge.im.message.group;

import io.chatforge.im.service.web.ApiProblem;
import io.chatforge.im.service.web.PageView;
import java.util.List;
import org.springframework.stereotype.Component;

/** My groups, and a group's details for its members. */
@Component
class GroupQueries {
    static final int MAX_PAGE = 200;

    private final GroupStore groups;

    GroupQueries(GroupStore groups) {
        this.groups = groups;
    }

    PageView<GroupView> mine(long userId, int page, int size) {
        requirePage(page, size);
        List<GroupRow> rows = groups.groupsOfPage(userId, page, size + 1);
        boolean hasNext = rows.size() > size;
        return new PageView<>(rows.stream().limit(size).map(GroupRow::toView).toList(), page, size, hasNext);
    }

    GroupDetails details(long userId, long groupId, int page, int size) {
        requirePage(page, size);
        GroupRow group = groups.find(groupId).orElseThrow(() -> GroupRules.notFound(groupId));
        groups.member(groupId, userId).orElseThrow(() -> GroupRules.notFound(groupId));
        List<MemberRow> rows = groups.members(groupId, page, size + 1);
        boolean hasNext = rows.size() > size;
        return new GroupDetails(
                group.toView(),
                new PageView<>(rows.stream().limit(size).map(MemberRow::toView).toList(), page, size, hasNext));
    }

    private static void requirePage(int page, int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE) {
            throw ApiProblem.badRequest("validation_failed", "page must be >= 0 and size between 1 and " + MAX_PAGE);
        }
    }

    record GroupDetails(GroupView group, PageView<MemberView> members) {}
}
