package io.chatforge.im.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The eight services as their own configuration describes them: the port they listen on, where their
 * health endpoints are, and which environment variables they read (the {@code ${IM_...}} placeholders
 * of their application*.yml and, for the servlet services, of the shared im-service-defaults*.yml).
 */
final class ServiceCatalog {
    static final List<String> NAMES = List.of(
            "gateway",
            "auth-service",
            "user-service",
            "friend-service",
            "message-service",
            "media-service",
            "push-service",
            "connector-service");

    /** Read by the JVM or by Spring Boot itself rather than by a placeholder. */
    static final Set<String> PLATFORM_VARIABLES = Set.of("SPRING_PROFILES_ACTIVE", "JAVA_TOOL_OPTIONS");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");
    private static final Pattern DEFAULT_PORT = Pattern.compile("\\$\\{[A-Z0-9_]+:(\\d+)}");

    private ServiceCatalog() {}

    record Service(String name, int port, int healthPort, Set<String> reads) {
        boolean reads(String variable) {
            return reads.contains(variable) || PLATFORM_VARIABLES.contains(variable);
        }

        boolean usesDatabase() {
            return reads.contains("IM_DB_HOST");
        }
    }

    static List<Service> all() {
        return NAMES.stream().map(ServiceCatalog::load).toList();
    }

    static Service get(String name) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("no service " + name);
        }
        return load(name);
    }

    private static Service load(String name) {
        Path resources = Repo.path(name + "/src/main/resources");
        Set<String> reads = new TreeSet<>();
        List<Path> files = ymlFiles(resources, "application");
        boolean servlet = !name.equals("gateway") && !name.equals("connector-service");
        if (servlet) {
            files = Stream.concat(
                            files.stream(),
                            ymlFiles(Repo.path("libs/im-service-support/src/main/resources"), "im-service-defaults")
                                    .stream())
                    .toList();
        }
        for (Path file : files) {
            Matcher m = PLACEHOLDER.matcher(Repo.read(file));
            while (m.find()) {
                reads.add(m.group(1));
            }
        }
        Map<String, Object> application =
                Repo.yamlDocuments(resources.resolve("application.yml")).get(0);
        int port = defaultPort(at(application, "server", "port"), name + " server.port");
        Object management = at(application, "management", "server", "port");
        int healthPort = management == null ? port : defaultPort(management, name + " management.server.port");
        return new Service(name, port, healthPort, reads);
    }

    private static List<Path> ymlFiles(Path dir, String prefix) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith(prefix)
                            && p.getFileName().toString().endsWith(".yml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int defaultPort(Object value, String what) {
        if (value instanceof Integer port) {
            return port;
        }
        Matcher m = DEFAULT_PORT.matcher(String.valueOf(value));
        if (!m.matches()) {
            throw new IllegalStateException(what + " is " + value + ": expected ${IM_..._PORT:<port>}");
        }
        return Integer.parseInt(m.group(1));
    }

    @SuppressWarnings("unchecked")
    static Object at(Map<String, Object> map, String... keys) {
        Object current = map;
        for (String key : keys) {
            if (!(current instanceof Map<?, ?> m)) {
                return null;
            }
            current = ((Map<String, Object>) m).get(key);
        }
        return current;
    }
}
