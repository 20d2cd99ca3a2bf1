package dev.audiorouting.server.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Mints access tokens shaped like Microsoft Entra ID's app-only tokens, signed with the local key: what
 * {@code token} prints, so the zero-configuration server can be tried with real tokens.
 */
public final class TokenMinter {
    private final RSAKey signingKey;

    public TokenMinter(RSAKey signingKey) {
        this.signingKey = signingKey;
    }

    /**
     * What to put in a token.
     *
     * @param scope    {@code null} for an application token; else the {@code scp} of a delegated (user) token
     * @param lifetime how long from now it is valid
     */
    public record Claims(String issuer, String audience, String tenantId, String appId, List<String> roles,
                         String scope, Duration lifetime) {
    }

    public String mint(Claims claims) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder body = new JWTClaimsSet.Builder()
                .issuer(claims.issuer())
                .audience(claims.audience())
                .subject(claims.appId())
                .claim("appid", claims.appId())
                .claim("tid", claims.tenantId())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(claims.lifetime())))
                .jwtID(UUID.randomUUID().toString());
        if (claims.scope() == null) {
            body.claim("roles", claims.roles());
        } else {
            body.claim("scp", claims.scope());
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(JOSEObjectType.JWT).keyID(signingKey.getKeyID()).build(), body.build());
        try {
            jwt.sign(new RSASSASigner(signingKey));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign with the local key", e);
        }
        return jwt.serialize();
    }
}
