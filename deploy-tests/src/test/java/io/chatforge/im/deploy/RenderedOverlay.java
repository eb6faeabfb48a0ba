package io.chatforge.im.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One overlay of k8s/ rendered and parsed into fabric8's typed Kubernetes models. */
final class RenderedOverlay {
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    final String name;
    final List<HasMetadata> resources;

    private RenderedOverlay(String name, List<HasMetadata> resources) {
        this.name = name;
        this.resources = resources;
    }

    static RenderedOverlay of(String overlay) {
        Path dir = Repo.path("k8s/overlays/" + overlay);
        List<HasMetadata> typed = Kustomize.render(dir).stream()
                .map(document -> {
                    KubernetesResource parsed = SERIALIZATION.unmarshal(SERIALIZATION.asJson(document));
                    return (HasMetadata) parsed;
                })
                .toList();
        return new RenderedOverlay(overlay, typed);
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return resources.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> Optional<T> find(Class<T> type, String name) {
        return all(type).stream()
                .filter(r -> name.equals(r.getMetadata().getName()))
                .findFirst();
    }

    <T extends HasMetadata> T get(Class<T> type, String name) {
        return find(type, name)
                .orElseThrow(() -> new AssertionError(this.name + " has no " + type.getSimpleName() + " " + name));
    }

    /** A custom resource (Strimzi, MySQL Operator, Prometheus Operator) by kind and name. */
    Optional<GenericKubernetesResource> custom(String kind, String name) {
        return all(GenericKubernetesResource.class).stream()
                .filter(r ->
                        kind.equals(r.getKind()) && name.equals(r.getMetadata().getName()))
                .findFirst();
    }

    /** The one container of a service's Deployment. */
    Container serviceContainer(String service) {
        List<Container> containers =
                get(Deployment.class, service).getSpec().getTemplate().getSpec().getContainers();
        if (containers.size() != 1) {
            throw new AssertionError(service + " has " + containers.size() + " containers, expected one");
        }
        return containers.get(0);
    }

    /** Every environment variable a container gets: its env list and the ConfigMaps it takes whole. */
    Map<String, String> environment(Container container) {
        Map<String, String> env = new LinkedHashMap<>();
        for (EnvFromSource from : container.getEnvFrom()) {
            if (from.getConfigMapRef() == null) {
                throw new AssertionError(container.getName() + ": envFrom other than a ConfigMap");
            }
            get(ConfigMap.class, from.getConfigMapRef().getName()).getData().forEach(env::put);
        }
        for (EnvVar var : container.getEnv()) {
            env.put(var.getName(), var.getValue() != null ? var.getValue() : "<from " + describe(var) + ">");
        }
        return env;
    }

    private static String describe(EnvVar var) {
        var source = var.getValueFrom();
        if (source.getSecretKeyRef() != null) {
            return "secret " + source.getSecretKeyRef().getName() + "/"
                    + source.getSecretKeyRef().getKey();
        }
        if (source.getFieldRef() != null) {
            return "field " + source.getFieldRef().getFieldPath();
        }
        return source.toString();
    }

    @Override
    public String toString() {
        return "overlay " + name;
    }
}
