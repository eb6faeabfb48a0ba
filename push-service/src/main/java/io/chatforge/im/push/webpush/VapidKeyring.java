package io.chatforge.im.push.webpush;

import com.interaso.webpush.VapidKeys;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The VAPID key pair: from the environment (a Secret), else from a key file that a local run
 * generates on its first start and keeps; with neither, Web Push is disabled (one log line).
 */
@Component
public class VapidKeyring {
    private static final Logger log = LoggerFactory.getLogger(VapidKeyring.class);

    private final VapidKeys keys;

    VapidKeyring(WebPushProperties properties) {
        this.keys = load(properties);
        if (keys == null) {
            log.info(
                    "Web Push disabled: set IM_PUSH_VAPID_PUBLIC_KEY and IM_PUSH_VAPID_PRIVATE_KEY (or IM_PUSH_VAPID_KEY_FILE)");
        }
    }

    private static VapidKeys load(WebPushProperties p) {
        if (present(p.publicKey()) && present(p.privateKey())) {
            return VapidKeys.fromUncompressedBytes(p.publicKey(), p.privateKey());
        }
        if (present(p.keyFile())) {
            return VapidKeys.load(Path.of(p.keyFile()), true);
        }
        return null;
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    public Optional<VapidKeys> keys() {
        return Optional.ofNullable(keys);
    }

    /** The application server key browsers subscribe with: the uncompressed public point, base64url. */
    public Optional<String> publicKey() {
        return keys().map(k -> Base64.getUrlEncoder().withoutPadding().encodeToString(k.getApplicationServerKey()));
    }
}
