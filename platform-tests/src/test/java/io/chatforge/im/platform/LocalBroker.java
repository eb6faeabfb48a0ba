package io.chatforge.im.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * The Kafka broker process the tests run against, when it runs on this machine (scripts/infra.sh
 * starts it): frozen with SIGSTOP and thawed with SIGCONT to play a broker that stops answering.
 */
final class LocalBroker {
    private final long pid;

    private LocalBroker(long pid) {
        this.pid = pid;
    }

    /** The local broker; skips the calling test when there is none (a broker in a container). */
    static LocalBroker find() {
        List<ProcessHandle> brokers = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains(" kafka.Kafka "))
                .toList();
        Assumptions.assumeTrue(
                brokers.size() == 1, "needs exactly one local Kafka broker process, found " + brokers.size());
        return new LocalBroker(brokers.get(0).pid());
    }

    void pause() {
        signal("STOP");
    }

    void resume() {
        signal("CONT");
    }

    private void signal(String name) {
        try {
            int exit = new ProcessBuilder("kill", "-" + name, Long.toString(pid))
                    .start()
                    .waitFor();
            if (exit != 0) {
                throw new IllegalStateException("kill -" + name + " " + pid + " exited with " + exit);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
