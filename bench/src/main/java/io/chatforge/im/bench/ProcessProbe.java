package io.chatforge.im.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU seconds and peak RSS of every process of the platform, its infrastructure and this load
 * generator, read from /proc (Linux), and the heap each service's JVM reports on its actuator.
 */
final class ProcessProbe {
    /** USER_HZ: /proc/<pid>/stat counts CPU time in clock ticks of 1/100 s on Linux */
    private static final double TICKS_PER_SECOND = 100.0;
    /** how a process is recognised in its command line, and its name in the report */
    private static final Map<String, String> PARTS = new LinkedHashMap<>();

    static {
        for (String service : List.of(
                "gateway", "auth-service", "user-service", "friend-service", "message-service", "connector-service")) {
            PARTS.put(service + "-", service);
        }
        PARTS.put("kafka.Kafka", "kafka");
        PARTS.put("mariadbd", "mariadb");
        PARTS.put("mysqld", "mariadb");
        PARTS.put("redis-server", "redis");
        PARTS.put("bench-", "load generator");
    }

    /** Actuator ports of the services as scripts/run.sh starts them (the gateway's on its management port). */
    private static final Map<String, Integer> HEALTH_PORTS = Map.of(
            "gateway", 8090,
            "auth-service", 8081,
            "user-service", 8082,
            "friend-service", 8083,
            "message-service", 8084,
            "connector-service", 8085);

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** CPU seconds used so far, per part (a part with several processes sums them). */
    Map<String, Double> cpuSeconds() {
        Map<String, Double> cpu = new LinkedHashMap<>();
        forEachProcess((part, pid) -> cpu.merge(part, cpuSecondsOf(pid), Double::sum));
        return cpu;
    }

    /** CPU seconds every process of the machine has used since boot (/proc/stat), to tell what others took. */
    static double machineBusySeconds() {
        try {
            String[] cpu =
                    Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            double ticks = 0;
            for (int i : new int[] {1, 2, 3, 6, 7, 8}) { // user nice system irq softirq steal
                ticks += Double.parseDouble(cpu[i]);
            }
            return ticks / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /**
     * Records what processes outside the platform and the load generator took while measuring, and
     * warns (in the output and the report) when it was over 10 % of a core: the figures then carry
     * someone else's load.
     */
    static void recordOutside(
            Map<String, Object> result, double machineBusyBefore, Map<String, Double> platformCpu, double seconds) {
        double outside = machineBusySeconds()
                - machineBusyBefore
                - platformCpu.values().stream().mapToDouble(Double::doubleValue).sum();
        double percent = round(100 * Math.max(0, outside) / seconds);
        result.put("cpuOutsideThePlatformPercentOfOneCore", percent);
        if (percent > 10) {
            String warning = "the machine was not idle: processes outside the platform and the load generator took "
                    + percent + " % of a core while measuring";
            System.out.println("WARNING: " + warning);
            result.put("warning", warning);
        }
    }

    /** Peak resident memory (VmHWM) per part, in MiB. */
    Map<String, Double> peakRssMiB() {
        Map<String, Double> rss = new LinkedHashMap<>();
        forEachProcess((part, pid) -> rss.merge(part, statusKiB(pid, "VmHWM:") / 1024.0, Double::sum));
        return rss;
    }

    /** Current resident memory (VmRSS) per part, in MiB. */
    Map<String, Double> rssMiB() {
        Map<String, Double> rss = new LinkedHashMap<>();
        forEachProcess((part, pid) -> rss.merge(part, statusKiB(pid, "VmRSS:") / 1024.0, Double::sum));
        return rss;
    }

    /** Heap in use per service (MiB): the sum of jvm_memory_used_bytes{area="heap"} on /actuator/prometheus. */
    Map<String, Double> heapUsedMiB() {
        Map<String, Double> heap = new LinkedHashMap<>();
        HEALTH_PORTS.forEach((service, port) -> {
            try {
                var response = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                                .timeout(Duration.ofSeconds(3))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    double bytes = response.body()
                            .lines()
                            .filter(l -> l.startsWith("jvm_memory_used_bytes{") && l.contains("area=\"heap\""))
                            .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                            .sum();
                    heap.put(service, round(bytes / 1048576.0));
                }
            } catch (IOException | RuntimeException e) {
                // not running: left out of the report
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        return heap;
    }

    /** CPU seconds per part between two {@link #cpuSeconds()} readings. */
    /**
     * A full collection in the part's JVM ({@code jcmd <pid> GC.run}), so that the heap read next is
     * what the part keeps alive rather than garbage not collected yet.
     */
    void collectGarbage(String part) {
        forEachProcess((name, pid) -> {
            if (name.equals(part)) {
                try {
                    new ProcessBuilder("jcmd", pid, "GC.run")
                            .redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                            .start()
                            .waitFor();
                } catch (java.io.IOException e) {
                    // no jcmd: the heap then includes garbage
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
    }

    static Map<String, Double> difference(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> used = new LinkedHashMap<>();
        after.forEach((part, seconds) -> used.put(part, round(seconds - before.getOrDefault(part, 0.0))));
        return used;
    }

    private interface ProcessVisitor {
        void visit(String part, String pid);
    }

    private static void forEachProcess(ProcessVisitor visitor) {
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            entries.map(p -> p.getFileName().toString())
                    .filter(name -> name.chars().allMatch(Character::isDigit))
                    .forEach(pid -> {
                        String part = partOf(commandLine(pid));
                        if (part != null) {
                            visitor.visit(part, pid);
                        }
                    });
        } catch (IOException e) {
            // not Linux: no process figures
        }
    }

    private static String partOf(String commandLine) {
        if (commandLine.isEmpty()) {
            return null;
        }
        for (Map.Entry<String, String> e : PARTS.entrySet()) {
            if (commandLine.contains(e.getKey())
                    && (commandLine.contains("-exec.jar") || !e.getKey().endsWith("-"))) {
                return e.getValue();
            }
        }
        return null;
    }

    private static String commandLine(String pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", pid, "cmdline"))).replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }

    private static double cpuSecondsOf(String pid) {
        try {
            String stat = Files.readString(Path.of("/proc", pid, "stat"));
            // the command name (field 2) may contain spaces: count fields after its closing parenthesis
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long utime = Long.parseLong(fields[11]);
            long stime = Long.parseLong(fields[12]);
            return (utime + stime) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static double statusKiB(String pid, String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
                if (line.startsWith(key)) {
                    return Double.parseDouble(
                            line.substring(key.length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process ended
        }
        return 0;
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
