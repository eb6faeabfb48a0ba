package io.chatforge.im.gateway.cors;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Browser origins allowed to call the API, e.g. {@code https://chat.example.com} (patterns allowed). */
@ConfigurationProperties("im.gateway.cors")
record CorsProperties(
        @DefaultValue({"http://localhost:*", "http://127.0.0.1:*"})
        List<String> allowedOrigins) {}
