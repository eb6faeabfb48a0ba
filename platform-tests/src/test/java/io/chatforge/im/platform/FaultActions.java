package io.chatforge.im.platform;

import io.chatforge.im.testsupport.ServiceProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/** The fault suite's faults: processes killed, stopped, frozen for a while, restarted. */
final class FaultActions {
    private final Path root;

    FaultActions(Path root) {
        this.root = root;
    }

    /** kill -9 (or SIGTERM with {@code graceful}) and a start at once; returns when the new process is ready. */
    static void crashAndRestart(ServiceProcess service, boolean graceful) {
        if (graceful) {
            service.stop();
        } else {
            service.kill();
        }
        restart(service);
    }

    /** SIGSTOP, SIGCONT after {@code pause}. */
    static void freeze(ServiceProcess service, Duration pause) {
        service.pause();
        try {
            hold("frozen " + service.name(), pause, service::isPaused);
        } finally {
            service.resume();
        }
    }

    /**
     * Keeps a fault in place for its duration (how long it lasts is the experiment), checking
     * throughout that it really is in place: a process that died or was resumed meanwhile fails.
     */
    private static void hold(String fault, Duration duration, Callable<Boolean> inPlace) {
        Awaitility.await(fault)
                .during(duration)
                .atMost(duration.plusSeconds(5))
                .pollInterval(Duration.ofMillis(200))
                .until(inPlace);
    }

    static void restart(ServiceProcess service) {
        service.start();
        service.awaitReady(Duration.ofMinutes(2));
    }

    /** SIGSTOP of the local broker, SIGCONT after the pause. */
    void freezeKafka(Duration pause) throws IOException, InterruptedException {
        Path pidFile = root.resolve(".data/kafka/kafka.pid");
        // infra.sh of this checkout started it, or another checkout's did: then find the broker's process
        String pid = Files.exists(pidFile)
                ? Files.readString(pidFile).trim()
                : ProcessHandle.allProcesses()
                        .filter(p -> p.info().commandLine().orElse("").contains("kafka.Kafka"))
                        .map(p -> Long.toString(p.pid()))
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException("no Kafka broker process found"));
        run("kill", "-STOP", pid);
        try {
            hold("frozen Kafka broker", pause, () -> ServiceProcess.isStopped(Long.parseLong(pid)));
        } finally {
            run("kill", "-CONT", pid);
        }
    }

    void restartKafka() throws IOException, InterruptedException {
        run("scripts/infra.sh", "down", "kafka");
        run("scripts/infra.sh", "up");
    }

    /**
     * A clean shutdown and a start: through infra.sh when it started MariaDB, else mysqladmin and
     * mysqld_safe (Debian's init script cannot ping a server without its maintenance account).
     */
    void restartMariaDb() throws IOException, InterruptedException {
        if (Files.exists(root.resolve(".data/mariadb/mariadbd.pid"))) {
            run("scripts/infra.sh", "down", "mariadb");
            run("scripts/infra.sh", "up");
            return;
        }
        run("mysqladmin", "-uroot", "shutdown");
        Awaitility.await("mariadbd stopped")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> ProcessHandle.allProcesses()
                        .noneMatch(p -> p.info().command().orElse("").endsWith("/mariadbd")));
        new ProcessBuilder("setsid", "mysqld_safe")
                .redirectErrorStream(true)
                .redirectOutput(
                        ProcessBuilder.Redirect.appendTo(root.resolve("platform-tests/target/fault-suite-commands.log")
                                .toFile()))
                .start();
        Awaitility.await("MariaDB back")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> new ProcessBuilder("mysqladmin", "-uroot", "ping")
                                .redirectErrorStream(true)
                                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                                .start()
                                .waitFor()
                        == 0);
    }

    private void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command)
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(
                        ProcessBuilder.Redirect.appendTo(root.resolve("platform-tests/target/fault-suite-commands.log")
                                .toFile()))
                .start();
        if (!p.waitFor(3, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: see fault-suite-commands.log");
        }
    }
}
