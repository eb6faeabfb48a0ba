package io.chatforge.im.push;

import io.chatforge.im.architecture.ServiceArchitecture;
import org.junit.jupiter.api.Test;

/** No package cycles, no controller touching persistence, no other service module's code. */
class ArchitectureTest {

    @Test
    void keepsTheServiceArchitecture() {
        ServiceArchitecture.check("io.chatforge.im.push");
    }
}
