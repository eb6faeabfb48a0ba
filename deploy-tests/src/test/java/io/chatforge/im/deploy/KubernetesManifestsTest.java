package io.chatforge.im.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * k8s/: each overlay rendered like {@code kubectl kustomize} and parsed into fabric8's typed models,
 * then checked against the services' own configuration.
 */
class KubernetesManifestsTest {
    private static final String VERSION = "0.1.0";
    /** partitions of im.deliver by default: the most connector pods that can each lease a slot */
    private static final int DELIVER_PARTITIONS = 64;
    /** the services' graceful shutdown (IM_SHUTDOWN_TIMEOUT), seconds */
    private static final int SHUTDOWN_SECONDS = 20;

    static Stream<RenderedOverlay> overlays() {
        return Stream.of("dev", "prod").map(RenderedOverlay::of);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyServiceHasItsDeploymentServiceConfigDisruptionBudgetAndNetworkPolicy(RenderedOverlay k8s) {
        for (String service : ServiceCatalog.NAMES) {
            k8s.get(Deployment.class, service);
            k8s.get(Service.class, service);
            k8s.get(ConfigMap.class, service + "-config");
            PodDisruptionBudget pdb = k8s.get(PodDisruptionBudget.class, service);
            assertThat(pdb.getSpec().getSelector().getMatchLabels()).containsEntry("app.kubernetes.io/name", service);
            k8s.get(NetworkPolicy.class, service);
        }
        Set<String> seen = new HashSet<>();
        for (HasMetadata r : k8s.resources) {
            assertThat(seen.add(r.getKind() + "/" + r.getMetadata().getName()))
                    .as("%s %s defined once", r.getKind(), r.getMetadata().getName())
                    .isTrue();
        }
        String namespace = k8s.all(Namespace.class).get(0).getMetadata().getName();
        assertThat(k8s.resources.stream().filter(r -> !(r instanceof Namespace)))
                .allSatisfy(r -> assertThat(r.getMetadata().getNamespace())
                        .as("%s %s", r.getKind(), r.getMetadata().getName())
                        .isEqualTo(namespace));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void probesAskTheActuatorHealthGroupsOnThePortTheServiceServesThemOn(RenderedOverlay k8s) {
        for (ServiceCatalog.Service service : ServiceCatalog.all()) {
            Container c = k8s.serviceContainer(service.name());
            assertSoftly(soft -> {
                soft.assertThat(probePort(c, c.getStartupProbe(), "/actuator/health/liveness"))
                        .as("%s startup probe", service.name())
                        .isEqualTo(service.healthPort());
                soft.assertThat(probePort(c, c.getLivenessProbe(), "/actuator/health/liveness"))
                        .as("%s liveness probe", service.name())
                        .isEqualTo(service.healthPort());
                soft.assertThat(probePort(c, c.getReadinessProbe(), "/actuator/health/readiness"))
                        .as("%s readiness probe", service.name())
                        .isEqualTo(service.healthPort());
            });
            String scrapePort = k8s.get(Deployment.class, service.name())
                    .getSpec()
                    .getTemplate()
                    .getMetadata()
                    .getAnnotations()
                    .get("prometheus.io/port");
            assertThat(scrapePort)
                    .as("%s scrape port", service.name())
                    .isEqualTo(Integer.toString(service.healthPort()));
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void portsMatchWhatEachServiceListensOn(RenderedOverlay k8s) {
        for (ServiceCatalog.Service service : ServiceCatalog.all()) {
            Container c = k8s.serviceContainer(service.name());
            assertThat(portNamed(c, "http"))
                    .as("%s container port", service.name())
                    .isEqualTo(service.port());
            var ports = k8s.get(Service.class, service.name()).getSpec().getPorts();
            assertThat(ports).as("%s Service ports", service.name()).hasSize(1);
            assertThat(ports.get(0).getPort()).isEqualTo(service.port());
            assertThat(ports.get(0).getTargetPort().getStrVal()).isEqualTo("http");
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyContainerHasRequestsAndLimits(RenderedOverlay k8s) {
        List<PodSpec> pods = new ArrayList<>();
        k8s.all(Deployment.class)
                .forEach(d -> pods.add(d.getSpec().getTemplate().getSpec()));
        k8s.all(StatefulSet.class)
                .forEach(s -> pods.add(s.getSpec().getTemplate().getSpec()));
        assertThat(pods).isNotEmpty();
        for (PodSpec pod : pods) {
            for (Container c : pod.getContainers()) {
                assertThat(c.getResources().getRequests())
                        .as("%s requests", c.getName())
                        .containsKeys("cpu", "memory");
                assertThat(c.getResources().getLimits())
                        .as("%s limits", c.getName())
                        .containsKeys("cpu", "memory");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyVariableSetIsOneTheServiceReadsAndTheEssentialOnesAreSet(RenderedOverlay k8s) {
        for (ServiceCatalog.Service service : ServiceCatalog.all()) {
            Map<String, String> env = k8s.environment(k8s.serviceContainer(service.name()));
            assertThat(env.keySet())
                    .as("%s: variables its configuration does not read", service.name())
                    .allMatch(service::reads);
            List<String> essential = Stream.of(
                            "IM_DB_HOST",
                            "IM_DB_PASSWORD",
                            "IM_REDIS_HOST",
                            "IM_KAFKA_BOOTSTRAP",
                            "IM_INTERNAL_TOKEN",
                            "IM_AUTH_JWKS_URI",
                            "IM_AUTH_JWT_PRIVATE_KEY",
                            "IM_USER_SERVICE_URL",
                            "IM_FRIEND_SERVICE_URL",
                            "IM_MESSAGE_SERVICE_URL",
                            "IM_MEDIA_SERVICE_URL",
                            "IM_S3_ENDPOINT",
                            "IM_S3_ACCESS_KEY",
                            "IM_S3_SECRET_KEY",
                            "IM_AUTH_SERVICE_URL",
                            "IM_CONNECTOR_URLS")
                    .filter(service.reads()::contains)
                    .filter(v -> !(service.name().equals("gateway") && v.equals("IM_INTERNAL_TOKEN")))
                    .toList();
            assertThat(env)
                    .as("%s: settings that have no production default", service.name())
                    .containsKeys(essential.toArray(String[]::new));
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void addressesInTheConfigurationPointAtServicesThatExist(RenderedOverlay k8s) {
        for (ServiceCatalog.Service service : ServiceCatalog.all()) {
            Map<String, String> env = k8s.environment(k8s.serviceContainer(service.name()));
            env.forEach((name, value) -> {
                if (name.endsWith("_URL") || name.endsWith("_URLS") || name.equals("IM_AUTH_JWKS_URI")) {
                    for (String url : value.split(",")) {
                        URI uri = URI.create(url.trim());
                        var target = k8s.get(Service.class, uri.getHost());
                        assertThat(target.getSpec().getPorts())
                                .as("%s %s: port of Service %s", service.name(), name, uri.getHost())
                                .anyMatch(p -> p.getPort() == uri.getPort());
                    }
                }
            });
            if (env.containsKey("IM_DB_HOST")) {
                String host = env.get("IM_DB_HOST");
                assertThat(k8s.find(Service.class, host).isPresent()
                                || k8s.custom("InnoDBCluster", host).isPresent())
                        .as("%s: database %s", service.name(), host)
                        .isTrue();
            }
            if (env.containsKey("IM_REDIS_HOST")) {
                k8s.get(Service.class, env.get("IM_REDIS_HOST"));
            }
            if (env.containsKey("IM_KAFKA_BOOTSTRAP")) {
                String host = env.get("IM_KAFKA_BOOTSTRAP").split(":")[0];
                boolean strimzi = host.endsWith("-kafka-bootstrap")
                        && k8s.custom("Kafka", host.substring(0, host.length() - "-kafka-bootstrap".length()))
                                .isPresent();
                assertThat(strimzi || k8s.find(Service.class, host).isPresent())
                        .as("%s: Kafka %s", service.name(), host)
                        .isTrue();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void connectorPodsScaleOnTheirOwnAndDrainBeforeTheyStop(RenderedOverlay k8s) {
        List<HorizontalPodAutoscaler> hpas = k8s.all(HorizontalPodAutoscaler.class);
        assertThat(hpas).hasSize(1);
        var hpa = hpas.get(0).getSpec();
        assertThat(hpa.getScaleTargetRef().getKind()).isEqualTo("Deployment");
        assertThat(hpa.getScaleTargetRef().getName()).isEqualTo("connector-service");
        assertThat(hpa.getMinReplicas()).isPositive();
        assertThat(hpa.getMaxReplicas()).isBetween(hpa.getMinReplicas(), DELIVER_PARTITIONS);
        assertThat(hpa.getMetrics())
                .anyMatch(m ->
                        m.getResource() != null && m.getResource().getName().equals("cpu"));
        assertThat(hpa.getMetrics())
                .anyMatch(m ->
                        m.getPods() != null && m.getPods().getMetric().getName().equals("im_connector_connections"));

        Deployment connector = k8s.get(Deployment.class, "connector-service");
        PodSpec pod = connector.getSpec().getTemplate().getSpec();
        Container c = k8s.serviceContainer("connector-service");
        assertThat(c.getEnv())
                .as("node identity from the pod name")
                .anyMatch(v -> v.getName().equals("IM_NODE_ID")
                        && v.getValueFrom().getFieldRef().getFieldPath().equals("metadata.name"));
        int preStop = Integer.parseInt(
                c.getLifecycle().getPreStop().getExec().getCommand().get(1));
        int drain = seconds(k8s.environment(c).getOrDefault("IM_DRAIN_TIMEOUT", "5s"));
        assertThat(pod.getTerminationGracePeriodSeconds())
                .as("grace period covers preStop, drain and shutdown")
                .isGreaterThan((long) preStop + drain + SHUTDOWN_SECONDS);
        assertThat(pod.getVolumes()).as("no state on disk").allMatch(v -> v.getEmptyDir() != null);
        assertThat(connector.getSpec().getReplicas())
                .as("the HPA owns the count")
                .isNull();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void imagesAreTheModulesAtTheProjectVersion(RenderedOverlay k8s) {
        for (String service : ServiceCatalog.NAMES) {
            String image = k8s.serviceContainer(service).getImage();
            assertThat(image).as("%s image", service).endsWith("chatforge/" + service + ":" + VERSION);
            assertThat(Repo.path(service + "/pom.xml")).exists();
        }
        if (k8s.name.equals("prod")) {
            assertThat(k8s.all(Deployment.class)).allSatisfy(d -> assertThat(d.getSpec()
                            .getTemplate()
                            .getSpec()
                            .getContainers()
                            .get(0)
                            .getImage())
                    .startsWith("registry.example.com/"));
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void secretsAreReferencedNeverCommittedWithRealValues(RenderedOverlay k8s) {
        List<Secret> secrets = k8s.all(Secret.class);
        if (k8s.name.equals("prod")) {
            assertThat(secrets)
                    .as("prod defines no Secret: they are created out of band")
                    .isEmpty();
        }
        for (Secret secret : secrets) {
            assertThat(secret.getData()).as("base64 data would hide a value").isNullOrEmpty();
            assertThat(secret.getStringData().values())
                    .as(
                            "Secret %s carries only placeholders",
                            secret.getMetadata().getName())
                    .allMatch(v -> v.isEmpty() || v.startsWith("dev-only-"));
        }
        // every secret a container reads exists in the dev Secret, so the dev overlay runs as is
        for (Deployment d : k8s.all(Deployment.class)) {
            for (Container c : d.getSpec().getTemplate().getSpec().getContainers()) {
                c.getEnv().stream()
                        .filter(v ->
                                v.getValueFrom() != null && v.getValueFrom().getSecretKeyRef() != null)
                        .forEach(v -> {
                            var ref = v.getValueFrom().getSecretKeyRef();
                            assertThat(ref.getName()).isEqualTo("chatforge-secrets");
                            if (k8s.name.equals("dev")) {
                                assertThat(k8s.get(Secret.class, ref.getName()).getStringData())
                                        .containsKey(ref.getKey());
                            }
                        });
                assertThat(c.getEnv())
                        .as("%s: secrets come from Secrets, not literals", c.getName())
                        .noneMatch(v -> v.getValue() != null
                                && v.getName().matches(".*(PASSWORD|TOKEN|PRIVATE_KEY|SECRET_KEY|ACCESS_KEY).*"));
            }
        }
        for (ConfigMap config : k8s.all(ConfigMap.class)) {
            assertThat(config.getData().keySet())
                    .as("ConfigMap %s holds no secrets", config.getMetadata().getName())
                    .noneMatch(k -> k.matches(".*(PASSWORD|TOKEN|PRIVATE_KEY|SECRET_KEY|ACCESS_KEY).*"));
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void onlyTheGatewayIsReachableFromOutside(RenderedOverlay k8s) {
        List<Ingress> ingresses = k8s.all(Ingress.class);
        assertThat(ingresses).hasSize(1);
        var ingress = ingresses.get(0);
        assertThat(ingress.getSpec().getRules())
                .flatMap(r -> r.getHttp().getPaths())
                .allSatisfy(
                        p -> assertThat(p.getBackend().getService().getName()).isEqualTo("gateway"));
        assertThat(Integer.parseInt(
                        ingress.getMetadata().getAnnotations().get("nginx.ingress.kubernetes.io/proxy-read-timeout")))
                .as("WebSockets stay open")
                .isGreaterThanOrEqualTo(3600);
        assertThat(k8s.all(Service.class))
                .allSatisfy(s -> assertThat(s.getSpec().getType()).isIn(null, "ClusterIP"));

        NetworkPolicy deny = k8s.get(NetworkPolicy.class, "default-deny-ingress");
        assertThat(deny.getSpec().getPodSelector().getMatchLabels()).isNullOrEmpty();
        assertThat(deny.getSpec().getIngress()).isEmpty();
        NetworkPolicy gateway = k8s.get(NetworkPolicy.class, "gateway");
        assertThat(gateway.getSpec().getIngress())
                .flatMap(rule -> rule.getFrom())
                .allSatisfy(peer -> assertThat(peer.getPodSelector())
                        .as("no pod may call the gateway directly")
                        .isNull());
        for (String service : ServiceCatalog.NAMES) {
            if (service.equals("gateway")) {
                continue;
            }
            var from = k8s.get(NetworkPolicy.class, service).getSpec().getIngress().stream()
                    .flatMap(rule -> rule.getFrom().stream())
                    .filter(peer -> peer.getPodSelector() != null)
                    .map(peer -> peer.getPodSelector().getMatchLabels().get("app.kubernetes.io/name"))
                    .toList();
            assertThat(from).as("%s callers", service).isNotEmpty();
            assertThat(ServiceCatalog.NAMES)
                    .as("%s callers are services", service)
                    .containsAll(from);
        }
    }

    private static int probePort(Container c, Probe probe, String path) {
        assertThat(probe).as("%s probe on %s", c.getName(), path).isNotNull();
        HTTPGetAction get = probe.getHttpGet();
        assertThat(get.getPath()).isEqualTo(path);
        return get.getPort().getStrVal() != null
                ? portNamed(c, get.getPort().getStrVal())
                : get.getPort().getIntVal();
    }

    private static int portNamed(Container c, String name) {
        return c.getPorts().stream()
                .filter(p -> name.equals(p.getName()))
                .map(ContainerPort::getContainerPort)
                .findFirst()
                .orElseThrow(() -> new AssertionError(c.getName() + " has no port named " + name));
    }

    private static int seconds(String duration) {
        assertThat(duration).matches("\\d+s");
        return Integer.parseInt(duration.substring(0, duration.length() - 1));
    }
}
