package io.chatforge.im.contracts.frame;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A message's content. Only {@code kind: "text"} exists today. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MessageBody(String kind, String text) {
    public static final String TEXT = "text";

    public static MessageBody text(String text) {
        return new MessageBody(TEXT, text);
    }
}
