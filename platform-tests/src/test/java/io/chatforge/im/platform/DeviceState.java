package io.chatforge.im.platform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** What a device shows, built from the frames it got in order, as a client applies them. */
final class DeviceState {
    private final Map<String, Map<String, Object>> messages = new LinkedHashMap<>();

    void apply(List<JsonNode> frames) {
        frames.forEach(this::apply);
    }

    void apply(JsonNode frame) {
        String type = frame.path("type").asString();
        if ("event".equals(type) && "message.deleted".equals(frame.path("kind").asString())) {
            messages.remove(frame.get("data").get("msgId").asString());
            return;
        }
        if (!"msg".equals(type)) {
            return;
        }
        String msgId = frame.get("msgId").asString();
        if (frame.path("recalled").asBoolean(false)) {
            messages.put(msgId, recalled());
            return;
        }
        JsonNode body = frame.get("body");
        switch (body.get("kind").asString()) {
            case "text" -> {
                Map<String, Object> state = new LinkedHashMap<>();
                state.put(
                        "text",
                        frame.has("edited")
                                ? frame.get("edited").get("text").asString()
                                : body.get("text").asString());
                if (body.has("replyTo")) {
                    state.put("replyTo", body.get("replyTo").get("msgId").asString());
                }
                if (frame.has("reactions")) {
                    Map<String, java.util.Set<Long>> reactions = new LinkedHashMap<>();
                    frame.get("reactions").forEach(r -> {
                        java.util.Set<Long> users = new java.util.HashSet<>();
                        r.get("userIds").forEach(u -> users.add(u.asLong()));
                        reactions.put(r.get("emoji").asString(), users);
                    });
                    state.put("reactions", reactions);
                }
                messages.put(msgId, state);
            }
            case "edit" -> onTarget(body, s -> s.put("text", body.get("text").asString()));
            case "recall" -> messages.computeIfPresent(body.get("target").asString(), (k, v) -> recalled());
            case "reaction" ->
                onTarget(body, s -> {
                    @SuppressWarnings("unchecked")
                    var reactions = (Map<String, java.util.Set<Long>>)
                            s.computeIfAbsent("reactions", x -> new LinkedHashMap<String, java.util.Set<Long>>());
                    long user = frame.get("from").get("userId").asLong();
                    String emoji = body.get("emoji").asString();
                    if (body.get("on").asBoolean()) {
                        reactions
                                .computeIfAbsent(emoji, e -> new java.util.HashSet<>())
                                .add(user);
                    } else if (reactions.containsKey(emoji)) {
                        reactions.get(emoji).remove(user);
                        if (reactions.get(emoji).isEmpty()) {
                            reactions.remove(emoji);
                        }
                    }
                    if (reactions.isEmpty()) {
                        s.remove("reactions");
                    }
                });
            case "delete" -> messages.remove(body.get("target").asString());
            default -> {}
        }
    }

    private void onTarget(JsonNode body, java.util.function.Consumer<Map<String, Object>> change) {
        var state = messages.get(body.get("target").asString());
        if (state != null && !state.containsKey("recalled")) {
            change.accept(state);
        }
    }

    private static Map<String, Object> recalled() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("recalled", true);
        return state;
    }

    Map<String, Map<String, Object>> visible() {
        return messages;
    }
}
