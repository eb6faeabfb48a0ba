package io.chatforge.im.security;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * auth-service's public keys, as every verifier keeps them: fetched again when older than
 * {@code refreshEvery} (so a rotation reaches everyone without a restart), and at once for a token
 * signed with a key it does not know, but at most once per {@code minRefetch}: a flood of tokens
 * with made-up key ids costs one fetch per interval, not one each. A failed fetch keeps the keys it
 * had.
 */
public final class JwksCache implements JWKSource<SecurityContext> {
    private static final Logger log = LoggerFactory.getLogger(JwksCache.class);
    private static final int TIMEOUT_MILLIS = 2000;
    private static final int SIZE_LIMIT = 256 * 1024;

    private final Callable<JWKSet> fetch;
    private final long refreshEveryNanos;
    private final long minRefetchNanos;
    private final LongSupplier nanoTime;
    private volatile JWKSet keys;
    private volatile long fetchedAt;
    private volatile long triedAt;
    private volatile boolean tried;

    JwksCache(Callable<JWKSet> fetch, Duration refreshEvery, Duration minRefetch, LongSupplier nanoTime) {
        this.fetch = fetch;
        this.refreshEveryNanos = refreshEvery.toNanos();
        this.minRefetchNanos = minRefetch.toNanos();
        this.nanoTime = nanoTime;
    }

    /** The keys at a JWKS URI, fetched with 2 s connect and read timeouts. */
    public static JwksCache remote(String jwkSetUri, Duration refreshEvery, Duration minRefetch) {
        return new JwksCache(
                () -> JWKSet.load(URI.create(jwkSetUri).toURL(), TIMEOUT_MILLIS, TIMEOUT_MILLIS, SIZE_LIMIT),
                refreshEvery,
                minRefetch,
                System::nanoTime);
    }

    /** The matching keys, without any fetch; null when the cache cannot answer (stale or no match). */
    public List<JWK> cached(JWKSelector selector) {
        JWKSet current = keys;
        if (current == null || nanoTime.getAsLong() - fetchedAt > refreshEveryNanos) {
            return null;
        }
        List<JWK> found = selector.select(current);
        return found.isEmpty() ? null : found;
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
        JWKSet current = keys;
        if (current == null || nanoTime.getAsLong() - fetchedAt > refreshEveryNanos) {
            current = refetch(current);
        }
        List<JWK> found = current == null ? List.of() : selector.select(current);
        if (found.isEmpty()) {
            current = refetch(current); // maybe a key rotated in since: once per interval at most
            found = current == null ? List.of() : selector.select(current);
        }
        return found;
    }

    private synchronized JWKSet refetch(JWKSet seen) throws KeySourceException {
        if (keys != seen) {
            return keys; // another thread fetched meanwhile
        }
        long now = nanoTime.getAsLong();
        if (tried && now - triedAt < minRefetchNanos) {
            return keys;
        }
        tried = true;
        triedAt = now;
        try {
            JWKSet fetched = fetch.call();
            keys = fetched;
            fetchedAt = now;
            return fetched;
        } catch (Exception e) {
            log.warn("could not fetch the signing keys, keeping the ones known: {}", e.toString());
            if (keys == null) {
                throw new KeySourceException("no signing keys: " + e, e);
            }
            return keys;
        }
    }
}
