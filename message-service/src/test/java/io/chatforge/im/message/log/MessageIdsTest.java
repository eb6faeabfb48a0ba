package io.chatforge.im.message.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MessageIdsTest {

    @Test
    void idsAreUniqueAndIncreasing_evenPastFourThousandInOneMillisecond() {
        var ids = new MessageIds(5);
        Set<Long> seen = new HashSet<>();
        long last = 0;
        for (int i = 0; i < 20_000; i++) {
            long id = ids.next();
            assertThat(id).isGreaterThan(last);
            seen.add(id);
            last = id;
        }
        assertThat(seen).hasSize(20_000);
    }

    @Test
    void twoWorkers_neverShareAnId_andEachIdNamesItsWorker() {
        long a = new MessageIds(1).next();
        long b = new MessageIds(2).next();
        assertThat(a).isNotEqualTo(b);
        assertThat(MessageIds.workerOf(a)).isEqualTo(1);
        assertThat(MessageIds.workerOf(b)).isEqualTo(2);
        assertThat(MessageIds.workerOf(new MessageIds(1024 + 3).next())).isEqualTo(3);
    }
}
