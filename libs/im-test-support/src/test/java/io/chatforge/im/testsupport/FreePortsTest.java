package io.chatforge.im.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FreePortsTest {
    @Test
    void portsComeFromBelowTheEphemeralRange_andAreNeverHandedOutTwice() {
        Set<Integer> ports = new HashSet<>();
        IntStream.range(0, 200).forEach(i -> ports.add(FreePorts.next()));

        assertThat(ports).hasSize(200).allMatch(port -> port >= FreePorts.LOWEST && port < 32_768);
    }

    @Test
    void aPortSomeoneListensOn_isNotHandedOut() throws Exception {
        Set<Integer> taken = new HashSet<>();
        List<ServerSocket> listeners = new ArrayList<>();
        for (int port = FreePorts.LOWEST; port < FreePorts.HIGHEST; port += 2) {
            try {
                listeners.add(new ServerSocket(port));
                taken.add(port);
            } catch (IOException busy) {
                taken.add(port);
            }
        }
        try {
            IntStream.range(0, 100).forEach(i -> assertThat(taken).doesNotContain(FreePorts.next()));
        } finally {
            for (var listener : listeners) {
                listener.close();
            }
        }
    }
}
