package io.chatforge.im.contracts.social;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * A page of the relations friend-service holds, each with {@code a} the lower id and its version;
 * the next page starts after the last one's (a, b).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RelationPage(List<Relation> relations, boolean hasMore) {}
