package io.chatforge.im.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's device sessions between runs ({@code $IM_DATA_DIR/bench/sessions-<prefix>.tsv}, {@code .data} by default): a later
 * run refreshes them instead of logging in again, because a login is an Argon2id check and 10,000 of
 * them take over 20 minutes on two cores. Each refresh token works once, so the file is rewritten
 * with the new ones after every run.
 */
final class TokenCache {
    private TokenCache() {}

    /** Sessions by "username/device"; empty when there is no file or it cannot be read. */
    static Map<String, BenchUsers.Session> load(String prefix) {
        Map<String, BenchUsers.Session> sessions = new HashMap<>();
        try {
            Path file = file(prefix);
            if (!Files.exists(file)) {
                return sessions;
            }
            for (String line : Files.readAllLines(file)) {
                String[] f = line.split("\t");
                var user = new BenchUsers.User(Long.parseLong(f[1]), f[0], f[4]);
                sessions.put(f[0] + "/" + f[2], new BenchUsers.Session(user, f[2], f[3], Long.parseLong(f[5])));
            }
        } catch (IOException | RuntimeException e) {
            sessions.clear(); // unreadable: log in again
        }
        return sessions;
    }

    static void save(String prefix, List<BenchUsers.Session> ready) throws IOException {
        Map<String, BenchUsers.Session> all = load(prefix); // keep devices this run did not use
        ready.forEach(s -> all.put(s.user().username() + "/" + s.device(), s));
        Path file = file(prefix);
        Files.createDirectories(file.getParent());
        Files.write(
                file,
                all.values().stream()
                        .map(s -> String.join(
                                "\t",
                                s.user().username(),
                                Long.toString(s.user().id()),
                                s.device(),
                                s.refreshToken(),
                                s.user().token(),
                                Long.toString(s.accessExpiresAtMillis())))
                        .toList());
    }

    private static Path file(String prefix) {
        return Path.of(System.getenv().getOrDefault("IM_DATA_DIR", ".data"), "bench", "sessions-" + prefix + ".tsv");
    }
}
