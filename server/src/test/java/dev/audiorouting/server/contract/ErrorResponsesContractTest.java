package dev.audiorouting.server.contract;

import static dev.audiorouting.server.contract.CreateAudioRoutingGroupContractTest.groups;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.audiorouting.server.domain.Call;
import dev.audiorouting.server.domain.StoredGroup;
import dev.audiorouting.server.store.ForwardingAudioRoutingGroupStore;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every refusal is Graph's JSON error body with the status the spec declares, never text/plain or HTML,
 * and never a 5xx for a client's mistake.
 */
@ExtendWith(RunningServer.class)
class ErrorResponsesContractTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode graphError(HttpResponse<String> response, int status, String code) throws Exception {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode error = JSON.readTree(response.body()).get("error");
        assertThat(error.get("code").asText()).isEqualTo(code);
        assertThat(error.get("message").asText()).isNotBlank();
        JsonNode inner = error.get("innerError");
        assertThat(inner.get("request-id").asText()).isEqualTo(response.headers().firstValue("request-id").orElseThrow());
        assertThat(inner.get("client-request-id").asText()).isEqualTo(response.headers().firstValue("client-request-id").orElseThrow());
        assertThat(inner.get("date").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        return error;
    }

    private static String path(ServerUnderTest server) {
        return groups("communications", ServerUnderTest.newCallId());
    }

    @Nested
    class BadBodies {

        @ParameterizedTest(name = "[{0}]")
        @ValueSource(strings = {"{\"id\":", "{'id':'x'}", "{\"id\":\"a\",\"id\":\"b\"}", "nonsense", "{} {}"})
        void invalidJsonAnswers400(String body, ServerUnderTest server) throws Exception {
            JsonNode error = graphError(server.post(path(server), "application/json", body), 400, "invalidRequest");

            assertThat(error.get("message").asText()).startsWith("body: ");
        }

        @ParameterizedTest(name = "[{0}]")
        @ValueSource(strings = {"", "null", "[]", "\"text\"", "42"})
        void emptyBodyOrNoObjectAnswers400(String body, ServerUnderTest server) throws Exception {
            JsonNode error = graphError(server.post(path(server), "application/json", body), 400, "invalidRequest");

            assertThat(error.get("target").asText()).isEqualTo("body");
        }

        @Test
        void nonUtf8BytesAnswer400(ServerUnderTest server) throws Exception {
            byte[] latin1 = "{\"id\":\"caf\u00e9\",\"routingMode\":\"multicast\",\"sources\":[\"a\"],\"receivers\":[\"b\"]}"
                    .getBytes(StandardCharsets.ISO_8859_1);
            HttpRequest.Builder request = server.request(path(server)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(latin1));

            graphError(server.send(request), 400, "invalidRequest");
        }

        @Test
        void deeplyNestedJsonAnswers400(ServerUnderTest server) throws Exception {
            String deep = "{\"routingMode\":\"multicast\",\"sources\":[\"a\"],\"receivers\":" + "[".repeat(5000) + "]".repeat(5000) + "}";

            graphError(server.post(path(server), "application/json", deep), 400, "invalidRequest");
        }
    }

    @Nested
    class HttpLevel {

        @ParameterizedTest(name = "Content-Type {0}")
        @ValueSource(strings = {"text/plain", "application/xml", "application/x-www-form-urlencoded"})
        void otherMediaTypesAnswer415(String contentType, ServerUnderTest server) throws Exception {
            graphError(server.post(path(server), contentType, Spec.get().example("oneToOne")), 415, "unsupportedMediaType");
        }

        @Test
        void jsonWithACharsetIsAccepted(ServerUnderTest server) {
            assertThat(server.post(path(server), "application/json; charset=utf-8", Spec.get().example("oneToOne")).statusCode()).isEqualTo(200);
        }

        @Test
        void bodyWithoutContentTypeAnswers415(ServerUnderTest server) throws Exception {
            graphError(server.post(path(server), null, Spec.get().example("oneToOne")), 415, "unsupportedMediaType");
        }

        @ParameterizedTest(name = "{0}: {1}")
        @CsvSource(delimiter = '|', textBlock = """
                Content-Type | application
                Content-Type | application/json; charset=
                Accept       | application/json;q=abc
                Accept       | ;;;=
                """)
        void unparsableMediaTypeHeadersAnswer400(String header, String value, ServerUnderTest server) throws Exception {
            HttpRequest.Builder request = server.request(path(server)).setHeader("Content-Type", "application/json")
                    .setHeader(header, value).POST(HttpRequest.BodyPublishers.ofString(Spec.get().example("oneToOne")));

            graphError(server.send(request), 400, "invalidRequest");
        }

        @ParameterizedTest(name = "Accept: {0}")
        @ValueSource(strings = {"application/json; charset=utf-16", "application/json; charset=bogus"})
        void responsesAreUtf8JsonWhateverCharsetIsAccepted(String accept, ServerUnderTest server) {
            HttpRequest.Builder request = server.request(path(server)).header("Content-Type", "application/json")
                    .setHeader("Accept", accept).POST(HttpRequest.BodyPublishers.ofString(Spec.get().example("oneToOne")));

            HttpResponse<String> response = server.send(request);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(response.body()).contains("\"id\":\"oneToOne\"");
        }

        @Test
        void acceptExcludingJsonAnswers406(ServerUnderTest server) throws Exception {
            HttpRequest.Builder request = server.request(path(server)).header("Content-Type", "application/json")
                    .setHeader("Accept", "text/html").POST(HttpRequest.BodyPublishers.ofString(Spec.get().example("oneToOne")));

            graphError(server.send(request), 406, "notAcceptable");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"/communications/calls/c1", "/communications/calls/c1/audioRoutingGroups/g1/x", "/", ""})
        void unknownPathsUnderBetaAnswer404(String path, ServerUnderTest server) throws Exception {
            graphError(server.post(path, "application/json", "{}"), 404, "itemNotFound");
        }

        @Test
        void pathsOutsideBetaAnswer404(ServerUnderTest server) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(server.baseUri().resolve("/v1.0/communications/calls/c1/audioRoutingGroups")).GET();

            graphError(server.send(request), 404, "itemNotFound");
        }

        @Test
        void dotSegmentsCannotReachAnotherPath(ServerUnderTest server) throws Exception {
            HttpRequest.Builder request = server.request("/communications/calls/c1/../audioRoutingGroups")
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(Spec.get().example("oneToOne")));

            graphError(server.send(request), 404, "itemNotFound");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"PUT", "DELETE", "PATCH"})
        void otherMethodsOnTheCollectionAnswer405WithAllow(String method, ServerUnderTest server) throws Exception {
            HttpRequest.Builder request = server.request(path(server)).header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString("{}"));

            HttpResponse<String> response = server.send(request);

            graphError(response, 405, "methodNotAllowed");
            assertThat(response.headers().firstValue("Allow").orElseThrow()).contains("GET", "POST");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"PUT", "POST"})
        void otherMethodsOnAGroupAnswer405WithAllow(String method, ServerUnderTest server) throws Exception {
            HttpRequest.Builder request = server.request(path(server) + "/g").header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString("{}"));

            HttpResponse<String> response = server.send(request);

            graphError(response, 405, "methodNotAllowed");
            assertThat(response.headers().firstValue("Allow").orElseThrow()).contains("GET", "PATCH", "DELETE");
        }

        @Test
        void optionsAnswers204WithAllowAndNoBody(ServerUnderTest server) {
            HttpResponse<String> response = server.send(server.request(path(server)).method("OPTIONS", HttpRequest.BodyPublishers.noBody()));

            assertThat(response.statusCode()).isEqualTo(204);
            assertThat(response.headers().firstValue("Allow").orElseThrow()).contains("POST");
            assertThat(response.body()).isEmpty();
        }

        @Test
        void bodiesOverTheLimitAnswer413(ServerUnderTest server) throws Exception {
            String tooLarge = "{\"id\":\"" + "x".repeat(600 * 1024) + "\"}";

            graphError(server.post(path(server), "application/json", tooLarge), 413, "requestEntityTooLarge");
        }

        @Test
        void chunkedBodiesOverTheLimitAnswer413(ServerUnderTest server) throws Exception {
            byte[] tooLarge = ("{\"id\":\"" + "x".repeat(600 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
            // A publisher of unknown length makes the client send the body chunked, with no Content-Length.
            HttpRequest.BodyPublisher chunked = HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofByteArray(tooLarge));
            HttpRequest.Builder request = server.request(path(server)).header("Content-Type", "application/json").POST(chunked);

            graphError(server.send(request), 413, "requestEntityTooLarge");
        }
    }

    @Nested
    class MalformedHttp {

        private void assertGraphError(RawHttp.Response response, int status) throws Exception {
            assertThat(response.status()).isEqualTo(status);
            assertThat(response.headers()).containsEntry("content-type", "application/json").containsKey("request-id");
            JsonNode error = JSON.readTree(response.body()).get("error");
            assertThat(error.get("code").asText()).isNotBlank();
            assertThat(error.get("innerError").get("request-id").asText()).isEqualTo(response.headers().get("request-id"));
        }

        @Test
        void aGarbageRequestLineAnswers400(ServerUnderTest server) throws Exception {
            assertGraphError(RawHttp.exchange(server.baseUri(), "GARBAGE\r\n\r\n".getBytes(StandardCharsets.US_ASCII)), 400);
        }

        @Test
        void aBrokenChunkedBodyAnswers400(ServerUnderTest server) throws Exception {
            String request = "POST /beta/communications/calls/c/audioRoutingGroups HTTP/1.1\r\nHost: x\r\n"
                    + "Authorization: " + ServerUnderTest.authorization() + "\r\n"
                    + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nZZZ\r\n{}\r\n0\r\n\r\n";

            assertGraphError(RawHttp.exchange(server.baseUri(), request.getBytes(StandardCharsets.US_ASCII)), 400);
        }

        @Test
        void oversizedHeadersAnswer431(ServerUnderTest server) throws Exception {
            String request = "POST /beta/communications/calls/c/audioRoutingGroups HTTP/1.1\r\nHost: x\r\nX-Big: "
                    + "a".repeat(20_000) + "\r\nConnection: close\r\n\r\n";

            assertGraphError(RawHttp.exchange(server.baseUri(), request.getBytes(StandardCharsets.US_ASCII)), 431);
        }

        @Test
        void anOverlongUriAnswers414(ServerUnderTest server) throws Exception {
            String request = "GET /beta/" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";

            assertGraphError(RawHttp.exchange(server.baseUri(), request.getBytes(StandardCharsets.US_ASCII)), 414);
        }
    }

    @Nested
    class Headers {

        @Test
        void everyResponseCarriesANewRequestIdAndEchoesTheClientRequestId(ServerUnderTest server) {
            String clientRequestId = UUID.randomUUID().toString();
            HttpRequest.Builder request = server.request(path(server)).header("client-request-id", clientRequestId)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(Spec.get().example("oneToOne")));

            HttpResponse<String> first = server.send(request);
            HttpResponse<String> second = server.send(request);

            assertThat(first.headers().firstValue("client-request-id")).hasValue(clientRequestId);
            assertThat(UUID.fromString(first.headers().firstValue("request-id").orElseThrow()))
                    .isNotEqualTo(UUID.fromString(second.headers().firstValue("request-id").orElseThrow()));
            assertThat(first.headers().firstValue("Date")).isPresent();
        }

        @Test
        void aClientRequestIdIsGeneratedWhenTheClientSentNone(ServerUnderTest server) throws Exception {
            JsonNode error = graphError(server.post(path(server), "application/json", "{}"), 400, "invalidRequest");

            assertThat(error.at("/innerError/client-request-id").asText()).isNotBlank();
        }

        @Test
        void unsafeClientRequestIdsAreNotEchoed(ServerUnderTest server) {
            HttpRequest.Builder request = server.request(path(server)).header("client-request-id", "x".repeat(500))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(Spec.get().example("oneToOne")));

            assertThat(server.send(request).headers().firstValue("client-request-id").orElseThrow()).hasSizeLessThan(500);
        }

        @Test
        void serverSoftwareIsNotAdvertised(ServerUnderTest server) {
            HttpResponse<String> response = server.post(path(server), "application/json", Spec.get().example("oneToOne"));

            assertThat(response.headers().firstValue("Server")).isEmpty();
            assertThat(response.headers().firstValue("X-Powered-By")).isEmpty();
        }
    }

    @Nested
    class UnexpectedFailures {

        @Test
        void answer500WithoutInternalsAndKeepServing() throws Exception {
            try (ServerUnderTest failing = ServerUnderTest.start(new BrokenStore())) {
                JsonNode error = graphError(failing.post(path(failing), "application/json", Spec.get().example("oneToOne")), 500, "generalException");

                String requestId = error.get("innerError").get("request-id").asText();
                assertThat(error.get("message").asText()).contains(requestId).doesNotContain("disk on fire", "Exception", "at dev.");
                graphError(failing.post(path(failing), "application/json", "{}"), 400, "invalidRequest");
            }
        }
    }

    /** A store that fails as no store should: the server must not leak what went wrong. */
    private static final class BrokenStore extends ForwardingAudioRoutingGroupStore {
        @Override
        public Optional<StoredGroup> putIfAbsent(Call call, StoredGroup group) {
            throw new IllegalStateException("disk on fire");
        }
    }
}
