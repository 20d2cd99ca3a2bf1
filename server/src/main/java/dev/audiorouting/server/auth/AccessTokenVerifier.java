package dev.audiorouting.server.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.BadJWSException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * Verifies bearer access tokens against a {@link TokenPolicy}: a JWS signed with RS256 or ES256 by a trusted key
 * (never {@code none}, never HMAC, never a key the token brings along in its own header), then its claims.
 * Thread-safe; one instance serves every request.
 */
public final class AccessTokenVerifier {
    /** What Microsoft Entra ID (RS256) and typical OIDC issuers (ES256) sign with; nothing else is accepted. */
    static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);
    /** Entra's access tokens say {@code JWT}; RFC 9068 ones say {@code at+jwt}; some issuers say nothing. */
    static final String WRONG_TYPE = "A claim of the access token (roles, appid, azp, idtyp) has the wrong type.";
    private static final String NO_MATCHING_KEY = "No trusted key matches the access token's key id (kid).";
    private static final JOSEObjectType AT_JWT = new JOSEObjectType("at+jwt");
    /** RFC 7515 lets the "application/" prefix be left out, or not. */
    private static final JOSEObjectType APPLICATION_AT_JWT = new JOSEObjectType("application/at+jwt");
    private static final Set<JOSEObjectType> TYPES = Set.of(JOSEObjectType.JWT, AT_JWT, APPLICATION_AT_JWT);

    private final ConfigurableJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final TrustedKeys keys;
    private final VerifiedTokens verified;
    private final java.time.Duration clockSkew;

    public AccessTokenVerifier(TokenPolicy policy) {
        this(policy, Clock.systemUTC());
    }

    AccessTokenVerifier(TokenPolicy policy, Clock clock) {
        this.keys = policy.keys();
        this.verified = new VerifiedTokens(clock);
        this.clockSkew = policy.clockSkew();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, AT_JWT, APPLICATION_AT_JWT, null));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, policy.keys().source()));
        processor.setJWTClaimsSetVerifier(new TokenClaimsRules(policy, clock));
    }

    /**
     * @param token the token of an {@code Authorization: Bearer} header
     * @return who the token says the caller is
     * @throws InvalidTokenException if the token is not one this server accepts
     * @throws TokenKeysUnavailableException if the trusted keys could not be fetched
     */
    public Caller verify(String token) {
        return verified.get(token).orElseGet(() -> verifyAndRemember(token));
    }

    private Caller verifyAndRemember(String token) {
        SignedJWT jwt = signedJwt(token);
        requireAcceptedHeader(jwt.getHeader());
        try {
            JWTClaimsSet claims = processor.process(jwt, null);
            Caller caller = callerOf(claims);
            java.util.Date notBefore = claims.getNotBeforeTime();
            verified.put(token, caller, notBefore == null ? java.time.Instant.MIN : notBefore.toInstant().minus(clockSkew),
                    claims.getExpirationTime().toInstant().plus(clockSkew));
            return caller;
        } catch (KeySourceException e) {
            // A refetch for an unknown kid failed or was rate limited. With current keys at hand, the kid is
            // simply not ours; without any, we cannot judge the token at all.
            if (keys.holdCurrentKeys()) {
                throw InvalidTokenException.invalid(NO_MATCHING_KEY);
            }
            throw new TokenKeysUnavailableException(e);
        } catch (BadJWTException e) {
            throw InvalidTokenException.invalid(e.getMessage());
        } catch (BadJWSException e) {
            throw InvalidTokenException.invalid("The access token's signature is not valid.");
        } catch (BadJOSEException e) {
            throw InvalidTokenException.invalid(NO_MATCHING_KEY);
        } catch (JOSEException e) {
            throw InvalidTokenException.invalid("The access token's signature could not be verified.");
        }
    }

    private static SignedJWT signedJwt(String token) {
        JWT jwt;
        try {
            jwt = JWTParser.parse(token);
        } catch (ParseException e) {
            throw InvalidTokenException.invalid("The access token is not a well-formed JWT.");
        }
        if (jwt instanceof SignedJWT signed) {
            return signed;
        }
        throw InvalidTokenException.invalid("The access token is not signed; only RS256 or ES256 signed tokens are accepted.");
    }

    /** Checked before any key is looked up, so each refusal says what is wrong. */
    private static void requireAcceptedHeader(JWSHeader header) {
        if (!ALGORITHMS.contains(header.getAlgorithm())) {
            // Not echoing the token's alg: it is the sender's text, and messages end up in a header.
            throw InvalidTokenException.invalid("The access token's signing algorithm (alg) is not accepted; only RS256 or ES256 are.");
        }
        if (header.getType() != null && !TYPES.contains(header.getType())) {
            throw InvalidTokenException.invalid("The access token's type (typ) is not JWT.");
        }
    }

    private static Caller callerOf(JWTClaimsSet claims) throws BadJWTException {
        try {
            List<String> roles = claims.getStringListClaim("roles");
            if (roles != null && roles.contains(null)) {
                throw new ParseException("null role", 0);
            }
            return new Caller(TokenClaimsRules.tenantOf(claims), appIdOf(claims),
                    roles == null ? Set.of() : Set.copyOf(roles), isDelegated(claims));
        } catch (ParseException e) {
            throw new BadJWTException(WRONG_TYPE);
        }
    }

    /** User tokens carry scopes ({@code scp}); Entra also says so in {@code idtyp} when asked to. */
    private static boolean isDelegated(JWTClaimsSet claims) throws ParseException {
        String type = claims.getStringClaim("idtyp");
        return claims.getClaim("scp") != null || (type != null && !type.equals("app"));
    }

    /** Entra v1 tokens say {@code appid}, v2 tokens {@code azp}; other issuers may only have {@code sub}. */
    private static String appIdOf(JWTClaimsSet claims) throws ParseException {
        for (String claim : List.of("appid", "azp")) {
            String value = claims.getStringClaim(claim);
            if (value != null) {
                return value;
            }
        }
        return claims.getSubject() == null ? "unknown" : claims.getSubject();
    }
}
