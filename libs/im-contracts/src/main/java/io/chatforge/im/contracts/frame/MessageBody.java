package io.chatforge.im.contracts.frame;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A message's content. Only {@code kind: "text"} exists today. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MessageBody(String kind, String text) {
    public static final String TEXT = "text";
    /** a membership change in a group; {@code text} is a JSON object describing it */
    public static final String SYSTEM = "system";

    public static MessageBody text(String text) {
        return new MessageBody(TEXT, text);
    }
}
