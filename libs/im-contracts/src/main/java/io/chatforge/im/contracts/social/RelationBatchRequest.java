package io.chatforge.im.contracts.social;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** Many relation checks in one call. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RelationBatchRequest(List<Pair> pairs) {
    public static final int MAX_PAIRS = 500;

    public record Pair(long a, long b) {}
}
