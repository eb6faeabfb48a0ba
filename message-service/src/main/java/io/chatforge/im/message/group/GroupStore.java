package io.chatforge.im.message.group;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** Groups and their members in the database. */
@Component
class GroupStore {
    private static final String GROUP_COLUMNS = "id, name, avatar_url, announcement, owner_id, member_count,"
            + " member_limit, allow_member_invites, muted_all, receipts_enabled, created_at, dissolved_at";

    private final JdbcTemplate jdbc;

    GroupStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String name, long ownerId, int limit, boolean allowInvites, long now) {
        var keys = new GeneratedKeyHolder();
        jdbc.update(
                connection -> {
                    PreparedStatement ps = connection.prepareStatement(
                            "INSERT INTO chat_groups (name, owner_id, member_count, member_limit, allow_member_invites,"
                                    + " created_at) VALUES (?, ?, 0, ?, ?, ?)",
                            Statement.RETURN_GENERATED_KEYS);
                    ps.setString(1, name);
                    ps.setLong(2, ownerId);
                    ps.setInt(3, limit);
                    ps.setBoolean(4, allowInvites);
                    ps.setLong(5, now);
                    return ps;
                },
                keys);
        return keys.getKey().longValue();
    }

    Optional<GroupRow> find(long id) {
        return jdbc.query("SELECT " + GROUP_COLUMNS + " FROM chat_groups WHERE id = ?", GroupStore::group, id).stream()
                .findFirst();
    }

    /** The group, locked until the transaction ends: membership changes of a group run one at a time. */
    Optional<GroupRow> lock(long id) {
        return jdbc
                .query("SELECT " + GROUP_COLUMNS + " FROM chat_groups WHERE id = ? FOR UPDATE", GroupStore::group, id)
                .stream()
                .findFirst();
    }

    void update(GroupRow g) {
        jdbc.update(
                "UPDATE chat_groups SET name = ?, avatar_url = ?, announcement = ?, owner_id = ?, member_count = ?,"
                        + " allow_member_invites = ?, muted_all = ?, receipts_enabled = ?, dissolved_at = ? WHERE id = ?",
                g.name(),
                g.avatar(),
                g.announcement(),
                g.ownerId(),
                g.memberCount(),
                g.allowMemberInvites(),
                g.mutedAll(),
                g.receiptsEnabled(),
                g.dissolvedAt(),
                g.id());
    }

    Optional<MemberRow> member(long groupId, long userId) {
        return jdbc
                .query(
                        "SELECT group_id, user_id, role, muted_until, joined_at FROM group_members"
                                + " WHERE group_id = ? AND user_id = ?",
                        GroupStore::member,
                        groupId,
                        userId)
                .stream()
                .findFirst();
    }

    List<MemberRow> members(long groupId, int page, int size) {
        return jdbc.query(
                "SELECT group_id, user_id, role, muted_until, joined_at FROM group_members WHERE group_id = ?"
                        + " ORDER BY FIELD(role, 'OWNER', 'ADMIN', 'MEMBER'), joined_at, user_id LIMIT ? OFFSET ?",
                GroupStore::member,
                groupId,
                size,
                (long) page * size);
    }

    List<Long> memberIds(long groupId) {
        return jdbc.queryForList("SELECT user_id FROM group_members WHERE group_id = ?", Long.class, groupId);
    }

    List<Long> existingMembers(long groupId, Collection<Long> userIds) {
        if (userIds.isEmpty()) {
            return List.of();
        }
        String marks = String.join(",", Collections.nCopies(userIds.size(), "?"));
        Object[] args = new Object[userIds.size() + 1];
        args[0] = groupId;
        int i = 1;
        for (Long id : userIds) {
            args[i++] = id;
        }
        return jdbc.queryForList(
                "SELECT user_id FROM group_members WHERE group_id = ? AND user_id IN (" + marks + ")",
                Long.class,
                args);
    }

    List<GroupRow> groupsOfPage(long userId, int page, int size) {
        return jdbc.query(
                "SELECT g." + GROUP_COLUMNS.replace(", ", ", g.")
                        + " FROM group_members m JOIN chat_groups g ON g.id = m.group_id"
                        + " WHERE m.user_id = ? ORDER BY g.id DESC LIMIT ? OFFSET ?",
                GroupStore::group,
                userId,
                size,
                (long) page * size);
    }

    /** The members of each of these groups whose receipts are on; a group with them off has none. */
    Map<Long, Set<Long>> membersWithReceipts(Collection<Long> groupIds) {
        Map<Long, Set<Long>> members = new HashMap<>();
        if (groupIds.isEmpty()) {
            return members;
        }
        groupIds.forEach(id -> members.put(id, new HashSet<>()));
        jdbc.query(
                "SELECT m.group_id, m.user_id FROM group_members m JOIN chat_groups g ON g.id = m.group_id"
                        + " WHERE g.receipts_enabled AND m.group_id IN ("
                        + String.join(",", Collections.nCopies(groupIds.size(), "?")) + ")",
                rs -> {
                    members.get(rs.getLong(1)).add(rs.getLong(2));
                },
                groupIds.toArray());
        return members;
    }

    Map<Long, GroupDirectory.Label> labels(Collection<Long> groupIds) {
        Map<Long, GroupDirectory.Label> labels = new HashMap<>();
        if (groupIds.isEmpty()) {
            return labels;
        }
        jdbc.query(
                "SELECT id, name, avatar_url FROM chat_groups WHERE id IN ("
                        + String.join(",", Collections.nCopies(groupIds.size(), "?")) + ")",
                rs -> {
                    labels.put(rs.getLong(1), new GroupDirectory.Label(rs.getString(2), rs.getString(3)));
                },
                groupIds.toArray());
        return labels;
    }

    void addMembers(long groupId, Collection<Long> userIds, Role role, long now) {
        jdbc.batchUpdate(
                "INSERT INTO group_members (group_id, user_id, role, joined_at) VALUES (?, ?, ?, ?)",
                userIds.stream()
                        .map(u -> new Object[] {groupId, u, role.name(), now})
                        .toList());
    }

    void removeMember(long groupId, long userId) {
        jdbc.update("DELETE FROM group_members WHERE group_id = ? AND user_id = ?", groupId, userId);
    }

    void removeAll(long groupId) {
        jdbc.update("DELETE FROM group_members WHERE group_id = ?", groupId);
    }

    void setRole(long groupId, long userId, Role role) {
        jdbc.update(
                "UPDATE group_members SET role = ? WHERE group_id = ? AND user_id = ?", role.name(), groupId, userId);
    }

    void setMutedUntil(long groupId, long userId, Long until) {
        jdbc.update(
                "UPDATE group_members SET muted_until = ? WHERE group_id = ? AND user_id = ?", until, groupId, userId);
    }

    private static GroupRow group(ResultSet rs, int row) throws SQLException {
        Long dissolved = rs.getObject("dissolved_at") == null ? null : rs.getLong("dissolved_at");
        return new GroupRow(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("avatar_url"),
                rs.getString("announcement"),
                rs.getLong("owner_id"),
                rs.getInt("member_count"),
                rs.getInt("member_limit"),
                rs.getBoolean("allow_member_invites"),
                rs.getBoolean("muted_all"),
                rs.getBoolean("receipts_enabled"),
                rs.getLong("created_at"),
                dissolved);
    }

    private static MemberRow member(ResultSet rs, int row) throws SQLException {
        long muted = rs.getLong("muted_until");
        Long mutedUntil = rs.wasNull() ? null : muted;
        return new MemberRow(
                rs.getLong("group_id"),
                rs.getLong("user_id"),
                Role.valueOf(rs.getString("role")),
                mutedUntil,
                rs.getLong("joined_at"));
    }
}
