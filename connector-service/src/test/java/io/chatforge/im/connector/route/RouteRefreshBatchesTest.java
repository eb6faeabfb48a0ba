package io.chatforge.im.connector.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RouteRefreshBatchesTest {

    @Test
    void devicesAreGroupedByUser_inTheOrderUsersFirstAppear() {
        var a1 = new RoutedDevice(1, "a1");
        var b1 = new RoutedDevice(2, "b1");
        var a2 = new RoutedDevice(1, "a2");

        assertThat(RouteRegistry.byUser(List.of(a1, b1, a2))).containsExactly(List.of(a1, a2), List.of(b1));
    }

    @Test
    void aBatchHoldsAboutSoManyDevices_andNeverSplitsAUser() {
        var users = List.of(devices(1, 3), devices(2, 3), devices(3, 1), devices(4, 5), devices(5, 1));

        var batches = RouteRegistry.batches(users, 4);

        assertThat(batches)
                .extracting(b -> b.stream().mapToInt(List::size).sum())
                .containsExactly(3, 4, 5, 1);
        assertThat(batches.stream().flatMap(List::stream)).containsExactlyElementsOf(users);
    }

    @Test
    void theDevicesFoundWithoutARoute_areTheLostOnes_andAnErrorReplyLosesNone() {
        var user = devices(7, 3);

        assertThat(RouteRegistry.lostOf(user, List.of(1L, 0L, 1L))).containsExactly(user.get(1));
        assertThat(RouteRegistry.lostOf(user, new IllegalStateException("NOSCRIPT")))
                .isEmpty();
    }

    private static List<RoutedDevice> devices(long userId, int n) {
        return java.util.stream.IntStream.range(0, n)
                .mapToObj(i -> new RoutedDevice(userId, "d" + i))
                .toList();
    }
}
