package io.chatforge.im.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** What a figure needs to be compared later: the commit, the machine, the command and the services' JVM options. */
final class RunContext {
    private static volatile String command = "";
    private static volatile String loadAtStart = "";

    private RunContext() {}

    static void command(String[] args) {
        command = "bench " + String.join(" ", args);
        loadAtStart = loadAverage();
        System.out.println("load average at start (1, 5, 15 min): " + loadAtStart);
    }

    private static String loadAverage() {
        try {
            String[] load = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return load[0] + ", " + load[1] + ", " + load[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    static Map<String, Object> describe() {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put(
                "commit",
                git("rev-parse", "--short", "HEAD")
                        + (git("status", "--porcelain").isBlank() ? "" : " (+ uncommitted changes)"));
        context.put("command", command);
        context.put("machine", machine());
        String options = serviceJvmOptions();
        context.put("serviceJvmOptions", options);
        context.put(
                "jvm",
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                        + " (the services run on the same java)");
        context.put(
                "jit",
                options.contains("TieredStopAtLevel=1") ? "C1 only (development starts)" : "full tiered JIT (C1 + C2)");
        context.put("loadAverageAtStart", loadAtStart);
        context.put("loadAverageAtEnd", loadAverage());
        return context;
    }

    private static String machine() {
        String cpu = "";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst()
                    .orElse("");
        } catch (IOException e) {
            // not Linux
        }
        long memoryGiB = 0;
        try {
            memoryGiB = Files.readAllLines(Path.of("/proc/meminfo")).stream()
                            .filter(l -> l.startsWith("MemTotal:"))
                            .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", "")))
                            .findFirst()
                            .orElse(0)
                    / 1024
                    / 1024;
        } catch (IOException e) {
            // not Linux
        }
        return Runtime.getRuntime().availableProcessors() + " cores, " + memoryGiB + " GiB, " + cpu;
    }

    /** The JVM options message-service runs with (all services are started alike). */
    private static String serviceJvmOptions() {
        for (ProcessHandle p : ProcessHandle.allProcesses().toList()) {
            String line = p.info().commandLine().orElse("");
            if (line.contains("message-service-") && line.contains(".jar")) {
                return line.replaceAll(".*?java ", "").replaceAll("-jar .*", "").trim();
            }
        }
        return "unknown";
    }

    private static String git(String... args) {
        try {
            var command = new String[args.length + 1];
            command[0] = "git";
            System.arraycopy(args, 0, command, 1, args.length);
            Process git = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes()).trim();
            return git.waitFor(5, TimeUnit.SECONDS) && git.exitValue() == 0 ? out : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
