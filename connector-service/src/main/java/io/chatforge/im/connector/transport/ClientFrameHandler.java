package io.chatforge.im.connector.transport;

import io.chatforge.im.connector.config.ConnectorProperties;
import io.chatforge.im.connector.session.ClientSession;
import io.chatforge.im.connector.sync.SyncClient;
import io.chatforge.im.contracts.frame.ErrorCodes;
import io.chatforge.im.contracts.frame.FrameBudget;
import io.chatforge.im.contracts.frame.FrameTypes;
import io.chatforge.im.contracts.frame.MessageBody;
import io.chatforge.im.contracts.frame.SyncLimits;
import io.chatforge.im.contracts.frame.Target;
import io.chatforge.im.contracts.messaging.ConversationIds;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketMessage;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks every client frame and turns it into work: pong, a record on {@code im.inbound}, or a
 * sync request. Anything wrong with a frame gets an {@code error} frame naming it and the session
 * stays open; only flooding closes it (policy violation). No business rules here: who may write
 * where is decided by message-service.
 */
@Component
class ClientFrameHandler {
    private static final Logger log = LoggerFactory.getLogger(ClientFrameHandler.class);
    static final int MAX_CLIENT_MSG_ID = 64;

    private final ConnectorProperties limits;
    private final InboundForwarder forwarder;
    private final SyncClient sync;
    private final Frames frames;
    private final JsonMapper json;
    private final SessionControl control;
    private final SendBodies bodies;

    ClientFrameHandler(
            ConnectorProperties limits,
            InboundForwarder forwarder,
            SyncClient sync,
            Frames frames,
            JsonMapper json,
            SessionControl control) {
        this.limits = limits;
        this.forwarder = forwarder;
        this.sync = sync;
        this.frames = frames;
        this.json = json;
        this.control = control;
        this.bodies = new SendBodies(limits.maxTextLength());
    }

    /** Every frame costs from the budget; a refused one a full unit, and too many refused close the socket. */
    void handle(ClientSession session, ClientFrame message) {
        session.touch();
        try {
            dispatch(session, parse(message));
        } catch (FrameRejected rejected) {
            refuse(session, rejected);
        }
    }

    private JsonNode parse(ClientFrame message) {
        if (message.type() != WebSocketMessage.Type.TEXT) {
            throw new FrameRejected(ErrorCodes.MALFORMED, "frames are JSON text", null);
        }
        if (message.bytes() > limits.maxFrameBytes()) {
            throw new FrameRejected(
                    ErrorCodes.FRAME_TOO_LARGE, "frames may have at most " + limits.maxFrameBytes() + " bytes", null);
        }
        JsonNode frame;
        try {
            frame = json.readTree(message.text());
        } catch (JacksonException e) {
            throw new FrameRejected(ErrorCodes.MALFORMED, "the frame is not valid JSON", null);
        }
        if (frame == null || !frame.isObject()) {
            throw new FrameRejected(ErrorCodes.MALFORMED, "a frame is a JSON object with a type", null);
        }
        return frame;
    }

    private void refuse(ClientSession session, FrameRejected rejected) {
        String error = frames.error(rejected.code, rejected.getMessage(), rejected.ref);
        if (session.isClosed()) {
            return; // flooding closed it already
        }
        if (!ErrorCodes.RATE_LIMITED.equals(rejected.code) && session.budget().invalid()) {
            session.sendAndClose(error, CloseStatus.POLICY_VIOLATION.withReason("too many invalid frames"));
            return;
        }
        session.send(error);
    }

    private void dispatch(ClientSession session, JsonNode frame) {
        String type = FrameFields.text(frame, "type");
        if (type == null) {
            throw new FrameRejected(ErrorCodes.MISSING_FIELD, "type is required", FrameFields.text(frame, "ref"));
        }
        switch (type) {
            case FrameTypes.PING -> {
                charge(session, 0.1, ref(frame, FrameTypes.PING));
                session.send(frames.pong());
            }
            case FrameTypes.SEND -> send(session, frame);
            case FrameTypes.ACK, FrameTypes.READ -> cursor(session, frame, type);
            case FrameTypes.TYPING -> typing(session, frame);
            case FrameTypes.SYNC -> sync(session, frame);
            case FrameTypes.AUTH -> auth(session, frame);
            case FrameTypes.STATE -> state(session, frame);
            default ->
                throw new FrameRejected(
                        ErrorCodes.UNKNOWN_TYPE, "unknown frame type '" + abbreviate(type) + "'", ref(frame, type));
        }
    }

    private void send(ClientSession session, JsonNode frame) {
        String clientMsgId = FrameFields.text(frame, "clientMsgId");
        String ref = clientMsgId != null ? abbreviate(clientMsgId) : ref(frame, FrameTypes.SEND);
        if (clientMsgId == null || clientMsgId.isBlank()) {
            throw new FrameRejected(ErrorCodes.MISSING_FIELD, "clientMsgId is required", ref);
        }
        if (clientMsgId.length() > MAX_CLIENT_MSG_ID) {
            throw new FrameRejected(
                    ErrorCodes.INVALID_FIELD, "clientMsgId may have at most " + MAX_CLIENT_MSG_ID + " characters", ref);
        }
        Target target = target(session, frame, ref, true);
        JsonNode body = frame.get("body");
        if (body == null || !body.isObject()) {
            throw new FrameRejected(ErrorCodes.MISSING_FIELD, "body is required", ref);
        }
        MessageBody checked = bodies.check(body, ref);
        charge(session, 1.0, ref);
        publish(session, forwarder.send(session, target, clientMsgId, checked), ref);
    }

    private void cursor(ClientSession session, JsonNode frame, String type) {
        String ref = ref(frame, type);
        String conversationId = FrameFields.text(frame, "conversationId");
        if (conversationId == null) {
            throw new FrameRejected(ErrorCodes.MISSING_FIELD, "conversationId is required", ref);
        }
        if (!ConversationIds.isWellFormed(conversationId)) {
            throw new FrameRejected(ErrorCodes.INVALID_FIELD, "conversationId is not a conversation", ref);
        }
        long[] members = ConversationIds.members(conversationId);
        if (members != null && members[0] != session.userId() && members[1] != session.userId()) {
            throw new FrameRejected(ErrorCodes.NOT_A_MEMBER, "you are not in this conversation", ref);
        }
        JsonNode seq = frame.get("seq");
        if (seq == null || !seq.canConvertToLong() || !seq.isIntegralNumber() || seq.asLong() < 0) {
            throw new FrameRejected(ErrorCodes.INVALID_FIELD, "seq must be a non-negative integer", ref);
        }
        // acks come once per received message: they cost less than a send
        charge(session, FrameTypes.ACK.equals(type) ? 0.1 : 0.5, ref);
        publish(session, forwarder.cursor(session, type, conversationId, seq.asLong()), ref);
    }

    private void typing(ClientSession session, JsonNode frame) {
        String ref = ref(frame, FrameTypes.TYPING);
        long to = target(session, frame, ref, false).userId();
        charge(session, 0.5, ref);
        publish(session, forwarder.typing(session, to), ref);
    }

    private void sync(ClientSession session, JsonNode frame) {
        String ref = ref(frame, FrameTypes.SYNC);
        Map<String, Long> cursors = new LinkedHashMap<>();
        JsonNode given = frame.get("cursors");
        if (given != null && !given.isNull()) {
            if (!given.isObject()) {
                throw new FrameRejected(ErrorCodes.INVALID_FIELD, "cursors maps conversationId to seq", ref);
            }
            if (given.size() > SyncLimits.MAX_CURSORS) {
                throw new FrameRejected(
                        ErrorCodes.INVALID_FIELD,
                        "cursors may name at most " + SyncLimits.MAX_CURSORS + " conversations",
                        ref);
            }
            for (var entry : given.properties()) {
                JsonNode seq = entry.getValue();
                if (!ConversationIds.isWellFormed(entry.getKey()) || !seq.isIntegralNumber() || seq.asLong() < 0) {
                    throw new FrameRejected(
                            ErrorCodes.INVALID_FIELD, "cursors maps conversationId to a non-negative seq", ref);
                }
                cursors.put(entry.getKey(), seq.asLong());
            }
        }
        int limit = SyncLimits.DEFAULT_LIMIT;
        JsonNode limitNode = frame.get("limit");
        if (limitNode != null && !limitNode.isNull()) {
            if (!limitNode.isIntegralNumber() || limitNode.asInt() < 1 || limitNode.asInt() > SyncLimits.MAX_LIMIT) {
                throw new FrameRejected(ErrorCodes.INVALID_FIELD, "limit must be 1 to " + SyncLimits.MAX_LIMIT, ref);
            }
            limit = limitNode.asInt();
        }
        int maxBytes = SyncLimits.MAX_BYTES;
        JsonNode maxBytesNode = frame.get("maxBytes");
        if (maxBytesNode != null && !maxBytesNode.isNull()) {
            if (!maxBytesNode.isIntegralNumber()
                    || maxBytesNode.asLong() < SyncLimits.MIN_BYTES
                    || maxBytesNode.asLong() > SyncLimits.MAX_BYTES) {
                throw new FrameRejected(
                        ErrorCodes.INVALID_FIELD,
                        "maxBytes must be " + SyncLimits.MIN_BYTES + " to " + SyncLimits.MAX_BYTES,
                        ref);
            }
            maxBytes = maxBytesNode.asInt();
        }
        charge(session, 1.0, ref);
        log.debug("sync {} of session {}", ref, session.id());
        sync.page(session.userId(), ref, cursors, limit, maxBytes)
                .subscribe(
                        page -> {
                            log.debug("sync {} of session {} answered", ref, session.id());
                            if (Frames.relayable(page)) {
                                session.send(page);
                            } else {
                                // only cursors of tens of thousands of conversations get here
                                log.error(
                                        "sync {} of user {}: page over {} bytes",
                                        ref,
                                        session.userId(),
                                        FrameBudget.RELAYED_FRAME_BYTES);
                                session.send(frames.error(
                                        ErrorCodes.INVALID_FIELD, "the page would exceed the frame limit", ref));
                            }
                        },
                        e -> {
                            log.warn("sync {} of user {} failed: {}", ref, session.userId(), e.toString());
                            session.send(frames.error(
                                    ErrorCodes.UNAVAILABLE, "sync is unavailable right now; try again", ref));
                        });
    }

    private void auth(ClientSession session, JsonNode frame) {
        String ref = ref(frame, FrameTypes.AUTH);
        String token = FrameFields.text(frame, "token");
        if (token == null || token.isBlank()) {
            throw new FrameRejected(ErrorCodes.MISSING_FIELD, "token is required", ref);
        }
        if (token.length() > TokenRenewal.MAX_TOKEN_LENGTH) {
            throw new FrameRejected(ErrorCodes.INVALID_TOKEN, "the token is invalid, expired or revoked", ref);
        }
        charge(session, 1.0, ref);
        control.renew(session, token, ref);
    }

    /** {@code state {foreground}}: the app went to the background or came back (who gets pushes). */
    private void state(ClientSession session, JsonNode frame) {
        String ref = ref(frame, FrameTypes.STATE);
        JsonNode foreground = frame.get("foreground");
        if (foreground == null || !foreground.isBoolean()) {
            throw new FrameRejected(ErrorCodes.INVALID_FIELD, "foreground must be true or false", ref);
        }
        charge(session, 1.0, ref);
        control.foreground(session, foreground.asBoolean());
    }

    /** Whom a send (a user or a group) or a typing frame (a user) is for. */
    private static Target target(ClientSession session, JsonNode frame, String ref, boolean groupsAllowed) {
        JsonNode to = frame.get("to");
        if (to == null || !to.isObject()) {
            throw new FrameRejected(ErrorCodes.MISSING_FIELD, "to is required", ref);
        }
        JsonNode groupId = to.get("groupId");
        if (groupId != null && !groupId.isNull()) {
            if (!groupsAllowed) {
                throw new FrameRejected(ErrorCodes.INVALID_FIELD, "typing goes to a user", ref);
            }
            if (!groupId.isIntegralNumber() || !groupId.canConvertToLong() || groupId.asLong() <= 0) {
                throw new FrameRejected(ErrorCodes.INVALID_FIELD, "to.groupId must be a group id", ref);
            }
            return new Target(null, groupId.asLong());
        }
        JsonNode userId = to.get("userId");
        if (userId == null || userId.isNull()) {
            throw new FrameRejected(ErrorCodes.MISSING_FIELD, "to.userId or to.groupId is required", ref);
        }
        if (!userId.isIntegralNumber() || !userId.canConvertToLong() || userId.asLong() <= 0) {
            throw new FrameRejected(ErrorCodes.INVALID_FIELD, "to.userId must be a user id", ref);
        }
        if (userId.asLong() == session.userId()) {
            throw new FrameRejected(ErrorCodes.INVALID_FIELD, "you cannot message yourself", ref);
        }
        return Target.user(userId.asLong());
    }

    private void charge(ClientSession session, double cost, String ref) {
        if (session.budget().tryTake(cost)) {
            return;
        }
        if (session.budget().strike()) {
            session.sendAndClose(
                    frames.error(ErrorCodes.RATE_LIMITED, "flooding: connection closed", ref),
                    CloseStatus.POLICY_VIOLATION.withReason("flooding"));
        }
        throw new FrameRejected(ErrorCodes.RATE_LIMITED, "too many frames; slow down", ref);
    }

    private void publish(ClientSession session, CompletableFuture<?> published, String ref) {
        published.whenComplete((ok, failure) -> {
            if (failure != null) {
                session.send(frames.error(ErrorCodes.UNAVAILABLE, "could not accept the frame; retry", ref));
            }
        });
    }

    private static String ref(JsonNode frame, String fallback) {
        String ref = FrameFields.text(frame, "ref");
        return ref != null ? abbreviate(ref) : fallback;
    }

    private static String abbreviate(String s) {
        return s.length() <= MAX_CLIENT_MSG_ID ? s : s.substring(0, MAX_CLIENT_MSG_ID);
    }

    /** A frame the client must fix; becomes an error frame, never a closed session. */
    static final class FrameRejected extends RuntimeException {
        final String code;
        final String ref;

        FrameRejected(String code, String message, String ref) {
            super(message, null, false, false);
            this.code = code;
            this.ref = ref;
        }
    }
}
