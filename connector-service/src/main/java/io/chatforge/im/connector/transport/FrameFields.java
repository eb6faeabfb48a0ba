package io.chatforge.im.connector.transport;

import tools.jackson.databind.JsonNode;

/** Reading a client frame's optional string fields: null when absent or not a string. */
final class FrameFields {
    private FrameFields() {}

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isString() ? value.asString() : null;
    }

    static String text(JsonNode array, int index) {
        JsonNode value = array.get(index);
        return value != null && value.isString() ? value.asString() : null;
    }
}
