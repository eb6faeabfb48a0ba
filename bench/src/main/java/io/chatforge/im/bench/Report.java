package io.chatforge.im.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** Writes a scenario's result as JSON, as a Markdown table and, with a timeline, as an HTML chart. */
final class Report {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Report() {}

    static void write(String scenario, Map<String, Object> result) throws IOException {
        Map<String, Object> withContext = new LinkedHashMap<>(RunContext.describe());
        withContext.putAll(result);
        result = withContext;
        Path dir = Path.of("bench/target/results");
        Files.createDirectories(dir);
        String stem = scenario + "-" + System.currentTimeMillis();
        Path json = dir.resolve(stem + ".json");
        Files.writeString(json, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result));
        Path markdown = dir.resolve(stem + ".md");
        Files.writeString(markdown, markdown(scenario, result));
        System.out.print(markdown(scenario, result));
        System.out.println("results: " + json + " and " + markdown);
        if (result.get("timeline") instanceof List<?> rows && !rows.isEmpty()) {
            Path html = dir.resolve(stem + ".html");
            Files.writeString(html, chart(scenario, rows));
            System.out.println("chart:   " + html);
        }
    }

    static String markdown(String scenario, Map<String, Object> result) {
        StringBuilder md = new StringBuilder("\n### " + scenario + "\n\n| metric | value |\n|---|---|\n");
        result.forEach((k, v) -> {
            if (!k.equals("timeline")) {
                md.append("| ").append(k).append(" | ").append(v).append(" |\n");
            }
        });
        return md.append('\n').toString();
    }

    /** A self-contained page: delivered messages/s and p99 latency per second, as two SVG polylines. */
    static String chart(String scenario, List<?> rows) {
        int w = 900;
        int h = 300;
        double maxRate = 1;
        double maxP99 = 1;
        for (Object o : rows) {
            Map<?, ?> row = (Map<?, ?>) o;
            maxRate = Math.max(maxRate, ((Number) row.get("delivered")).doubleValue());
            maxP99 = Math.max(maxP99, ((Number) row.get("p99Ms")).doubleValue());
        }
        StringBuilder rate = new StringBuilder();
        StringBuilder p99 = new StringBuilder();
        for (int i = 0; i < rows.size(); i++) {
            Map<?, ?> row = (Map<?, ?>) rows.get(i);
            double x = 50 + (w - 100) * (rows.size() == 1 ? 0 : (double) i / (rows.size() - 1));
            rate.append(String.format(
                    Locale.ROOT,
                    "%.1f,%.1f ",
                    x,
                    h - 30 - (h - 60) * ((Number) row.get("delivered")).doubleValue() / maxRate));
            p99.append(String.format(
                    Locale.ROOT,
                    "%.1f,%.1f ",
                    x,
                    h - 30 - (h - 60) * ((Number) row.get("p99Ms")).doubleValue() / maxP99));
        }
        return """
                <!doctype html><html><head><meta charset="utf-8"><title>%1$s</title>
                <style>body{font:14px sans-serif;margin:20px} .rate{stroke:#2563eb} .p99{stroke:#dc2626}</style></head>
                <body><h1>%1$s: delivered/s and p99 per second</h1>
                <p><span style="color:#2563eb">&#9632; delivered messages/s (max %2$.0f)</span>
                &nbsp; <span style="color:#dc2626">&#9632; p99 send&rarr;deliver, ms (max %3$.1f)</span></p>
                <svg width="%4$d" height="%5$d" style="border:1px solid #ccc">
                <line x1="50" y1="%6$d" x2="%7$d" y2="%6$d" stroke="#999"/>
                <polyline class="rate" fill="none" stroke-width="2" points="%8$s"/>
                <polyline class="p99" fill="none" stroke-width="2" points="%9$s"/>
                <text x="50" y="%5$d" dy="-8">0 s</text><text x="%7$d" y="%5$d" dy="-8" text-anchor="end">%10$d s</text>
                </svg></body></html>
                """.formatted(scenario, maxRate, maxP99, w, h, h - 30, w - 50, rate, p99, rows.size());
    }
}
