package io.chatforge.im.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What each overlay of k8s/ runs the platform on: operators in prod, single pods in dev. */
class OverlayInfrastructureTest {
    @Test
    void prodTakesItsInfrastructureFromOperators() {
        RenderedOverlay prod = RenderedOverlay.of("prod");
        var kafka = prod.custom("Kafka", "chatforge").orElseThrow();
        assertThat(kafka.getApiVersion()).startsWith("kafka.strimzi.io/");
        assertThat(kafka.getMetadata().getAnnotations()).containsEntry("strimzi.io/kraft", "enabled");
        var pool = prod.custom("KafkaNodePool", "dual-role").orElseThrow();
        assertThat(pool.getAdditionalProperties().toString()).contains("controller", "broker");
        assertThat(prod.custom("InnoDBCluster", "chatforge-mysql")).isPresent();
        assertThat(prod.find(StatefulSet.class, "redis")).isPresent();
        assertThat(prod.custom("PodMonitor", "chatforge-services")).isPresent();
        assertThat(prod.custom("PodMonitor", "chatforge-gateway")).isPresent();
        for (String service : ServiceCatalog.NAMES) {
            assertThat(prod.environment(prod.serviceContainer(service)))
                    .as("%s talks to the password-protected Redis", service)
                    .containsKey("IM_REDIS_PASSWORD");
        }
    }

    @Test
    void devRunsItsOwnSinglePodInfrastructure() {
        RenderedOverlay dev = RenderedOverlay.of("dev");
        for (String part : List.of("mysql", "redis", "kafka", "minio")) {
            assertThat(dev.get(StatefulSet.class, part).getSpec().getReplicas()).isEqualTo(1);
            dev.get(Service.class, part);
        }
        assertThat(dev.all(Deployment.class))
                .filteredOn(d -> !d.getMetadata().getName().equals("connector-service"))
                .allSatisfy(d -> assertThat(d.getSpec().getReplicas()).isEqualTo(1));
        assertThat(dev.get(HorizontalPodAutoscaler.class, "connector-service")
                        .getSpec()
                        .getMinReplicas())
                .isEqualTo(1);
    }
}
