package io.chatforge.im.platform;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The fault suite's figures per phase, from its ledger, and the table of them (docs/reliability.md). */
final class FaultReport {

    record Row(String fault, Map<String, Object> figures) {}

    private FaultReport() {}

    static Map<String, Object> figures(FaultLedger ledger, int phaseIndex, double[] window) {
        List<FaultLedger.Entry> mine =
                ledger.entries().stream().filter(e -> e.phase == phaseIndex).toList();
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("sent", (long) mine.size());
        f.put(
                "acknowledged",
                mine.stream().filter(FaultLedger.Entry::acknowledged).count());
        f.put("refused", mine.stream().filter(e -> e.refusedWith != null).count());
        f.put(
                "delivered",
                mine.stream().filter(FaultLedger.Entry::deliveredLive).count());
        f.put("lost", mine.stream().filter(FaultLedger.Entry::lost).count());
        f.put("duplicated", mine.stream().filter(FaultLedger.Entry::duplicated).count());
        f.put(
                "longestStallS",
                mine.stream()
                                .mapToLong(e -> e.fullyDeliveredAt() - e.createdAt)
                                .filter(l -> l >= 0)
                                .max()
                                .orElse(0)
                        / 1000.0);
        // acknowledgement times of the messages sent while the fault lasted (of the whole phase for an instant fault)
        long from = (long) window[2];
        long to = (long) window[3];
        List<FaultLedger.Entry> acked = mine.stream()
                .filter(FaultLedger.Entry::acknowledged)
                .filter(e -> to - from < 1_000 || (e.createdAt >= from && e.createdAt <= to))
                .toList();
        f.put(
                "ackP99S",
                percentile(
                                acked.stream()
                                        .mapToLong(e -> e.ackedAt - e.createdAt)
                                        .sorted()
                                        .toArray(),
                                0.99)
                        / 1000.0);
        f.put("faultWindowS", window[0]);
        f.put("recoveredAfterS", window[1]);
        mine.stream()
                .filter(FaultLedger.Entry::lost)
                .limit(20)
                .forEach(e -> System.out.printf(
                        "[faults] lost: %s msgId %s conversation %s seq %d, recipients %s, delivered to %s%s%n",
                        e.clientMsgId,
                        e.msgId,
                        e.conversationId,
                        e.seq,
                        e.recipients,
                        e.deliveries.keySet(),
                        e.deliveredToAll()
                                ? " (stored: the final REST sync found it)"
                                : " (not found over REST either)"));
        return f;
    }

    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    static String table(List<Row> rows) {
        StringBuilder t = new StringBuilder();
        t.append("| fault | sent | acknowledged | refused | delivered | lost | duplicated | longest stall (s)"
                + " | ack p99 (s) | fault window (s) | flowing again after (s) | limit | met |\n");
        t.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|\n");
        for (Row r : rows) {
            var f = r.figures();
            t.append("| ").append(r.fault());
            for (String k : List.of(
                    "sent",
                    "acknowledged",
                    "refused",
                    "delivered",
                    "lost",
                    "duplicated",
                    "longestStallS",
                    "ackP99S",
                    "faultWindowS",
                    "recoveredAfterS",
                    "limit",
                    "met")) {
                Object v = f.get(k);
                t.append(" | ").append(v instanceof Double d ? String.format(Locale.ROOT, "%.1f", d) : v);
            }
            t.append(" |\n");
        }
        t.append("\n").append(Instant.now()).append("\n");
        return t.toString();
    }
}
