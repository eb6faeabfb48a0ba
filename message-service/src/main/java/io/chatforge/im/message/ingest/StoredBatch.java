package io.chatforge.im.message.ingest;

import io.chatforge.im.contracts.messaging.InboundRecord;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one store of a batch did: the messages stored (or found stored), the members of each group
 * conversation it appended to as of those messages (read under the conversation's lock, so a
 * member removed before a message never gets it, and one removed after still does), and the sends
 * refused because their sender had left the group by the time they were stored.
 */
record StoredBatch(List<StoredMessage> messages, Map<String, Set<Long>> groupMembers, List<InboundRecord> notMembers) {}
