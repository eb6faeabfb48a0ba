package io.chatforge.im.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Renders a kustomization the way {@code kubectl kustomize} does, for the features k8s/ uses:
 * {@code resources} (files and directories), {@code namespace}, {@code labels} (metadata only),
 * {@code images}, {@code replicas} and strategic-merge {@code patches} given by path. Any other field
 * fails the render, so k8s/ cannot start using a feature these tests would silently ignore.
 */
final class Kustomize {
    private static final Set<String> SUPPORTED =
            Set.of("apiVersion", "kind", "resources", "namespace", "labels", "images", "replicas", "patches");
    private static final Set<String> CLUSTER_SCOPED =
            Set.of("Namespace", "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition", "StorageClass");

    private Kustomize() {}

    /** The resources of the kustomization in {@code dir}, as plain YAML maps. */
    static List<Map<String, Object>> render(Path dir) {
        Path file = dir.resolve("kustomization.yaml");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no kustomization.yaml in " + dir);
        }
        Map<String, Object> kustomization = Repo.yaml(file);
        for (String key : kustomization.keySet()) {
            if (!SUPPORTED.contains(key)) {
                throw new IllegalArgumentException(file + ": '" + key + "' is not supported by this renderer");
            }
        }
        List<Map<String, Object>> resources = new ArrayList<>();
        for (String entry : strings(kustomization.get("resources"))) {
            Path resource = dir.resolve(entry).normalize();
            if (Files.isDirectory(resource)) {
                resources.addAll(render(resource));
            } else {
                resources.addAll(Repo.yamlDocuments(resource));
            }
        }
        for (Map<String, Object> patch : maps(kustomization.get("patches"))) {
            Object path = patch.get("path");
            if (path == null || patch.size() != 1) {
                throw new IllegalArgumentException(
                        file + ": only `patches: - path: <file>` is supported, got " + patch);
            }
            for (Map<String, Object> document : Repo.yamlDocuments(dir.resolve(path.toString()))) {
                applyPatch(resources, document, path.toString());
            }
        }
        for (Map<String, Object> replicas : maps(kustomization.get("replicas"))) {
            Map<String, Object> target =
                    find(resources, "Deployment", replicas.get("name").toString());
            spec(target).put("replicas", replicas.get("count"));
        }
        for (Map<String, Object> image : maps(kustomization.get("images"))) {
            resources.forEach(resource -> renameImage(resource, image));
        }
        if (kustomization.get("namespace") instanceof String namespace) {
            resources.stream()
                    .filter(r -> !CLUSTER_SCOPED.contains(r.get("kind")))
                    .forEach(r -> metadata(r).put("namespace", namespace));
        }
        for (Map<String, Object> label : maps(kustomization.get("labels"))) {
            @SuppressWarnings("unchecked")
            Map<String, Object> pairs = (Map<String, Object>) label.get("pairs");
            if (label.size() != 1 || pairs == null) {
                throw new IllegalArgumentException(file + ": only `labels: - pairs:` is supported");
            }
            resources.forEach(r -> child(metadata(r), "labels").putAll(pairs));
        }
        return resources;
    }

    private static void applyPatch(List<Map<String, Object>> resources, Map<String, Object> patch, String path) {
        String kind = Objects.toString(patch.get("kind"));
        String name = Objects.toString(metadata(patch).get("name"));
        Map<String, Object> target = find(resources, kind, name);
        Map<String, Object> merged = StrategicMerge.merge(target, patch);
        resources.set(resources.indexOf(target), merged);
        if (!Objects.equals(patch.get("apiVersion"), target.get("apiVersion"))) {
            throw new IllegalArgumentException(path + ": apiVersion differs from the patched " + kind + " " + name);
        }
    }

    static Map<String, Object> find(List<Map<String, Object>> resources, String kind, String name) {
        List<Map<String, Object>> found = resources.stream()
                .filter(r ->
                        kind.equals(r.get("kind")) && name.equals(metadata(r).get("name")))
                .toList();
        if (found.size() != 1) {
            throw new IllegalArgumentException(found.size() + " resources are " + kind + " " + name + ", expected one");
        }
        return found.get(0);
    }

    @SuppressWarnings("unchecked")
    private static void renameImage(Map<String, Object> resource, Map<String, Object> image) {
        Object template = spec(resource).get("template");
        if (!(template instanceof Map<?, ?> t)) {
            return;
        }
        Object podSpec = ((Map<String, Object>) t).get("spec");
        for (Map<String, Object> container : maps(((Map<String, Object>) podSpec).get("containers"))) {
            String current = container.get("image").toString();
            int colon = current.lastIndexOf(':');
            String name = colon < 0 ? current : current.substring(0, colon);
            String tag = colon < 0 ? "latest" : current.substring(colon + 1);
            if (name.equals(image.get("name"))) {
                String newName = Objects.toString(image.getOrDefault("newName", name));
                String newTag = Objects.toString(image.getOrDefault("newTag", tag));
                container.put("image", newName + ":" + newTag);
            }
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> metadata(Map<String, Object> resource) {
        return (Map<String, Object>) resource.computeIfAbsent("metadata", k -> new LinkedHashMap<>());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(Map<String, Object> resource) {
        return (Map<String, Object>) resource.computeIfAbsent("spec", k -> new LinkedHashMap<>());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> child(Map<String, Object> parent, String key) {
        return (Map<String, Object>) parent.computeIfAbsent(key, k -> new LinkedHashMap<>());
    }

    private static List<String> strings(Object list) {
        return list == null
                ? List.of()
                : ((List<?>) list).stream().map(Object::toString).toList();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> maps(Object list) {
        return list == null ? List.of() : (List<Map<String, Object>>) list;
    }
}
