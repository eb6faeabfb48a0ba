package io.chatforge.im.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;

/** A chunked body is read up to its limit, then passed on once, or refused with 413 and not passed on. */
class BodyLimitFilterTest {
    private final BodyLimitFilter filter = new BodyLimitFilter(
            new BodyLimits(DataSize.ofBytes(16), DataSize.ofBytes(64), DataSize.ofBytes(1024), "/im-media/"));
    private final List<String> forwardedBodies = new ArrayList<>();
    private final WebFilterChain chain =
            exchange -> DataBufferUtils.join(exchange.getRequest().getBody())
                    .map(body -> body.toString(StandardCharsets.UTF_8))
                    .defaultIfEmpty("")
                    .doOnNext(forwardedBodies::add)
                    .then();

    @Test
    void aChunkedBodyWithinItsLimit_isForwardedOnce_withItsLength() {
        filter.filter(chunked("/api/users/me", "{\"nickname\":", "\"Al\"}"), chain)
                .block();

        assertThat(forwardedBodies).containsExactly("{\"nickname\":\"Al\"}");
    }

    @Test
    void aChunkedBodyOverItsLimit_is413_andNotForwarded() {
        var exchange = chunked("/api/auth/login", "{\"username\":\"alice\",", "\"password\":\"x\"}");

        filter.filter(exchange, chain).block();

        assertThat(forwardedBodies).isEmpty();
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
    }

    @Test
    void anUploadToTheBucket_hasTheObjectLimit_notTheJsonOne() {
        String hundredBytes = "x".repeat(100);

        filter.filter(chunked("/im-media/m/1", hundredBytes), chain).block();
        var json = chunked("/api/media", hundredBytes);
        filter.filter(json, chain).block();

        assertThat(forwardedBodies).containsExactly(hundredBytes);
        assertThat(json.getResponse().getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
    }

    private static MockServerWebExchange chunked(String path, String... chunks) {
        var factory = DefaultDataBufferFactory.sharedInstance;
        return MockServerWebExchange.from(MockServerHttpRequest.patch(path)
                .header(HttpHeaders.TRANSFER_ENCODING, "chunked")
                .body(Flux.fromArray(chunks).map(chunk -> factory.wrap(chunk.getBytes(StandardCharsets.UTF_8)))));
    }
}
