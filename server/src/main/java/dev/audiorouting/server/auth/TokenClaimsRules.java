package dev.audiorouting.server.auth;

import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.ExpiredJWTException;
import com.nimbusds.jwt.proc.JWTClaimsSetVerifier;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * The claims a signed token must carry: an expiry, a tenant, our issuer and audience, and a time window that
 * includes now. Checked after the signature, so nothing a forger wrote is ever trusted. Each failure has its own
 * message, which becomes the 401's.
 */
final class TokenClaimsRules implements JWTClaimsSetVerifier<SecurityContext> {
    static final String TENANT_CLAIM = "tid";
    /** Tenant ids key stored data; Entra's are GUIDs, and anything far longer is not a tenant id. */
    private static final int MAX_TENANT_ID_LENGTH = 128;

    private final TokenPolicy policy;
    private final Clock clock;

    TokenClaimsRules(TokenPolicy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public void verify(JWTClaimsSet claims, SecurityContext context) throws BadJWTException {
        requireCurrent(claims);
        String tenantId = tenantOf(claims);
        if (!policy.issuerFor(tenantId).equals(claims.getIssuer())) {
            throw new BadJWTException("The access token's issuer (iss) is not trusted here.");
        }
        List<String> audiences = claims.getAudience();
        if (audiences.stream().noneMatch(audience -> audience != null && policy.audiences().contains(audience))) {
            throw new BadJWTException("The access token is meant for another audience (aud).");
        }
    }

    private void requireCurrent(JWTClaimsSet claims) throws BadJWTException {
        Instant now = clock.instant();
        Date expiry = claims.getExpirationTime();
        if (expiry == null) {
            throw new BadJWTException("The access token has no expiry (exp).");
        }
        if (now.minus(policy.clockSkew()).isAfter(expiry.toInstant())) {
            throw new ExpiredJWTException("The access token has expired.");
        }
        Date notBefore = claims.getNotBeforeTime();
        if (notBefore != null && now.plus(policy.clockSkew()).isBefore(notBefore.toInstant())) {
            throw new BadJWTException("The access token is not valid yet (nbf).");
        }
    }

    static String tenantOf(JWTClaimsSet claims) throws BadJWTException {
        try {
            String tenantId = claims.getStringClaim(TENANT_CLAIM);
            if (tenantId == null || tenantId.isBlank() || tenantId.length() > MAX_TENANT_ID_LENGTH
                    || tenantId.chars().anyMatch(c -> c < 0x20 || c == 0x7F)) {
                throw new BadJWTException("The access token names no tenant (tid).");
            }
            return tenantId;
        } catch (ParseException e) {
            throw new BadJWTException("The access token's tenant (tid) is not a string.");
        }
    }
}
