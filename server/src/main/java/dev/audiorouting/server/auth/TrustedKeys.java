package dev.audiorouting.server.auth;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;

/**
 * The public keys access tokens must be signed with: a JWKS document at a URL (an OpenID Connect issuer such as
 * Microsoft Entra ID), a JWKS file, or a key set given directly (the local key). Only public asymmetric keys
 * count: private parts and symmetric (HMAC) keys in a key set are dropped, so a published key can never be
 * used as an HMAC secret.
 */
public final class TrustedKeys {
    /** A slow issuer must not stall requests for long: each fetch gets this long to connect and to read. */
    static final Duration FETCH_TIMEOUT = Duration.ofSeconds(2);
    private static final int MAX_JWKS_BYTES = 512 * 1024;

    private final JWKSource<SecurityContext> source;
    private final String description;

    private TrustedKeys(JWKSource<SecurityContext> source, String description) {
        this.source = source;
        this.description = description;
    }

    /** Fixed keys, e.g. the local signing key's public half. */
    public static TrustedKeys of(JWKSet keys, String description) {
        JWKSet publicKeys = keys.toPublicJWKSet();
        if (publicKeys.isEmpty()) {
            throw new IllegalArgumentException(description + " holds no public RSA or EC key");
        }
        return new TrustedKeys(new ImmutableJWKSet<>(publicKeys), description);
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
     * The keys published at an http(s) URL: fetched on first use, cached (5 minutes, refreshed ahead of expiry),
     * fetched again when a token names an unknown {@code kid} (rate limited, so bogus tokens cannot flood the
     * issuer), each fetch bounded by {@link #FETCH_TIMEOUT}.
     */
    public static TrustedKeys fromUrl(URI url) {
        return fromUrl(url, FETCH_TIMEOUT);
    }

    static TrustedKeys fromUrl(URI url, Duration fetchTimeout) {
        if (!"https".equals(url.getScheme()) && !"http".equals(url.getScheme())) {
            throw new IllegalArgumentException("the JWKS URL must be http or https, not " + url);
        }
        int timeout = (int) fetchTimeout.toMillis();
        try {
            JWKSource<SecurityContext> source = JWKSourceBuilder.<SecurityContext>create(url.toURL(),
                            new DefaultResourceRetriever(timeout, timeout, MAX_JWKS_BYTES))
                    .retrying(true)
                    .build();
            return new TrustedKeys(source, "the JWKS at " + url);
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("the JWKS URL " + url + " is not valid: " + e.getMessage(), e);
        }
    }

    JWKSource<SecurityContext> source() {
        return source;
    }

    @Override
    public String toString() {
        return description;
    }
}
