package io.chatforge.im.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** Deliveries and their latency second by second, for the throughput and p99 chart. */
final class Timeline {
    private static final int MAX_SECONDS = 3600;

    private final long start = System.nanoTime();
    private final LongAdder[] delivered = new LongAdder[MAX_SECONDS];
    private final Histogram[] latency = new Histogram[MAX_SECONDS];

    Timeline() {
        for (int i = 0; i < MAX_SECONDS; i++) {
            delivered[i] = new LongAdder();
            latency[i] = new ConcurrentHistogram(3);
        }
    }

    void delivered(long now, long latencyMicros) {
        int second = (int) ((now - start) / 1_000_000_000L);
        if (second >= 0 && second < MAX_SECONDS) {
            delivered[second].increment();
            latency[second].recordValue(Math.max(1, latencyMicros));
        }
    }

    /** One row per second from the start until now: [second, delivered, p99 ms]. */
    List<Map<String, Object>> rows() {
        int seconds = (int) Math.min(MAX_SECONDS, (System.nanoTime() - start) / 1_000_000_000L);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int s = 0; s < seconds; s++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("second", s);
            row.put("delivered", delivered[s].sum());
            row.put("p99Ms", latency[s].getTotalCount() == 0 ? 0 : latency[s].getValueAtPercentile(99) / 1000.0);
            rows.add(row);
        }
        return rows;
    }
}
