package dev.audiorouting.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustedKeysTest {

    private static AccessTokenVerifier verifierOf(TrustedKeys keys) {
        return new AccessTokenVerifier(new TokenPolicy(TestTokens.ISSUER, Set.of(TestTokens.AUDIENCE), keys, Duration.ofSeconds(60)));
    }

    /** An OpenID Connect issuer's JWKS endpoint, on loopback, whose keys a test can rotate. */
    @Nested
    class AtAUrl {
        private final AtomicReference<JWKSet> published = new AtomicReference<>(new JWKSet(TestTokens.RSA.toPublicJWK()));
        private final AtomicInteger fetches = new AtomicInteger();
        private HttpServer issuer;

        private URI serve() throws Exception {
            issuer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            issuer.createContext("/keys", exchange -> {
                fetches.incrementAndGet();
                byte[] body = published.get().toString().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            issuer.start();
            return URI.create("http://127.0.0.1:" + issuer.getAddress().getPort() + "/keys");
        }

        @AfterEach
        void stop() {
            if (issuer != null) {
                issuer.stop(0);
            }
        }

        @Test
        void areFetchedOnceAndCached() throws Exception {
            AccessTokenVerifier verifier = verifierOf(TrustedKeys.fromUrl(serve()));

            verifier.verify(TestTokens.app().sign());
            verifier.verify(TestTokens.app().sign());

            assertThat(fetches).hasValue(1);
        }

        @Test
        void areFetchedAgainWhenATokenNamesAnUnknownKeyId() throws Exception {
            AccessTokenVerifier verifier = verifierOf(TrustedKeys.fromUrl(serve()));
            verifier.verify(TestTokens.app().sign());

            RSAKey rotated = TestTokens.rsa("rotated");
            published.set(new JWKSet(List.of(TestTokens.RSA.toPublicJWK(), rotated.toPublicJWK())));

            assertThat(verifier.verify(TestTokens.app().signedWith(rotated).sign()).tenantId()).isEqualTo(TestTokens.TENANT);
            assertThat(fetches).hasValue(2);
        }

        @Test
        void stillRefuseAnUnknownKeyIdAfterTheRefresh() throws Exception {
            AccessTokenVerifier verifier = verifierOf(TrustedKeys.fromUrl(serve()));

            for (int i = 0; i < 3; i++) {
                String token = TestTokens.app().signedWith(TestTokens.rsa("unknown-" + i)).sign();
                assertThatThrownBy(() -> verifier.verify(token))
                        .isInstanceOf(InvalidTokenException.class)
                        .hasMessageContaining("No trusted key matches");
            }
            assertThat(fetches).as("refreshes are rate limited").hasValueLessThanOrEqualTo(2);
        }

        @Test
        void thatCannotBeFetchedMakeTheServerUnavailableRatherThanTheTokenInvalid() throws Exception {
            URI url = serve();
            issuer.stop(0);
            issuer = null;
            AccessTokenVerifier verifier = verifierOf(TrustedKeys.fromUrl(url));

            for (int i = 0; i < 4; i++) {
                assertThatThrownBy(() -> verifier.verify(TestTokens.app().sign()))
                        .as("also once refetches are rate limited")
                        .isInstanceOf(TokenKeysUnavailableException.class);
            }
        }

        @Test
        void stillRefuseUnknownKeyIdsWhileTheIssuerIsDownIfTheirKeysAreCached() throws Exception {
            URI url = serve();
            AccessTokenVerifier verifier = verifierOf(TrustedKeys.fromUrl(url));
            verifier.verify(TestTokens.app().sign());
            issuer.stop(0);
            issuer = null;

            for (int i = 0; i < 3; i++) {
                String forged = TestTokens.app().signedWith(TestTokens.rsa("forged-" + i)).sign();
                assertThatThrownBy(() -> verifier.verify(forged)).isInstanceOf(InvalidTokenException.class);
            }
            assertThat(verifier.verify(TestTokens.app().sign()).tenantId()).isEqualTo(TestTokens.TENANT);
        }

        @Test
        void thatDribbleInAreGivenUpOnAtTheDeadline() throws Exception {
            issuer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            issuer.createContext("/keys", exchange -> {
                byte[] body = published.get().toString().getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                try {
                    for (byte b : body) {
                        exchange.getResponseBody().write(b);
                        exchange.getResponseBody().flush();
                        Thread.sleep(50);
                    }
                } catch (Exception e) {
                    // the client gave up
                }
                exchange.close();
            });
            issuer.start();
            URI url = URI.create("http://127.0.0.1:" + issuer.getAddress().getPort() + "/keys");

            assertThatThrownBy(() -> verifierOf(TrustedKeys.fromUrl(url, Duration.ofMillis(300))).verify(TestTokens.app().sign()))
                    .isInstanceOf(TokenKeysUnavailableException.class)
                    .hasMessageContaining("did not answer within 300 ms");
        }

        @Test
        void thatAreSlowToComeAreGivenUpOn() throws Exception {
            issuer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            issuer.createContext("/keys", exchange -> {
                // Never answers: the fetch must time out, not hang the request.
            });
            issuer.start();
            URI url = URI.create("http://127.0.0.1:" + issuer.getAddress().getPort() + "/keys");

            assertThatThrownBy(() -> verifierOf(TrustedKeys.fromUrl(url, Duration.ofMillis(200))).verify(TestTokens.app().sign()))
                    .isInstanceOf(TokenKeysUnavailableException.class);
        }

        @Test
        void mustBeHttpsExceptOnLoopback() {
            assertThatThrownBy(() -> TrustedKeys.fromUrl(URI.create("file:///etc/keys.json")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("must be https");
            assertThatThrownBy(() -> TrustedKeys.fromUrl(URI.create("http://login.example.com/keys")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("must be https");
        }
    }

    @Nested
    class InAFile {

        @Test
        void keepOnlyPublicAsymmetricKeys(@TempDir Path dir) throws Exception {
            OctetSequenceKey secret = new OctetSequenceKey.Builder(new byte[32]).keyID("hmac").build();
            Path file = Files.writeString(dir.resolve("jwks.json"),
                    new JWKSet(List.of(TestTokens.RSA, TestTokens.EC, secret)).toString(false), StandardCharsets.UTF_8);

            AccessTokenVerifier verifier = verifierOf(TrustedKeys.fromFile(file));

            assertThat(verifier.verify(TestTokens.app().sign())).isNotNull();
            assertThat(verifier.verify(TestTokens.app().signedWith(TestTokens.EC).sign())).isNotNull();
        }

        @Test
        void withoutAnyPublicKeyAreRefusedAtStartUp(@TempDir Path dir) throws Exception {
            OctetSequenceKey secret = new OctetSequenceKey.Builder(new byte[32]).keyID("hmac").build();
            Path file = Files.writeString(dir.resolve("jwks.json"), new JWKSet(secret).toString(false), StandardCharsets.UTF_8);

            assertThatThrownBy(() -> TrustedKeys.fromFile(file)).hasMessageContaining("holds no public RSA or EC key");
        }

        @Test
        void thatIsMissingOrNotJwksIsRefusedAtStartUp(@TempDir Path dir) throws Exception {
            assertThatThrownBy(() -> TrustedKeys.fromFile(dir.resolve("absent.json"))).hasMessageContaining("cannot read");
            Path notJwks = Files.writeString(dir.resolve("keys.json"), "{\"keys\": 42}", StandardCharsets.UTF_8);
            assertThatThrownBy(() -> TrustedKeys.fromFile(notJwks)).hasMessageContaining("is not a JWK set");
        }
    }
}
