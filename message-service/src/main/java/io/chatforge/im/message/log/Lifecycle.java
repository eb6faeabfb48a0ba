package io.chatforge.im.message.log;

import io.chatforge.im.contracts.frame.MediaInfo;
import io.chatforge.im.contracts.frame.MessageBody;
import io.chatforge.im.contracts.messaging.ConversationIds;
import io.chatforge.im.message.log.LifecycleRules.Accepted;
import io.chatforge.im.message.log.LifecycleRules.Decision;
import io.chatforge.im.message.log.LifecycleRules.Target;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs {@link LifecycleRules} on a batch inside the append's transaction, after the conversations
 * are locked: reads the targets, windows and emojis the drafts need (nothing for a plain text),
 * decides each draft in order (a change seen by the drafts after it), and once the entries have
 * their seqs applies the effects: edited text, recalled content erased (with the edits that
 * carried it), reactions, mentions, messages deleted and conversations cleared for one member.
 */
@Component
class Lifecycle {
    private final JdbcTemplate jdbc;
    private final LifecycleRules rules;
    private final JsonMapper json;

    Lifecycle(
            JdbcTemplate jdbc,
            JsonMapper json,
            @Value("${im.message.edit-window:48h}") Duration editWindow,
            @Value("${im.message.recall-window:2m}") Duration recallWindow) {
        this.jdbc = jdbc;
        this.json = json;
        this.rules = new LifecycleRules(editWindow, recallWindow);
    }

    /** Each draft's decision, in order; {@code groupMembers}: current members of the batch's groups. */
    Map<Draft, Decision> decide(Collection<Draft> drafts, Map<String, Set<Long>> groupMembers) {
        Map<Draft, Decision> decisions = new java.util.IdentityHashMap<>();
        LoadedFacts facts = load(drafts, groupMembers);
        for (Draft draft : drafts) {
            Decision decision = rules.decide(draft, facts);
            decisions.put(draft, decision);
            if (decision instanceof Accepted accepted && accepted.stored().targetId() != null) {
                Target target = facts.targets.get(accepted.stored().targetId());
                if (target != null) {
                    facts.targets.put(target.id(), LifecycleRules.after(target, accepted.effect()));
                }
            }
        }
        return decisions;
    }

    /** Applies the effects of accepted drafts, now stored as these entries. */
    void apply(List<Applied> applied, long now) {
        List<Object[]> edits = new ArrayList<>();
        List<Object[]> recalls = new ArrayList<>();
        List<Object[]> reactionsOn = new ArrayList<>();
        List<Object[]> reactionsOff = new ArrayList<>();
        List<Object[]> mentions = new ArrayList<>();
        List<Object[]> hidden = new ArrayList<>();
        List<Object[]> clears = new ArrayList<>();
        List<Object[]> attached = new ArrayList<>();
        for (Applied a : applied) {
            LifecycleRules.Effect effect = a.effect();
            if (effect instanceof LifecycleRules.Edit edit) {
                edits.add(new Object[] {edit.text(), now, edit.targetId()});
            } else if (effect instanceof LifecycleRules.Recall recall) {
                recalls.add(new Object[] {recall.targetId()});
            } else if (effect instanceof LifecycleRules.React react) {
                (react.on() ? reactionsOn : reactionsOff)
                        .add(
                                react.on()
                                        ? new Object[] {react.targetId(), react.emoji(), react.userId(), now}
                                        : new Object[] {react.targetId(), react.emoji(), react.userId()});
            } else if (effect instanceof LifecycleRules.Mention mention) {
                List<Long> users = mention.mentions().all()
                        ? List.of(0L)
                        : mention.mentions().userIds();
                users.forEach(u -> mentions.add(
                        new Object[] {a.entry().conversationId(), u, a.entry().seq()}));
            } else if (effect instanceof LifecycleRules.Attach attach) {
                attached.add(new Object[] {
                    a.entry().msgId(),
                    attach.mediaId(),
                    a.entry().conversationId(),
                    a.entry().seq()
                });
            } else if (effect instanceof LifecycleRules.Hide hide) {
                hidden.add(new Object[] {hide.userId(), hide.conversationId(), hide.seq()});
            } else if (effect instanceof LifecycleRules.Clear clear) {
                clears.add(new Object[] {
                    clear.throughSeq(), clear.throughSeq(), clear.throughSeq(), clear.userId(), clear.conversationId()
                });
            }
        }
        if (!edits.isEmpty()) {
            jdbc.batchUpdate(
                    "UPDATE messages SET edited_text = ?, edited_at = ? WHERE id = ? AND recalled_at IS NULL", edits);
        }
        if (!recalls.isEmpty()) {
            // the content is erased, from the message and from every edit that carried a version of it
            List<Object[]> at =
                    recalls.stream().map(r -> new Object[] {now, r[0]}).toList();
            jdbc.batchUpdate(
                    "UPDATE messages SET content = '', media = NULL, edited_text = NULL, recalled_at = ? WHERE id = ?",
                    at);
            // its object is no longer carried by it: no download through it, removed when nothing else carries it
            jdbc.batchUpdate("DELETE FROM message_media WHERE msg_id = ?", recalls);
            jdbc.batchUpdate(
                    "UPDATE messages SET content = JSON_REMOVE(content, '$.text') WHERE target_id = ? AND kind = 'edit'",
                    recalls);
            jdbc.batchUpdate("DELETE FROM message_reactions WHERE message_id = ?", recalls);
        }
        if (!attached.isEmpty()) {
            jdbc.batchUpdate(
                    "INSERT IGNORE INTO message_media (msg_id, media_id, conversation_id, seq) VALUES (?,?,?,?)",
                    attached);
        }
        if (!reactionsOn.isEmpty()) {
            jdbc.batchUpdate(
                    "INSERT IGNORE INTO message_reactions (message_id, emoji, user_id, created_at) VALUES (?,?,?,?)",
                    reactionsOn);
        }
        if (!reactionsOff.isEmpty()) {
            jdbc.batchUpdate(
                    "DELETE FROM message_reactions WHERE message_id = ? AND emoji = ? AND user_id = ?", reactionsOff);
        }
        if (!mentions.isEmpty()) {
            jdbc.batchUpdate(
                    "INSERT IGNORE INTO message_mentions (conversation_id, user_id, seq) VALUES (?,?,?)", mentions);
        }
        if (!hidden.isEmpty()) {
            jdbc.batchUpdate(
                    "INSERT IGNORE INTO message_hidden (user_id, conversation_id, seq) VALUES (?,?,?)", hidden);
        }
        if (!clears.isEmpty()) {
            jdbc.batchUpdate(
                    "UPDATE conversation_members SET cleared_seq = GREATEST(cleared_seq, ?),"
                            + " read_seq = GREATEST(read_seq, ?), delivered_seq = GREATEST(delivered_seq, ?)"
                            + " WHERE user_id = ? AND conversation_id = ?",
                    clears);
        }
    }

    /** An accepted draft's effect and the entry it became. */
    record Applied(Entry entry, LifecycleRules.Effect effect) {}

    /**
     * What the row's content holds: a text's text, or for a change or private entry the body it
     * is delivered with (JSON), so that sync serves it as it was pushed.
     */
    String content(Accepted accepted) {
        String kind = accepted.stored().kind();
        return MessageBody.CHANGES.contains(kind) || MessageBody.PRIVATE.contains(kind)
                ? json.writeValueAsString(accepted.delivered())
                : accepted.stored().content();
    }

    String mediaJson(LifecycleRules.Stored stored) {
        return stored.media() == null ? null : json.writeValueAsString(stored.media());
    }

    String mentionsJson(LifecycleRules.Stored stored) {
        return stored.mentions() == null ? null : json.writeValueAsString(stored.mentions());
    }

    private LoadedFacts load(Collection<Draft> drafts, Map<String, Set<Long>> groupMembers) {
        Set<Long> ids = new LinkedHashSet<>();
        Set<Long> reacted = new HashSet<>();
        Set<List<Object>> windows = new LinkedHashSet<>();
        for (Draft draft : drafts) {
            MessageBody body = draft.body();
            if (MessageBody.isContent(body.kind()) && body.replyTo() == null && body.mentions() == null) {
                continue; // a plain text or media message needs no facts: the hot path reads nothing more
            }
            List<Long> targets = LifecycleRules.targetIds(draft);
            ids.addAll(targets);
            if (MessageBody.REACTION.equals(body.kind())) {
                reacted.addAll(targets);
            }
            windows.add(List.of(draft.senderId(), draft.conversationId()));
            if (body.from() != null && body.from().conversationId() != null) {
                windows.add(List.of(draft.senderId(), body.from().conversationId()));
            }
            if (body.conversationId() != null) {
                windows.add(List.of(draft.senderId(), body.conversationId()));
            }
        }
        return new LoadedFacts(targets(ids, reacted), windows(windows), groupMembers, System.currentTimeMillis());
    }

    private Map<Long, Target> targets(Set<Long> ids, Set<Long> reacted) {
        Map<Long, Set<String>> emojis = new HashMap<>();
        if (!reacted.isEmpty()) {
            jdbc.query(
                    "SELECT DISTINCT message_id, emoji FROM message_reactions WHERE message_id IN ("
                            + marks(reacted.size()) + ")",
                    rs -> {
                        emojis.computeIfAbsent(rs.getLong(1), k -> new HashSet<>())
                                .add(rs.getString(2));
                    },
                    reacted.toArray());
        }
        Map<Long, Target> targets = new HashMap<>();
        if (ids.isEmpty()) {
            return targets;
        }
        jdbc.query(
                "SELECT id, conversation_id, seq, sender_id, kind, content, edited_text, recalled_at, created_at,"
                        + " forwarded_from, visible_to, media FROM messages WHERE id IN (" + marks(ids.size()) + ")",
                rs -> {
                    if (rs.getObject("visible_to") != null) {
                        return; // another member's own entry: not a message anyone refers to
                    }
                    long id = rs.getLong("id");
                    String edited = rs.getString("edited_text");
                    targets.put(
                            id,
                            new Target(
                                    id,
                                    rs.getString("conversation_id"),
                                    rs.getLong("seq"),
                                    rs.getLong("sender_id"),
                                    rs.getString("kind"),
                                    edited != null ? edited : rs.getString("content"),
                                    rs.getObject("recalled_at") != null,
                                    rs.getLong("created_at"),
                                    (Long) rs.getObject("forwarded_from", Long.class),
                                    emojis.getOrDefault(id, Set.of()),
                                    media(rs.getString("media"))));
                },
                ids.toArray());
        return targets;
    }

    private Map<List<Object>, Window> windows(Set<List<Object>> pairs) {
        Map<List<Object>, Window> windows = new HashMap<>();
        if (pairs.isEmpty()) {
            return windows;
        }
        List<Object> args = new ArrayList<>();
        pairs.forEach(args::addAll);
        jdbc.query(
                "SELECT m.user_id, m.conversation_id, GREATEST(m.joined_seq, m.cleared_seq),"
                        + " LEAST(c.last_seq, COALESCE(m.left_seq, c.last_seq))"
                        + " FROM conversation_members m JOIN conversations c ON c.id = m.conversation_id"
                        + " WHERE (m.user_id, m.conversation_id) IN ("
                        + String.join(",", Collections.nCopies(pairs.size(), "(?,?)")) + ")",
                rs -> {
                    windows.put(
                            List.of(rs.getLong(1), rs.getString(2)),
                            new Window(rs.getString(2), rs.getLong(3), rs.getLong(4)));
                },
                args.toArray());
        return windows;
    }

    private MediaInfo media(String stored) {
        return stored == null ? null : json.readValue(stored, MediaInfo.class);
    }

    private static String marks(int n) {
        return String.join(",", Collections.nCopies(n, "?"));
    }

    private static final class LoadedFacts implements LifecycleRules.Facts {
        final Map<Long, Target> targets;
        final Map<List<Object>, Window> windows;
        final Map<String, Set<Long>> groupMembers;
        final long now;

        LoadedFacts(
                Map<Long, Target> targets,
                Map<List<Object>, Window> windows,
                Map<String, Set<Long>> groupMembers,
                long now) {
            this.targets = targets;
            this.windows = windows;
            this.groupMembers = groupMembers;
            this.now = now;
        }

        @Override
        public Target target(long id) {
            return targets.get(id);
        }

        @Override
        public Window readable(long userId, String conversationId) {
            return windows.get(List.of(userId, conversationId));
        }

        @Override
        public Set<Long> members(String conversationId) {
            long[] direct = ConversationIds.members(conversationId);
            if (direct != null) {
                return Set.of(direct[0], direct[1]);
            }
            return groupMembers.getOrDefault(conversationId, Set.of());
        }

        @Override
        public long now() {
            return now;
        }
    }
}
