package io.chatforge.im.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProblemResponsesTest {

    @Test
    void body_isValidJson_evenWithQuotesAndControlCharactersInThePath() {
        String body = ProblemResponses.body(401, "Unauthorized", "invalid_token", "bad \"token\"", "/a\nb\\c\u0001");
        assertThat(body)
                .isEqualTo(
                        "{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                                + "\"code\":\"invalid_token\",\"detail\":\"bad \\\"token\\\"\",\"instance\":\"/a\\nb\\\\c\\u0001\"}");
    }

    @Test
    void nullFields_becomeJsonNull() {
        assertThat(ProblemResponses.body(403, "Forbidden", "forbidden", null, null))
                .endsWith("\"detail\":null,\"instance\":null}");
    }
}
