package dev.audiorouting.server.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Keys and tokens for tests: two trusted keys (RSA and EC), and a builder of tokens that starts from a valid
 * application token and lets a test break exactly one thing.
 */
public final class TestTokens {
    /** A multi-tenant issuer, as Microsoft Entra ID's v2 endpoint names itself. */
    public static final String ISSUER = "https://login.example.test/{tenantid}/v2.0";
    public static final String AUDIENCE = "https://graph.microsoft.com";
    public static final String TENANT = "tenant-a";
    public static final String ROLE = "Calls.JoinGroupCall.All";

    public static final RSAKey RSA = rsa("trusted-rsa");
    public static final ECKey EC = ec("trusted-ec");

    private TestTokens() {
    }

    public static JWKSet trustedKeys() {
        return new JWKSet(List.of(RSA.toPublicJWK(), EC.toPublicJWK()));
    }

    public static TokenPolicy policy() {
        return new TokenPolicy(ISSUER, Set.of(AUDIENCE), TrustedKeys.of(trustedKeys(), "the test keys"),
                TokenPolicy.DEFAULT_CLOCK_SKEW);
    }

    /** A valid application token of {@link #TENANT} with {@link #ROLE}, signed RS256. */
    public static Builder app() {
        return new Builder();
    }

    /** {@code Bearer <a valid token>} of the tenant. */
    public static String bearer(String tenant) {
        return "Bearer " + app().tenant(tenant).sign();
    }

    public static RSAKey rsa(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ECKey ec(String kid) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A token under construction; every setter changes one thing of an otherwise valid token. */
    public static final class Builder {
        private final JWTClaimsSet.Builder claims;
        private JWK key = RSA;
        private UnaryOperator<JWSHeader.Builder> header = UnaryOperator.identity();

        private Builder() {
            Instant now = Instant.now();
            claims = new JWTClaimsSet.Builder()
                    .issuer(ISSUER.replace("{tenantid}", TENANT))
                    .audience(AUDIENCE)
                    .subject("test-app")
                    .claim("appid", "test-app")
                    .claim("tid", TENANT)
                    .claim("roles", List.of(ROLE))
                    .issueTime(Date.from(now))
                    .notBeforeTime(Date.from(now))
                    .expirationTime(Date.from(now.plus(Duration.ofHours(1))));
        }

        /** Another tenant, with the issuer that tenant's tokens name. */
        public Builder tenant(String tenant) {
            return claim("tid", tenant).claim("iss", ISSUER.replace("{tenantid}", tenant));
        }

        public Builder roles(String... roles) {
            return claim("roles", List.of(roles));
        }

        /** A delegated token: user scopes, no app roles. */
        public Builder delegated(String scopes) {
            return claim("roles", null).claim("scp", scopes);
        }

        public Builder expiresAt(Instant instant) {
            return claim("exp", Date.from(instant));
        }

        public Builder notBefore(Instant instant) {
            return claim("nbf", Date.from(instant));
        }

        /** Sets (or, with {@code null}, removes) a claim. */
        public Builder claim(String name, Object value) {
            claims.claim(name, value);
            return this;
        }

        /** Signs with this key (RS256 for RSA, ES256 for EC), naming its kid. */
        public Builder signedWith(JWK key) {
            this.key = key;
            return this;
        }

        public Builder header(UnaryOperator<JWSHeader.Builder> change) {
            this.header = change;
            return this;
        }

        public SignedJWT jwt() {
            JWSAlgorithm algorithm = key instanceof ECKey ? JWSAlgorithm.ES256 : JWSAlgorithm.RS256;
            JWSHeader.Builder jws = new JWSHeader.Builder(algorithm).type(JOSEObjectType.JWT).keyID(key.getKeyID());
            SignedJWT jwt = new SignedJWT(header.apply(jws).build(), claims.build());
            try {
                JWSSigner signer = key instanceof ECKey ec ? new ECDSASigner(ec) : new RSASSASigner((RSAKey) key);
                jwt.sign(signer);
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
            return jwt;
        }

        public String sign() {
            return jwt().serialize();
        }

        public JWTClaimsSet claims() {
            return claims.build();
        }
    }
}
