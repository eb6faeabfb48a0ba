package io.chatforge.im.message.log;

import io.chatforge.im.contracts.frame.MediaInfo;
import io.chatforge.im.contracts.frame.Mentions;
import io.chatforge.im.contracts.frame.MessageBody;
import io.chatforge.im.contracts.frame.MessageBody.ReplyTo;
import io.chatforge.im.contracts.frame.MsgFrame;
import io.chatforge.im.contracts.frame.Sender;
import io.chatforge.im.contracts.media.MediaKinds;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stored rows as one reader sees them: a text with its quote ({@code replyTo}), mentions and
 * {@code forwarded} mark, folded with its later state ({@code edited}, {@code recalled},
 * {@code reactions} with the reader's own marked); a change or private entry as the body it was
 * delivered with. Two reads at most per page, whatever its size.
 */
@Component
class MessageFolding {
    static final int REACTION_USERS_SHOWN = 20;

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    MessageFolding(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    List<MsgFrame> frames(List<MessageRows.Row> rows, long viewer) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, Quote> quotes = quotes(rows);
        Map<Long, List<Reacted>> reactions = reactions(rows);
        List<MsgFrame> frames = new ArrayList<>(rows.size());
        for (MessageRows.Row row : rows) {
            frames.add(frame(row, viewer, quotes, reactions));
        }
        return frames;
    }

    private MsgFrame frame(
            MessageRows.Row row, long viewer, Map<Long, Quote> quotes, Map<Long, List<Reacted>> reactions) {
        MsgFrame frame = new MsgFrame(
                row.conversationId(),
                Long.toString(row.id()),
                row.seq(),
                new Sender(row.senderId(), row.senderDeviceId()),
                body(row, quotes),
                row.createdAt());
        if (!MessageBody.isContent(row.kind())) {
            return frame;
        }
        MsgFrame.Edited edited = row.editedAt() == null ? null : new MsgFrame.Edited(row.editedText(), row.editedAt());
        return frame.withState(edited, row.recalledAt() != null, folded(reactions.get(row.id()), viewer));
    }

    private MessageBody body(MessageRows.Row row, Map<Long, Quote> quotes) {
        switch (row.kind()) {
            case MessageBody.TEXT -> {
                ReplyTo replyTo = null;
                if (row.replyToId() != null) {
                    Quote quote = quotes.get(row.replyToId());
                    replyTo = quote == null
                            ? new ReplyTo(Long.toString(row.replyToId()), null, null, null)
                            : new ReplyTo(
                                    Long.toString(row.replyToId()), quote.seq(), quote.senderId(), quote.preview());
                }
                Mentions mentions = row.mentions() == null ? null : json.readValue(row.mentions(), Mentions.class);
                MessageBody body = MessageBody.text(row.content(), replyTo, mentions);
                return row.forwardedFrom() == null
                        ? body
                        : new MessageBody(
                                MessageBody.TEXT,
                                row.content(),
                                replyTo,
                                mentions,
                                null,
                                null,
                                null,
                                null,
                                null,
                                new MessageBody.Forwarded(row.forwardedFrom()),
                                null,
                                null,
                                null,
                                null);
            }
            case MediaKinds.IMAGE, MediaKinds.FILE, MediaKinds.AUDIO, MediaKinds.VIDEO -> {
                MediaInfo media = row.media() == null ? null : json.readValue(row.media(), MediaInfo.class);
                String caption = row.content() == null || row.content().isEmpty() ? null : row.content();
                MessageBody body = MessageBody.media(row.kind(), media, caption);
                return row.forwardedFrom() == null ? body : body.forwardedMedia(row.forwardedFrom());
            }
            case MessageBody.SYSTEM -> {
                return new MessageBody(MessageBody.SYSTEM, row.content());
            }
            default -> {
                // changes and private entries keep the body they were delivered with
                return row.content() == null || row.content().isEmpty()
                        ? new MessageBody(row.kind(), null)
                        : json.readValue(row.content(), MessageBody.class);
            }
        }
    }

    private static List<MsgFrame.Reaction> folded(List<Reacted> reacted, long viewer) {
        if (reacted == null) {
            return null;
        }
        Map<String, List<Long>> byEmoji = new LinkedHashMap<>();
        reacted.forEach(
                r -> byEmoji.computeIfAbsent(r.emoji(), e -> new ArrayList<>()).add(r.userId()));
        List<MsgFrame.Reaction> out = new ArrayList<>();
        byEmoji.forEach((emoji, users) -> out.add(new MsgFrame.Reaction(
                emoji,
                users.size(),
                users.contains(viewer),
                List.copyOf(users.subList(0, Math.min(REACTION_USERS_SHOWN, users.size()))))));
        return out;
    }

    private Map<Long, Quote> quotes(List<MessageRows.Row> rows) {
        Set<Long> ids = rows.stream()
                .map(MessageRows.Row::replyToId)
                .filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet());
        Map<Long, Quote> quotes = new HashMap<>();
        if (ids.isEmpty()) {
            return quotes;
        }
        jdbc.query(
                "SELECT id, seq, sender_id, content, edited_text, recalled_at FROM messages WHERE id IN ("
                        + marks(ids.size()) + ")",
                rs -> {
                    String text =
                            rs.getString("edited_text") != null ? rs.getString("edited_text") : rs.getString("content");
                    boolean recalled = rs.getObject("recalled_at") != null;
                    quotes.put(
                            rs.getLong("id"),
                            new Quote(
                                    rs.getLong("seq"),
                                    rs.getLong("sender_id"),
                                    recalled ? null : ReplyTo.preview(text)));
                },
                ids.toArray());
        return quotes;
    }

    private Map<Long, List<Reacted>> reactions(List<MessageRows.Row> rows) {
        List<Long> ids = rows.stream()
                .filter(r -> MessageBody.TEXT.equals(r.kind()) && r.recalledAt() == null)
                .map(MessageRows.Row::id)
                .toList();
        Map<Long, List<Reacted>> reactions = new HashMap<>();
        if (ids.isEmpty()) {
            return reactions;
        }
        jdbc.query(
                "SELECT message_id, emoji, user_id FROM message_reactions WHERE message_id IN (" + marks(ids.size())
                        + ") ORDER BY message_id, created_at, user_id",
                rs -> {
                    reactions
                            .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new Reacted(rs.getString(2), rs.getLong(3)));
                },
                ids.toArray());
        return reactions;
    }

    private static String marks(int n) {
        return String.join(",", Collections.nCopies(n, "?"));
    }

    private record Quote(long seq, long senderId, String preview) {}

    private record Reacted(String emoji, long userId) {}
}
