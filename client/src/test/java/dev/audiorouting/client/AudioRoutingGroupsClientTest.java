package dev.audiorouting.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.audiorouting.client.model.AudioRoutingGroup;
import dev.audiorouting.client.model.AudioRoutingGroupUpdate;
import dev.audiorouting.client.model.RoutingMode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The front door against a stub server that answers, one request at a time, what each test scripts. */
class AudioRoutingGroupsClientTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GROUP = "{\"@odata.etag\":\"\\\"v1\\\"\",\"id\":\"g1\",\"routingMode\":\"oneToOne\",\"sources\":[\"a\"],\"receivers\":[\"b\"]}";
    private static final String THROTTLED = "{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"Slow down.\","
            + "\"innerError\":{\"request-id\":\"r-429\",\"client-request-id\":\"echo\",\"date\":\"2026-12-04T10:15:30Z\"}}}";

    /** What the stub answers next: a status and body, or {@code null} to hang up without answering. */
    private record Answer(int status, String body, String retryAfter) {
        static final Answer HANG_UP = new Answer(0, null, null);
    }

    private record Received(String method, String path, String clientRequestId, String authorization, String body) {
    }

    private final Queue<Answer> script = new ConcurrentLinkedQueue<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private HttpServer stub;

    @BeforeEach
    void start() throws IOException {
        stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        stub.createContext("/", this::answer);
        stub.start();
    }

    @AfterEach
    void stop() {
        stub.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                exchange.getRequestHeaders().getFirst("client-request-id"), exchange.getRequestHeaders().getFirst("Authorization"),
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        Answer answer = script.isEmpty() ? new Answer(200, GROUP, null) : script.poll();
        if (answer == Answer.HANG_UP) {
            exchange.close();
            return;
        }
        if (answer.retryAfter() != null) {
            exchange.getResponseHeaders().add("Retry-After", answer.retryAfter());
        }
        exchange.getResponseHeaders().add("request-id", "r-" + answer.status());
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private AudioRoutingGroupsClient.Builder client() {
        return AudioRoutingGroupsClient.builder()
                .baseUri(URI.create("http://127.0.0.1:" + stub.getAddress().getPort() + "/beta"))
                .tokenSupplier(() -> "token-" + received.size());
    }

    private static AudioRoutingGroup group() {
        return new AudioRoutingGroup().routingMode(RoutingMode.ONE_TO_ONE).sources(Set.of("a")).receivers(Set.of("b"));
    }

    @Test
    void aCreateThatTheClientGivesAnIdStillSendsEverythingTheCallerSet() throws Exception {
        try (AudioRoutingGroupsClient groups = client().build()) {
            groups.create("c1", group().atOdataType(AudioRoutingGroup.AtOdataTypeEnum._MICROSOFT_GRAPH_AUDIO_ROUTING_GROUP));

            JsonNode sent = JSON.readTree(received.get(0).body());
            assertThat(sent.get("@odata.type").asText()).isEqualTo("#microsoft.graph.audioRoutingGroup");
            assertThat(sent.get("routingMode").asText()).isEqualTo("oneToOne");
            assertThat(sent.get("sources").toString()).isEqualTo("[\"a\"]");
            assertThat(sent.get("receivers").toString()).isEqualTo("[\"b\"]");
        }
    }

    @Test
    void givesACreateWithoutAnIdOneAndEveryCallAFreshClientRequestIdAndToken() throws Exception {
        try (AudioRoutingGroupsClient groups = client().build()) {
            AudioRoutingGroup asked = group();
            assertThat(groups.create("c1", asked).getId()).isEqualTo("g1");
            groups.get("c1", "g1");

            assertThat(asked.getId()).as("the caller's object is left alone").isNull();
            JsonNode sent = JSON.readTree(received.get(0).body());
            assertThat(sent.get("id").asText()).matches("[0-9a-f-]{36}");
            assertThat(received).extracting(Received::method, Received::path)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("POST", "/beta/communications/calls/c1/audioRoutingGroups"),
                            org.assertj.core.groups.Tuple.tuple("GET", "/beta/communications/calls/c1/audioRoutingGroups/g1"));
            assertThat(received.get(0).clientRequestId()).isNotBlank().isNotEqualTo(received.get(1).clientRequestId());
            assertThat(received).extracting(Received::authorization).containsExactly("Bearer token-0", "Bearer token-1");
        }
    }

    @Test
    void retriesAThrottledCreateAfterRetryAfterWithTheSameIdAndClientRequestId() {
        script.add(new Answer(429, THROTTLED, "1"));
        try (AudioRoutingGroupsClient groups = client().build()) {
            long start = System.nanoTime();
            assertThat(groups.create("c1", group()).getId()).isEqualTo("g1");

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
            assertThat(received).hasSize(2);
            assertThat(received.get(1).body()).as("the same group, so no duplicate").isEqualTo(received.get(0).body());
            assertThat(received.get(1).clientRequestId()).isEqualTo(received.get(0).clientRequestId());
        }
    }

    @Test
    void waitsNoLongerThanItsBoundWhateverTheServerAsks() {
        script.add(new Answer(503, THROTTLED.replace("TooManyRequests", "serviceNotAvailable"), "3600"));
        try (AudioRoutingGroupsClient groups = client().retries(1, Duration.ofMillis(100)).build()) {
            long start = System.nanoTime();
            groups.get("c1", "g1");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(received).hasSize(2);
        }
    }

    @Test
    void reportsAFailureAsOneTypedExceptionWithEverythingTheServerSaid() {
        script.add(new Answer(429, THROTTLED, "7"));
        try (AudioRoutingGroupsClient groups = client().retries(0, Duration.ofSeconds(1)).build()) {
            assertThatThrownBy(() -> groups.create("c1", group().id("g1")))
                    .isInstanceOfSatisfying(AudioRoutingGroupsException.class, e -> {
                        assertThat(e.status()).isEqualTo(429);
                        assertThat(e.code()).isEqualTo("TooManyRequests");
                        assertThat(e.graphMessage()).isEqualTo("Slow down.");
                        assertThat(e.requestId()).isEqualTo("r-429");
                        assertThat(e.clientRequestId()).isEqualTo(received.get(0).clientRequestId());
                        assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(7));
                        assertThat(e).hasMessage("429 TooManyRequests: Slow down.");
                    });
            assertThat(received).as("retries off").hasSize(1);
        }
    }

    @Test
    void doesNotRetryWhatTheServerRefusedForGood() {
        script.add(new Answer(404, "{\"error\":{\"code\":\"itemNotFound\",\"message\":\"No group g1.\"}}", null));
        try (AudioRoutingGroupsClient groups = client().build()) {
            assertThatThrownBy(() -> groups.get("c1", "g1")).isInstanceOfSatisfying(AudioRoutingGroupsException.class, e -> {
                assertThat(e.status()).isEqualTo(404);
                assertThat(e.code()).isEqualTo("itemNotFound");
                assertThat(e.retryAfter()).isEmpty();
            });
            assertThat(received).hasSize(1);
        }
    }

    @Test
    void retriesALostAnswerOnlyWhereRepeatingIsHarmless() {
        script.add(Answer.HANG_UP);
        try (AudioRoutingGroupsClient groups = client().retries(3, Duration.ofMillis(10)).build()) {
            assertThat(groups.get("c1", "g1").getId()).isEqualTo("g1");
            assertThat(received).hasSize(2);

            script.add(Answer.HANG_UP);
            assertThatThrownBy(() -> groups.update("c1", "g1", new AudioRoutingGroupUpdate().receivers(Set.of("c")), "\"v1\""))
                    .isInstanceOfSatisfying(AudioRoutingGroupsException.class, e -> assertThat(e.status()).isZero());
            assertThat(received).as("an If-Match update is not repeated").hasSize(3);
        }
    }

    @Test
    void aDeleteWhoseAnswerWasLostAndThenFindsNothingHasSucceeded() {
        script.add(Answer.HANG_UP);
        script.add(new Answer(404, "{\"error\":{\"code\":\"itemNotFound\",\"message\":\"No group g1.\"}}", null));
        try (AudioRoutingGroupsClient groups = client().retries(3, Duration.ofMillis(10)).build()) {
            groups.delete("c1", "g1");
            assertThat(received).extracting(Received::method).containsExactly("DELETE", "DELETE");
        }
    }

    @Test
    void listsEveryPageByFollowingNextLinks() {
        script.add(new Answer(200, "{\"value\":[" + GROUP + "],\"@odata.nextLink\":\"http://elsewhere/beta/communications/calls/c1/"
                + "audioRoutingGroups?$top=1&$skiptoken=2s\"}", null));
        script.add(new Answer(200, "{\"value\":[" + GROUP.replace("g1", "g2") + "]}", null));
        try (AudioRoutingGroupsClient groups = client().build()) {
            assertThat(groups.list("c1")).extracting(AudioRoutingGroup::getId).containsExactly("g1", "g2");
            assertThat(received.get(1).path()).contains("skiptoken=2s");
        }
    }

    @Test
    void keepsWorkingWithFieldsAndEnumValuesFromANewerServer() {
        script.add(new Answer(200, "{\"id\":\"g1\",\"routingMode\":\"broadcast\",\"sources\":[\"a\"],\"receivers\":[\"b\"],"
                + "\"priority\":{\"level\":3},\"tags\":[\"x\"]}", null));
        try (AudioRoutingGroupsClient groups = client().build()) {
            AudioRoutingGroup group = groups.get("c1", "g1");
            assertThat(group.getId()).isEqualTo("g1");
            assertThat(group.getRoutingMode()).isEqualTo(RoutingMode.UNKNOWN_DEFAULT_OPEN_API);
            assertThat(group.getSources()).containsExactly("a");
            assertThat(group.getReceivers()).containsExactly("b");
        }
    }

    @Test
    void givesUpOnASlowServerAfterTheRequestTimeout() {
        stub.removeContext("/");
        stub.createContext("/", exchange -> {
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(), null, null, ""));
            try {
                Thread.sleep(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        try (AudioRoutingGroupsClient groups = client().requestTimeout(Duration.ofMillis(200)).retries(0, Duration.ofSeconds(1)).build()) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> groups.get("c1", "g1")).isInstanceOfSatisfying(AudioRoutingGroupsException.class,
                    e -> assertThat(e.status()).isZero());
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        }
    }

    @Test
    void refusesCallsOnceClosed() {
        AudioRoutingGroupsClient groups = client().build();
        groups.close();
        assertThatThrownBy(() -> groups.get("c1", "g1")).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }
}
