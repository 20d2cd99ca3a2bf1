package dev.audiorouting.server.auth;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.URLBasedJWKSetSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.io.IOException;
import java.net.InetAddress;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;

/**
 * The public keys access tokens must be signed with: a JWKS document at a URL (an OpenID Connect issuer such as
 * Microsoft Entra ID), a JWKS file, or a key set given directly (the local key). Only public RSA and EC keys
 * count: private parts and symmetric (HMAC) keys in a key set are dropped, so a published key can never be
 * used as an HMAC secret.
 */
public final class TrustedKeys {
    /** A slow issuer must not stall requests for long: each fetch, start to end, gets this long. */
    static final Duration FETCH_TIMEOUT = Duration.ofSeconds(2);
    static final Duration CACHE_TIME_TO_LIVE = Duration.ofMinutes(5);
    private static final Duration REFRESH_RATE_LIMIT = Duration.ofSeconds(30);
    private static final int MAX_JWKS_BYTES = 512 * 1024;

    private final JWKSource<SecurityContext> source;
    private final FetchRecord fetches;
    private final String description;

    private TrustedKeys(JWKSource<SecurityContext> source, FetchRecord fetches, String description) {
        this.source = source;
        this.fetches = fetches;
        this.description = description;
    }

    /** Fixed keys, e.g. the local signing key's public half. */
    public static TrustedKeys of(JWKSet keys, String description) {
        JWKSet publicKeys = keys.toPublicJWKSet();
        if (publicKeys.isEmpty()) {
            throw new IllegalArgumentException(description + " holds no public RSA or EC key");
        }
        return new TrustedKeys(new ImmutableJWKSet<>(publicKeys), null, description);
    }

    /** The keys in a JWKS file, read once now. */
    public static TrustedKeys fromFile(Path file) {
        try {
            return of(JWKSet.load(file.toFile()), "the JWKS file " + file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the JWKS file " + file + ": " + e.getMessage(), e);
        } catch (ParseException e) {
            throw new IllegalArgumentException("the JWKS file " + file + " is not a JWK set: " + e.getMessage(), e);
        }
    }

    /**
     * The keys published at an https URL (http only on loopback, where nobody can tamper with them): fetched on
     * first use, cached for {@link #CACHE_TIME_TO_LIVE}, fetched again when a token names an unknown {@code kid}
     * (at most twice per 30 seconds, so bogus tokens cannot flood the issuer), each fetch bounded by
     * {@link #FETCH_TIMEOUT}.
     */
    public static TrustedKeys fromUrl(URI url) {
        return fromUrl(url, FETCH_TIMEOUT);
    }

    static TrustedKeys fromUrl(URI url, Duration fetchTimeout) {
        requireTamperProof(url);
        try {
            FetchRecord fetches = new FetchRecord(new URLBasedJWKSetSource<>(url.toURL(), new JwksFetcher(fetchTimeout, MAX_JWKS_BYTES)));
            JWKSource<SecurityContext> source = JWKSourceBuilder.create(fetches)
                    .cache(CACHE_TIME_TO_LIVE.toMillis(), fetchTimeout.plusSeconds(1).toMillis())
                    .rateLimited(REFRESH_RATE_LIMIT.toMillis())
                    .build();
            return new TrustedKeys(source, fetches, "the JWKS at " + url);
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("the JWKS URL " + url + " is not valid: " + e.getMessage(), e);
        }
    }

    /** Keys fetched in clear text could be swapped on the way, which would defeat every check. */
    private static void requireTamperProof(URI url) {
        if ("https".equals(url.getScheme())) {
            return;
        }
        if ("http".equals(url.getScheme()) && isLoopback(url.getHost())) {
            return;
        }
        throw new IllegalArgumentException("the JWKS URL must be https (http only on loopback), not " + url);
    }

    private static boolean isLoopback(String host) {
        try {
            return host != null && InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    JWKSource<SecurityContext> source() {
        return source;
    }

    /**
     * Whether a current key set is at hand. When keys cannot be fetched (the issuer is down, or a refetch is
     * rate limited), this tells "your kid is not among our keys" (401) from "we have no keys" (503).
     */
    boolean holdCurrentKeys() {
        return fetches == null || fetches.succeededWithin(CACHE_TIME_TO_LIVE);
    }

    @Override
    public String toString() {
        return description;
    }

    /** Passes fetches through, keeping only public keys and remembering when the last one succeeded. */
    private static final class FetchRecord implements JWKSetSource<SecurityContext> {
        private final JWKSetSource<SecurityContext> delegate;
        private volatile long lastSuccess;
        private volatile boolean everSucceeded;

        FetchRecord(JWKSetSource<SecurityContext> delegate) {
            this.delegate = delegate;
        }

        @Override
        public JWKSet getJWKSet(JWKSetCacheRefreshEvaluator evaluator, long now, SecurityContext context) throws KeySourceException {
            JWKSet keys = delegate.getJWKSet(evaluator, now, context).toPublicJWKSet();
            lastSuccess = System.nanoTime();
            everSucceeded = true;
            return keys;
        }

        boolean succeededWithin(Duration age) {
            return everSucceeded && System.nanoTime() - lastSuccess < age.toNanos();
        }

        @Override
        public void close() throws IOException {
            delegate.close();
        }
    }
}
