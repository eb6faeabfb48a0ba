package io.chatforge.im.platform;

import io.chatforge.im.testsupport.TestInfrastructure;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Reads (or flushes) the platform's Redis database, as an operator with redis-cli would. */
final class RedisProbe {
    private RedisProbe() {}

    /** GET on the platform's database; null when absent. */
    static String get(Platform platform, String key) {
        return read(platform, command("GET", key));
    }

    /** HGET on the platform's database; null when absent. */
    static String hget(Platform platform, String key, String field) {
        return read(platform, command("HGET", key, field));
    }

    /** FLUSHDB on the platform's database, as an operator's mistake (or a Redis failover to an empty replica) would. */
    static void flush(Platform platform) {
        String answer = read(platform, command("FLUSHDB"));
        if (!"+OK".equals(answer)) {
            throw new IllegalStateException("FLUSHDB: " + answer);
        }
    }

    private static String read(Platform platform, byte[] query) {
        var e = TestInfrastructure.get().endpoints();
        try (var socket = new Socket(e.redisHost(), e.redisPort())) {
            socket.setSoTimeout(5000);
            var out = socket.getOutputStream();
            out.write(command("SELECT", Integer.toString(platform.redisDatabase)));
            out.write(query);
            out.flush();
            var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String selected = in.readLine();
            if (!"+OK".equals(selected)) {
                throw new IllegalStateException("SELECT: " + selected);
            }
            String header = in.readLine();
            if (header.startsWith("+")) {
                return header; // a status reply
            }
            return header.startsWith("$-1") ? null : in.readLine();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static byte[] command(String... parts) {
        StringBuilder resp = new StringBuilder("*" + parts.length + "\r\n");
        for (String part : parts) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            resp.append('$').append(bytes.length).append("\r\n").append(part).append("\r\n");
        }
        return resp.toString().getBytes(StandardCharsets.UTF_8);
    }
}
