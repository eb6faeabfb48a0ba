package io.chatforge.im.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class JwksCacheTest {
    private final AtomicLong now = new AtomicLong();
    private final AtomicInteger fetches = new AtomicInteger();
    private final AtomicReference<JWKSet> published = new AtomicReference<>();
    private final JwksCache cache = new JwksCache(
            () -> {
                fetches.incrementAndGet();
                return published.get();
            },
            Duration.ofMinutes(5),
            Duration.ofSeconds(30),
            now::get);

    private static RSAKey key(String kid) throws Exception {
        return new RSAKeyGenerator(2048)
                .keyID(kid)
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256)
                .generate()
                .toPublicJWK();
    }

    private static JWKSelector kid(String kid) {
        return new JWKSelector(new JWKMatcher.Builder().keyID(kid).build());
    }

    private void advance(Duration by) {
        now.addAndGet(by.toNanos());
    }

    @Test
    void knownKeys_comeFromMemory_untilTheyAreOld_thenAreFetchedAgain() throws Exception {
        published.set(new JWKSet(key("k1")));
        assertThat(cache.get(kid("k1"), null)).hasSize(1);
        advance(Duration.ofMinutes(4));
        assertThat(cache.get(kid("k1"), null)).hasSize(1);
        assertThat(cache.cached(kid("k1"))).hasSize(1);
        assertThat(fetches).hasValue(1);

        published.set(new JWKSet(List.of(key("k2"), key("k1"))));
        advance(Duration.ofMinutes(2));
        assertThat(cache.cached(kid("k2")))
                .as("stale: the caller must ask with a fetch")
                .isNull();
        assertThat(cache.get(kid("k1"), null)).hasSize(1);
        assertThat(fetches).as("refreshed after five minutes").hasValue(2);
        assertThat(cache.cached(kid("k2"))).hasSize(1);
    }

    @Test
    void unknownKeyIds_fetchAtMostOncePerInterval() throws Exception {
        published.set(new JWKSet(key("k1")));
        cache.get(kid("k1"), null);
        advance(Duration.ofMinutes(1));
        for (int i = 0; i < 1000; i++) {
            assertThat(cache.get(kid("made-up-" + i), null)).isEmpty();
        }
        assertThat(fetches).as("one refetch for a thousand unknown kids").hasValue(2);

        published.set(new JWKSet(List.of(key("k2"), key("k1"))));
        assertThat(cache.get(kid("k2"), null))
                .as("within the interval: not yet")
                .isEmpty();
        advance(Duration.ofSeconds(31));
        assertThat(cache.get(kid("k2"), null))
                .as("a rotated-in key, after the interval")
                .hasSize(1);
        assertThat(fetches).hasValue(3);
    }

    @Test
    void aFailedFetch_keepsTheKeysItHad() throws Exception {
        var failing = new JwksCache(
                () -> {
                    throw new java.io.IOException("auth-service down");
                },
                Duration.ofMinutes(5),
                Duration.ofSeconds(30),
                now::get);
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> failing.get(kid("k1"), null)))
                .as("no keys at all: an error, not an empty answer")
                .isInstanceOf(com.nimbusds.jose.KeySourceException.class);
        // a cache that had keys keeps answering from them
        var keeping = new AtomicReference<JWKSet>(new JWKSet(key("k1")));
        var cacheThatLoses = new JwksCache(
                () -> {
                    JWKSet set = keeping.getAndSet(null);
                    if (set == null) {
                        throw new java.io.IOException("auth-service down");
                    }
                    return set;
                },
                Duration.ofMinutes(5),
                Duration.ofSeconds(30),
                now::get);
        assertThat(cacheThatLoses.get(kid("k1"), null)).hasSize(1);
        advance(Duration.ofMinutes(6));
        assertThat(cacheThatLoses.get(kid("k1"), null)).hasSize(1);
    }
}
