package io.chatforge.im.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A frame sent the instant the handshake's 101 arrives is answered, every time: the upgrade runs on
 * the connection's event loop (it raced the connection's reads when the token check finished on
 * another thread, and 5-7 % of such frames were dropped, mostly those the gateway relays).
 */
class FirstFrameIT {
    private static final int ROUNDS = 100;

    private final Platform platform = Platform.get();
    private final ApiClient api = platform.client();

    @Test
    void aFrameSentRightAfterThe101_isAnswered_throughTheGatewayAndDirectly() throws IOException {
        var user = Accounts.registerAndLogin(api, "first");
        assertThat(unanswered(platform.gateway.port(), user.accessToken()))
                .as("through the gateway")
                .isZero();
        assertThat(unanswered(platform.connectorA.port(), user.accessToken()))
                .as("directly")
                .isZero();
    }

    private static int unanswered(int port, String token) throws IOException {
        int unanswered = 0;
        for (int i = 0; i < ROUNDS; i++) {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                socket.setSoTimeout(3000);
                OutputStream out = socket.getOutputStream();
                InputStream in = socket.getInputStream();
                out.write(upgradeRequest(token));
                out.flush();
                readHead(in);
                out.write(textFrame("{\"type\":\"ping\"}"));
                out.flush();
                try {
                    if (in.read() < 0) {
                        unanswered++;
                    }
                } catch (SocketTimeoutException noAnswer) {
                    unanswered++;
                }
            }
        }
        return unanswered;
    }

    private static byte[] upgradeRequest(String token) {
        String key = Base64.getEncoder()
                .encodeToString(UUID.randomUUID().toString().substring(0, 16).getBytes());
        return ("GET /ws?token=" + token + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                        + "Connection: Upgrade\r\nSec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n"
                        + "X-Forwarded-For: " + ApiClient.randomAddress() + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static void readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed during the handshake: " + head);
            }
            head.append((char) b);
        }
        assertThat(head.toString()).startsWith("HTTP/1.1 101");
    }

    /** A masked text frame (mask 0, so the payload goes as is), under 126 bytes. */
    private static byte[] textFrame(String text) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        byte[] frame = new byte[6 + payload.length];
        frame[0] = (byte) 0x81;
        frame[1] = (byte) (0x80 | payload.length);
        System.arraycopy(payload, 0, frame, 6, payload.length);
        return frame;
    }
}
