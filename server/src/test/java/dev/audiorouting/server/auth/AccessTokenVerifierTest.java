package dev.audiorouting.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every way a token can be wrong is refused with a message that says which; valid tokens say who calls. */
class AccessTokenVerifierTest {
    private final AccessTokenVerifier verifier = new AccessTokenVerifier(TestTokens.policy());

    private void assertRefused(String token, String message) {
        assertThatThrownBy(() -> verifier.verify(token))
                .isInstanceOfSatisfying(InvalidTokenException.class, e -> {
                    assertThat(e.getMessage()).contains(message);
                    assertThat(e.tokenAbsent()).isFalse();
                });
    }

    @Nested
    class Accepts {

        @Test
        void anRs256ApplicationTokenAndSaysWhoCalls() {
            Caller caller = verifier.verify(TestTokens.app().sign());

            assertThat(caller).isEqualTo(new Caller(TestTokens.TENANT, "test-app", Set.of(TestTokens.ROLE), false));
        }

        @Test
        void anEs256Token() {
            assertThat(verifier.verify(TestTokens.app().signedWith(TestTokens.EC).sign()).tenantId()).isEqualTo(TestTokens.TENANT);
        }

        @Test
        void eachTenantWithItsOwnIssuer() {
            assertThat(verifier.verify(TestTokens.app().tenant("tenant-b").sign()).tenantId()).isEqualTo("tenant-b");
        }

        @Test
        void aTokenThatExpiredWithinTheClockSkew() {
            assertThat(verifier.verify(TestTokens.app().expiresAt(Instant.now().minusSeconds(20)).sign())).isNotNull();
        }

        @ParameterizedTest
        @ValueSource(strings = {"at+jwt", "application/at+jwt"})
        void rfc9068AccessTokenTypes(String type) {
            assertThat(verifier.verify(TestTokens.app().header(h -> h.type(new JOSEObjectType(type))).sign())).isNotNull();
        }

        @Test
        void theApplicationIdOfEntraV2Tokens() {
            String token = TestTokens.app().claim("appid", null).claim("azp", "v2-app").sign();

            assertThat(verifier.verify(token).appId()).isEqualTo("v2-app");
        }

        @Test
        void aDelegatedTokenAsValidLeavingThePermissionCheckToSayNo() {
            assertThat(verifier.verify(TestTokens.app().delegated("Calls.Read").sign()).delegated()).isTrue();
            assertThat(verifier.verify(TestTokens.app().claim("idtyp", "user").sign()).delegated()).isTrue();
            assertThat(verifier.verify(TestTokens.app().claim("idtyp", "app").sign()).delegated()).isFalse();
        }
    }

    /** Verified tokens are remembered, but never past their own validity window. */
    @Nested
    class Remembers {
        private final java.util.concurrent.atomic.AtomicReference<Instant> now = new java.util.concurrent.atomic.AtomicReference<>(Instant.now());
        private final java.time.Clock clock = new java.time.Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return java.time.ZoneOffset.UTC;
            }

            @Override
            public java.time.Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        private final AccessTokenVerifier remembering = new AccessTokenVerifier(TestTokens.policy(), clock);

        @Test
        void aVerifiedTokenUntilItExpiresAndNotASecondLonger() {
            String token = TestTokens.app().expiresAt(now.get().plusSeconds(10)).sign();
            assertThat(remembering.verify(token).tenantId()).isEqualTo(TestTokens.TENANT);

            now.set(now.get().plusSeconds(10 + 59));
            assertThat(remembering.verify(token).tenantId()).as("within the clock skew").isEqualTo(TestTokens.TENANT);

            now.set(now.get().plusSeconds(2));
            assertThatThrownBy(() -> remembering.verify(token)).isInstanceOf(InvalidTokenException.class).hasMessageContaining("has expired");
        }

        @Test
        void nothingForATokenThatDiffersByOneCharacter() {
            String token = TestTokens.app().sign();
            remembering.verify(token);
            String tampered = token.substring(0, token.length() - 2) + (token.charAt(token.length() - 2) == 'A' ? 'B' : 'A') + token.charAt(token.length() - 1);

            assertThatThrownBy(() -> remembering.verify(tampered)).isInstanceOf(InvalidTokenException.class);
        }
    }

    @Nested
    class Refuses {

        @ParameterizedTest
        @ValueSource(strings = {"garbage", "a.b.c", "eyJhbGciOiJSUzI1NiJ9", ""})
        void aTokenThatIsNotAJwt(String token) {
            assertRefused(token, "not a well-formed JWT");
        }

        @Test
        void anUnsignedToken() {
            String none = new PlainJWT(TestTokens.app().claims()).serialize();

            assertRefused(none, "not signed");
        }

        @Test
        void hs256SignedWithTheTrustedPublicKey() throws Exception {
            // The classic algorithm confusion: a verifier that lets the token pick HMAC would check it with the
            // public key (which anyone has) as the secret.
            byte[] publicKey = TestTokens.RSA.toRSAPublicKey().getEncoded();
            SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("trusted-rsa").build(),
                    TestTokens.app().claims());
            forged.sign(new MACSigner(publicKey));

            assertRefused(forged.serialize(), "signing algorithm (alg) is not accepted");
        }

        @Test
        void anotherAsymmetricAlgorithm() {
            assertRefused(TestTokens.app().header(h -> new JWSHeader.Builder(JWSAlgorithm.PS256).keyID("trusted-rsa")).sign(),
                    "signing algorithm (alg) is not accepted");
        }

        @Test
        void aTokenSignedByAnImpostorUnderATrustedKeyId() {
            RSAKey impostor = TestTokens.rsa("trusted-rsa");

            assertRefused(TestTokens.app().signedWith(impostor).sign(), "signature is not valid");
        }

        @Test
        void aTokenThatBringsItsOwnKey() {
            RSAKey attacker = TestTokens.rsa("attacker");
            String token = TestTokens.app().signedWith(attacker)
                    .header(h -> h.jwk(attacker.toPublicJWK()).jwkURL(URI.create("https://attacker.example/keys")))
                    .sign();

            assertRefused(token, "No trusted key matches");
        }

        @Test
        void anUnknownKeyId() {
            assertRefused(TestTokens.app().signedWith(TestTokens.rsa("unknown")).sign(), "No trusted key matches");
        }

        @Test
        void anExpiredToken() {
            assertRefused(TestTokens.app().expiresAt(Instant.now().minus(Duration.ofMinutes(5))).sign(), "has expired");
        }

        @Test
        void aTokenWithoutExpiry() {
            assertRefused(TestTokens.app().claim("exp", null).sign(), "no expiry");
        }

        @Test
        void aTokenNotValidYet() {
            assertRefused(TestTokens.app().notBefore(Instant.now().plus(Duration.ofMinutes(5))).sign(), "not valid yet");
        }

        @Test
        void anotherIssuer() {
            assertRefused(TestTokens.app().claim("iss", "https://evil.example/").sign(), "issuer (iss) is not trusted");
        }

        @Test
        void anIssuerOfAnotherTenant() {
            String token = TestTokens.app().claim("iss", TestTokens.ISSUER.replace("{tenantid}", "tenant-b")).sign();

            assertRefused(token, "issuer (iss) is not trusted");
        }

        @Test
        void anotherAudience() {
            assertRefused(TestTokens.app().claim("aud", "https://management.azure.com").sign(), "another audience");
        }

        @Test
        void aTokenWithoutTenant() {
            assertRefused(TestTokens.app().claim("tid", null).sign(), "names no tenant");
        }

        @Test
        void anotherTokenType() {
            assertRefused(TestTokens.app().header(h -> h.type(new JOSEObjectType("id_token+jwt"))).sign(), "type (typ)");
        }

        @Test
        void rolesThatAreNotStrings() {
            assertRefused(TestTokens.app().claim("roles", 42).sign(), "wrong type");
            assertRefused(TestTokens.app().claim("roles", java.util.Arrays.asList(TestTokens.ROLE, null)).sign(), "wrong type");
        }

        @Test
        void audiencesWithNulls() {
            assertRefused(TestTokens.app().claim("aud", java.util.Arrays.asList("other", null)).sign(), "another audience");
            assertRefused(TestTokens.app().claim("aud", java.util.Collections.singletonList(null)).sign(), "another audience");
        }

        @Test
        void aTenantWithControlCharacters() {
            assertRefused(TestTokens.app().tenant("tenant\u0000a").sign(), "names no tenant");
        }
    }
}
