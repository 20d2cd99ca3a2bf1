package dev.audiorouting.server.auth;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Which access tokens the server accepts: signed by one of {@code keys}, issued by {@code issuer} for one of
 * {@code audiences}, and current within {@code clockSkew}.
 *
 * @param issuer    the expected {@code iss}; {@value #TENANT_PLACEHOLDER} stands for the token's own tenant, as
 *                  multi-tenant Microsoft Entra ID issuers need ({@code https://login.microsoftonline.com/{tenantid}/v2.0})
 * @param audiences the accepted {@code aud} values; a token must name at least one
 * @param keys      the keys signatures are checked against
 * @param clockSkew how far {@code exp} and {@code nbf} may be off, for clocks that drift
 */
public record TokenPolicy(String issuer, Set<String> audiences, TrustedKeys keys, Duration clockSkew) {
    public static final String TENANT_PLACEHOLDER = "{tenantid}";
    /** The issuer of the tokens that {@code token} mints in local mode. */
    public static final String LOCAL_ISSUER = "urn:audio-routing-server:local";
    /** Graph's own audience, so tokens minted for Microsoft Graph's resource id fit. */
    public static final String DEFAULT_AUDIENCE = "https://graph.microsoft.com";
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(60);

    public TokenPolicy {
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalArgumentException("the token issuer cannot be empty");
        }
        audiences = Set.copyOf(audiences);
        if (audiences.isEmpty() || audiences.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("at least one non-empty token audience is needed");
        }
        Objects.requireNonNull(keys, "keys");
        if (clockSkew.isNegative()) {
            throw new IllegalArgumentException("clock skew cannot be negative");
        }
    }

    /** Tokens of the local key: the issuer and audience {@code token} puts in them by default. */
    public static TokenPolicy local(TrustedKeys keys) {
        return new TokenPolicy(LOCAL_ISSUER, Set.of(DEFAULT_AUDIENCE), keys, DEFAULT_CLOCK_SKEW);
    }

    /** The issuer a token of this tenant must name. */
    String issuerFor(String tenantId) {
        return issuer.replace(TENANT_PLACEHOLDER, tenantId);
    }
}
