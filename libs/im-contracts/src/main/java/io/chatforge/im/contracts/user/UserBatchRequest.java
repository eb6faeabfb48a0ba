package io.chatforge.im.contracts.user;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** Look up many users in one call (unknown ids are simply absent from the answer). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UserBatchRequest(List<Long> ids) {
    public static final int MAX_IDS = 500;
}
