package dev.audiorouting.server.contract;

import static dev.audiorouting.server.contract.CreateAudioRoutingGroupContractTest.content;
import static dev.audiorouting.server.contract.CreateAudioRoutingGroupContractTest.groups;
import static dev.audiorouting.server.contract.CreateAudioRoutingGroupContractTest.multicast;
import static dev.audiorouting.server.contract.CreateAudioRoutingGroupContractTest.oneToOne;
import static dev.audiorouting.server.contract.ErrorResponsesContractTest.graphError;
import static dev.audiorouting.server.contract.ServerUnderTest.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.audiorouting.client.GraphError;
import dev.audiorouting.client.api.AudioRoutingGroupsApi;
import dev.audiorouting.client.model.AudioRoutingGroup;
import dev.audiorouting.server.auth.TestTokens;
import dev.audiorouting.server.domain.Call;
import dev.audiorouting.server.domain.GroupPage;
import dev.audiorouting.server.domain.StoredGroup;
import dev.audiorouting.server.store.ForwardingAudioRoutingGroupStore;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Only application tokens with an audio routing group role get through, each tenant sees only its own groups,
 * and every refusal is a spec-conforming 401 or 403 that tells nothing about the data. The server here counts
 * what reaches its store, so a refused request that got through anyway would show.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthenticationContractTest {
    private final AtomicInteger storeCalls = new AtomicInteger();
    private ServerUnderTest server;

    @BeforeAll
    void start() {
        server = ServerUnderTest.start(new ForwardingAudioRoutingGroupStore() {
            @Override
            public Optional<StoredGroup> putIfAbsent(Call call, StoredGroup group) {
                storeCalls.incrementAndGet();
                return super.putIfAbsent(call, group);
            }

            @Override
            public Optional<StoredGroup> find(Call call, String groupId) {
                storeCalls.incrementAndGet();
                return super.find(call, groupId);
            }

            @Override
            public GroupPage list(Call call, long after, int limit) {
                storeCalls.incrementAndGet();
                return super.list(call, after, limit);
            }
        });
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
    }

    private HttpResponse<String> postWith(String authorization, String path) {
        HttpRequest.Builder request = server.withoutToken(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Spec.get().example("oneToOne")));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return server.send(request);
    }

    private static String path() {
        return groups("communications", ServerUnderTest.newCallId());
    }

    static Stream<Arguments> unusableTokens() throws Exception {
        SignedJWT hmacWithThePublicKey = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("trusted-rsa").build(),
                TestTokens.app().claims());
        hmacWithThePublicKey.sign(new MACSigner(TestTokens.RSA.toRSAPublicKey().getEncoded()));
        Instant now = Instant.now();
        return Stream.of(
                Arguments.of("no header", null, "Access token is empty."),
                Arguments.of("empty header", "", "Access token is empty."),
                Arguments.of("another scheme", "Basic dXNlcjpwYXNzd29yZA==", "must be 'Bearer <access token>'"),
                Arguments.of("no token", "Bearer", "must be 'Bearer <access token>'"),
                Arguments.of("garbage", "Bearer garbage", "not a well-formed JWT"),
                Arguments.of("alg none", "Bearer " + new PlainJWT(TestTokens.app().claims()).serialize(), "not signed"),
                Arguments.of("HS256 with the public key", "Bearer " + hmacWithThePublicKey.serialize(), "algorithm (alg) is not accepted"),
                Arguments.of("expired", "Bearer " + TestTokens.app().expiresAt(now.minus(Duration.ofMinutes(10))).sign(), "has expired"),
                Arguments.of("not yet valid", "Bearer " + TestTokens.app().notBefore(now.plus(Duration.ofMinutes(10))).sign(), "not valid yet"),
                Arguments.of("wrong issuer", "Bearer " + TestTokens.app().claim("iss", "https://evil.example").sign(), "issuer (iss)"),
                Arguments.of("wrong audience", "Bearer " + TestTokens.app().claim("aud", "api://other").sign(), "another audience"),
                Arguments.of("unknown kid", "Bearer " + TestTokens.app().signedWith(TestTokens.rsa("unknown")).sign(), "No trusted key"),
                Arguments.of("wrong signature", "Bearer " + TestTokens.app().signedWith(TestTokens.rsa("trusted-rsa")).sign(), "signature is not valid"));
    }

    @Nested
    class Refused401 {

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.audiorouting.server.contract.AuthenticationContractTest#unusableTokens")
        void withAChallengeAndAMessageSayingWhy(String what, String authorization, String message) throws Exception {
            int before = storeCalls.get();

            HttpResponse<String> response = postWith(authorization, path());

            JsonNode error = graphError(response, 401, "InvalidAuthenticationToken");
            assertThat(error.get("message").asText()).contains(message);
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(challenge ->
                    assertThat(challenge).startsWith("Bearer realm=\"audio-routing-groups\""));
            assertThat(storeCalls).as("nothing reached the store").hasValue(before);
        }

        @Test
        void aMissingTokenGetsTheChallengeWithoutAnErrorCode() {
            HttpResponse<String> response = postWith(null, path());

            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"audio-routing-groups\"");
        }

        @Test
        void anInvalidTokenGetsRfc6750sInvalidToken() {
            HttpResponse<String> response = postWith("Bearer garbage", path());

            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(challenge ->
                    assertThat(challenge).contains("error=\"invalid_token\"", "error_description=\"The access token is not a well-formed JWT.\""));
        }
    }

    @Nested
    class Refused403 {

        @Test
        void aDelegatedToken() throws Exception {
            int before = storeCalls.get();

            JsonNode error = graphError(postWith("Bearer " + TestTokens.app().delegated("Calls.JoinGroupCall.All").sign(), path()),
                    403, "accessDenied");

            assertThat(error.get("message").asText()).startsWith("Delegated (user) tokens are not supported");
            assertThat(storeCalls).hasValue(before);
        }

        @Test
        void anApplicationTokenWithoutTheRole() throws Exception {
            int before = storeCalls.get();

            JsonNode error = graphError(postWith("Bearer " + TestTokens.app().roles("Calls.AccessMedia.All").sign(), path()),
                    403, "accessDenied");

            assertThat(error.get("message").asText()).contains("lacks the permission");
            assertThat(storeCalls).hasValue(before);
        }

        @Test
        void areVisibleToClientConsumersWithoutParsingJson() {
            AudioRoutingGroupsApi api = server.api(() -> TestTokens.app().roles("Calls.AccessMedia.All").sign());

            GraphError error = failureOf(() -> api.createAudioRoutingGroup(ServerUnderTest.newCallId(), oneToOne("g")));

            assertThat(error.status()).isEqualTo(403);
            assertThat(error.code()).isEqualTo("accessDenied");
            assertThat(error.message()).contains("Calls.JoinGroupCall.All");
        }
    }

    @Nested
    class NothingIsRevealed {

        @Test
        void anExistingGroupAnAbsentCallAndAnUnknownPathAnswerAlike() throws Exception {
            String callId = ServerUnderTest.newCallId();
            server.api().createAudioRoutingGroup(callId, oneToOne("existing"));

            List<String> answers = Stream.of(groups("communications", callId), groups("app", callId), path(), "/no/such/path", "")
                    .map(path -> postWith("Bearer garbage", path))
                    .map(response -> response.statusCode() + " " + errorMessage(response))
                    .toList();

            assertThat(answers).containsOnly("401 The access token is not a well-formed JWT.");
        }

        @Test
        void anUnsupportedMethodIsNotRevealedEither() {
            HttpResponse<String> response = server.send(server.withoutToken(path()).DELETE());

            assertThat(response.statusCode()).isEqualTo(401);
        }

        private String errorMessage(HttpResponse<String> response) {
            try {
                return graphError(response, response.statusCode(), "InvalidAuthenticationToken").get("message").asText();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
    }

    @Nested
    class Tenants {
        private final AudioRoutingGroupsApi tenantA = server.api(() -> TestTokens.app().tenant("tenant-a").sign());
        private final AudioRoutingGroupsApi tenantB = server.api(() -> TestTokens.app().tenant("tenant-b").sign());

        @Test
        void sameCallAndGroupIdsAreTwoGroupsThatNeverCollide() throws Exception {
            String callId = ServerUnderTest.newCallId();
            AudioRoutingGroup ofA = multicast("shared-id", "receiver-of-a");
            AudioRoutingGroup ofB = multicast("shared-id", "receiver-of-b");

            assertThat(content(tenantA.createAudioRoutingGroup(callId, ofA))).isEqualTo(ofA);
            assertThat(content(tenantB.createAudioRoutingGroup(callId, ofB))).as("no 409 from A's group").isEqualTo(ofB);

            assertThat(content(tenantA.getAudioRoutingGroup(callId, "shared-id"))).as("A's group is intact").isEqualTo(ofA);
            assertThat(content(tenantB.getAudioRoutingGroup(callId, "shared-id"))).isEqualTo(ofB);
            assertThat(tenantA.listAudioRoutingGroups(callId, null, null).getValue()).extracting(AudioRoutingGroup::getReceivers)
                    .containsExactly(ofA.getReceivers());
            assertThat(failureOf(() -> tenantA.createAudioRoutingGroup(callId, ofB)).status()).isEqualTo(409);
            assertThat(failureOf(() -> tenantB.createAudioRoutingGroup(callId, ofA)).status()).isEqualTo(409);
            assertThat(failureOf(() -> tenantB.deleteAudioRoutingGroup(callId, "nothing-of-b", null)).status()).isEqualTo(404);
            tenantB.deleteAudioRoutingGroup(callId, "shared-id", null);
            assertThat(content(tenantA.getAudioRoutingGroup(callId, "shared-id"))).as("B's delete left A's group").isEqualTo(ofA);
        }
    }

    @Nested
    class TheGeneratedClient {

        @Test
        void asksItsTokenSupplierForEveryRequest() throws Exception {
            AtomicInteger asked = new AtomicInteger();
            AudioRoutingGroupsApi api = server.api(() -> {
                asked.incrementAndGet();
                return TestTokens.app().sign();
            });

            for (int i = 0; i < 3; i++) {
                api.createAudioRoutingGroup(ServerUnderTest.newCallId(), oneToOne("g"));
            }

            assertThat(asked).hasValue(3);
        }

        @Test
        void seesTheCodeAndMessageOfA401() {
            AudioRoutingGroupsApi api = server.api(() -> TestTokens.app().expiresAt(Instant.now().minus(Duration.ofHours(1))).sign());

            GraphError error = failureOf(() -> api.createAudioRoutingGroup(ServerUnderTest.newCallId(), oneToOne("g")));

            assertThat(error.status()).isEqualTo(401);
            assertThat(error.code()).isEqualTo("InvalidAuthenticationToken");
            assertThat(error.message()).isEqualTo("The access token has expired.");
        }
    }
}
