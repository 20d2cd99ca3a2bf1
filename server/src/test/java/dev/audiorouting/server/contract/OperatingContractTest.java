package dev.audiorouting.server.contract;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.audiorouting.client.ApiClient;
import dev.audiorouting.client.ApiException;
import dev.audiorouting.client.GraphError;
import dev.audiorouting.client.RetryAfter;
import dev.audiorouting.client.api.AudioRoutingGroupsApi;
import dev.audiorouting.client.model.AudioRoutingGroup;
import dev.audiorouting.server.Throttling;
import dev.audiorouting.server.auth.TestTokens;
import dev.audiorouting.server.domain.Call;
import dev.audiorouting.server.domain.StoredGroup;
import dev.audiorouting.server.store.DatabaseConfig;
import dev.audiorouting.server.store.ForwardingAudioRoutingGroupStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

/** What operators rely on: the admin listener, metrics, the access log, throttling and load shedding. */
class OperatingContractTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static String collection(String callId) {
        return "/communications/calls/" + callId + "/audioRoutingGroups";
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> create(ServerUnderTest server, String authorization) {
        return server.send(server.withoutToken(collection(ServerUnderTest.newCallId()))
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Spec.get().example("oneToOne"))));
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class AdminListener {
        private ServerUnderTest server;

        @BeforeAll
        void start() {
            server = ServerUnderTest.start();
        }

        @AfterAll
        void stop() throws Exception {
            server.close();
        }

        @Test
        void saysTheProcessIsLiveAndReadyWithEachCheck() throws Exception {
            HttpResponse<String> live = get(server.adminUri().resolve("/health/live"));
            assertThat(live.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(live.body()).get("status").asText()).isEqualTo("live");

            HttpResponse<String> ready = get(server.adminUri().resolve("/health/ready"));
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.headers().firstValue("Content-Type")).hasValue("application/json");
            JsonNode body = JSON.readTree(ready.body());
            assertThat(body.get("status").asText()).isEqualTo("ready");
            assertThat(body.get("checks").properties()).extracting(e -> e.getKey() + "=" + e.getValue().asText())
                    .containsExactly("accepting=ok", "store=ok", "schema=ok");
        }

        @Test
        void servesNoApiAndTheApiListenerServesNoMetrics() throws Exception {
            assertThat(get(server.adminUri().resolve("/beta" + collection("c"))).statusCode()).isEqualTo(404);
            assertThat(get(URI.create(server.baseUri() + "/../metrics").normalize()).statusCode()).isEqualTo(404);
            assertThat(get(URI.create(server.baseUri() + "/../health/live").normalize()).statusCode()).isEqualTo(404);
        }

        @Test
        void countsRequestsByOperationAndStatusStoreCallsAndAuthenticationFailures() throws Exception {
            assertThat(create(server, ServerUnderTest.authorization()).statusCode()).isEqualTo(200);
            assertThat(create(server, "Bearer not-a-token").statusCode()).isEqualTo(401);
            assertThat(server.send(server.withoutToken(collection("c")).GET()).statusCode()).isEqualTo(401);
            awaitMetric(server, "http_server_requests_seconds_count{operation=\"listAudioRoutingGroups\",status=\"401\"}");

            HttpResponse<String> metrics = get(server.adminUri().resolve("/metrics"));
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
            assertThat(metrics.body()).contains(
                    "http_server_requests_seconds_count{operation=\"createAudioRoutingGroup\",status=\"200\"}",
                    "http_server_requests_seconds_count{operation=\"createAudioRoutingGroup\",status=\"401\"}",
                    "http_server_requests_seconds_count{operation=\"listAudioRoutingGroups\",status=\"401\"}",
                    "http_server_requests_seconds_bucket{operation=\"createAudioRoutingGroup\",status=\"200\",le=\"0.01\"}",
                    "store_calls_seconds_count{operation=\"putIfAbsent\",outcome=\"ok\"}",
                    "authentication_failures_total{reason=\"invalid_token\"}",
                    "authentication_failures_total{reason=\"missing_token\"}",
                    "requests_throttled_total", "requests_shed_total", "http_requests_in_flight",
                    "http_threads_busy", "hikaricp_connections_active", "jvm_memory_used_bytes", "jvm_gc_max_data_size_bytes",
                    "process_uptime_seconds");
        }
    }

    @Test
    void readinessNamesTheCheckThatFailsWhenTheDatabaseLosesItsSchema() throws Exception {
        String url = "jdbc:h2:mem:readiness-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try (ServerUnderTest server = ServerUnderTest.start(new DatabaseConfig(url, "sa", "", 2))) {
            assertThat(get(server.adminUri().resolve("/health/ready")).statusCode()).isEqualTo(200);
            try (var connection = DriverManager.getConnection(url, "sa", ""); var statement = connection.createStatement()) {
                statement.execute("DROP ALL OBJECTS");
            }

            HttpResponse<String> ready = get(server.adminUri().resolve("/health/ready"));
            assertThat(ready.statusCode()).isEqualTo(503);
            JsonNode body = JSON.readTree(ready.body());
            assertThat(body.get("status").asText()).isEqualTo("not ready");
            assertThat(body.at("/checks/store").asText()).isEqualTo("ok");
            assertThat(body.at("/checks/schema").asText()).contains("not applied");
            assertThat(get(server.adminUri().resolve("/health/live")).statusCode()).as("still live").isEqualTo(200);
        }
    }

    @Test
    void throttlesEachApplicationOfEachTenantWithRetryAfterAndAClientHonouringItRecovers() throws Exception {
        try (ServerUnderTest server = ServerUnderTest.start(config -> config.withThrottling(new Throttling(1, 2, 128)))) {
            // The burst of 2 goes at once; a slow machine may refill a token meanwhile, so send until refused.
            HttpResponse<String> throttled = create(server, ServerUnderTest.authorization());
            for (int sent = 1; throttled.statusCode() == 200 && sent < 10; sent++) {
                throttled = create(server, ServerUnderTest.authorization());
            }
            assertThat(throttled.statusCode()).isEqualTo(429);
            assertThat(throttled.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(JSON.readTree(throttled.body()).at("/error/code").asText()).isEqualTo("TooManyRequests");
            assertThat(create(server, TestTokens.bearer("tenant-b")).statusCode()).as("another tenant's app").isEqualTo(200);
            assertThat(create(server, "Bearer " + TestTokens.app().claim("appid", "other-app").sign()).statusCode())
                    .as("another app of the tenant").isEqualTo(200);

            AudioRoutingGroupsApi api = server.api();
            RetryAfter retries = new RetryAfter(RetryAfter.DEFAULT_MAX_RETRIES, Duration.ofSeconds(5));
            String callId = ServerUnderTest.newCallId();
            long start = System.nanoTime();
            for (int i = 0; i < 3; i++) {
                AudioRoutingGroup group = example().id("group-" + i);
                assertThat(retries.call(() -> api.createAudioRoutingGroup(callId, group)).getId()).isEqualTo("group-" + i);
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("it waited as told").isGreaterThanOrEqualTo(Duration.ofSeconds(1));
            assertThat(get(server.adminUri().resolve("/metrics")).body()).containsPattern("requests_throttled_total [1-9]");

            AudioRoutingGroup once = example().id("once");
            ApiException gaveUp = catchApiException(() -> new RetryAfter(0, Duration.ofSeconds(5))
                    .call(() -> api.createAudioRoutingGroup(callId, once)));
            assertThat(GraphError.from(gaveUp).code()).isEqualTo("TooManyRequests");
        }
    }

    @Test
    void shedsRequestsPastTheBoundAtOnceWithRetryAfterAndLosesNothing() throws Exception {
        CountDownLatch inStore = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ForwardingAudioRoutingGroupStore slow = heldCreates(inStore, release);
        try (ServerUnderTest server = ServerUnderTest.start(config -> config.withThrottling(new Throttling(1000, 1000, 1)), slow)) {
            CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(() -> create(server, ServerUnderTest.authorization()));
            assertThat(inStore.await(10, TimeUnit.SECONDS)).isTrue();

            long start = System.nanoTime();
            HttpResponse<String> shed = server.send(server.request(collection("c")).GET());
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("answered at once").isLessThan(Duration.ofSeconds(2));
            assertThat(shed.statusCode()).isEqualTo(503);
            assertThat(shed.headers().firstValue("Retry-After")).hasValue("1");
            JsonNode error = JSON.readTree(shed.body()).get("error");
            assertThat(error.get("code").asText()).isEqualTo("serviceNotAvailable");
            assertThat(error.get("message").asText()).contains("busy");
            String head = RawHttp.postHead(server.baseUri().getPath() + collection("c"), ServerUnderTest.authorization(),
                    "Content-Type: application/json\r\nConnection: close\r\nContent-Length: 300000\r\n");
            assertThat(RawHttp.exchangeSlowly(server.baseUri(), head, new byte[300_000]).status())
                    .as("shed while its client still sends the body").isEqualTo(503);

            release.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            awaitMetric(server, "http_requests_in_flight 0.0");
            assertThat(server.send(server.request(collection("c")).GET()).statusCode()).as("served again").isEqualTo(200);
            awaitMetric(server, "requests_shed_total 2.0");
        } finally {
            release.countDown();
        }
    }

    @Test
    void aClientThatHangsUpMidRequestGivesItsSlotBack() throws Exception {
        CountDownLatch inStore = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        ForwardingAudioRoutingGroupStore slow = heldCreates(inStore, release);
        try (ServerUnderTest server = ServerUnderTest.start(config -> config.withThrottling(new Throttling(1000, 1000, 2)), slow)) {
            byte[] body = Spec.get().example("oneToOne").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            String head = RawHttp.postHead(server.baseUri().getPath() + collection("c"), ServerUnderTest.authorization(),
                    "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n");
            for (int i = 0; i < 2; i++) {
                try (RawHttp.Connection connection = RawHttp.open(server.baseUri())) {
                    connection.send(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    connection.send(body);
                    if (i == 1) {
                        assertThat(inStore.await(10, TimeUnit.SECONDS)).isTrue();
                    }
                }
            }
            release.countDown();

            awaitMetric(server, "http_requests_in_flight 0.0");
            for (int i = 0; i < 4; i++) {
                assertThat(create(server, ServerUnderTest.authorization()).statusCode()).as("request %d after the hang-ups", i).isEqualTo(200);
            }
        } finally {
            release.countDown();
        }
    }

    @Test
    void logsOneLinePerRequestWithIdsTenantAndApplicationButNeverTheTokenOrTheBody() throws Exception {
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        Logger access = (Logger) LoggerFactory.getLogger("access");
        Level level = access.getLevel();
        access.setLevel(Level.INFO);
        lines.start();
        access.addAppender(lines);
        try (ServerUnderTest server = ServerUnderTest.start(config -> config)) {
            String token = ServerUnderTest.authorization();
            String callId = ServerUnderTest.newCallId();
            HttpResponse<String> created = server.send(server.withoutToken(collection(callId))
                    .header("Authorization", token)
                    .header("client-request-id", "my-client-id")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(Spec.get().example("oneToOne"))));
            HttpResponse<String> refused = server.send(server.withoutToken(collection(callId)).GET());

            // A request is logged as its answer completes, which the client may see a moment before.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (lines.list.size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            List<String> logged = lines.list.stream().map(ILoggingEvent::getFormattedMessage).sorted(Comparator.reverseOrder()).toList();
            assertThat(logged).hasSize(2);
            assertThat(logged.get(0)).startsWith("POST /beta" + collection(callId) + " 200 ")
                    .contains("operation=createAudioRoutingGroup", "tenant=" + TestTokens.TENANT, "app=test-app",
                            "request-id=" + created.headers().firstValue("request-id").orElseThrow(), "client-request-id=my-client-id")
                    .doesNotContain(token.substring("Bearer ".length()), "632899f8");
            assertThat(logged.get(1)).startsWith("GET /beta" + collection(callId) + " 401 ")
                    .contains("operation=listAudioRoutingGroups", "tenant=- app=-",
                            "request-id=" + refused.headers().firstValue("request-id").orElseThrow());
            assertThat(lines.list).allSatisfy(line -> assertThat(line.getKeyValuePairs()).extracting(pair -> pair.key)
                    .contains("status", "latencyMs", "operation", "tenant", "app", "requestId", "clientRequestId"));
        } finally {
            access.detachAppender(lines);
            access.setLevel(level);
        }
    }

    /** A store whose creates count down {@code inStore}, then wait for {@code release}. */
    private static ForwardingAudioRoutingGroupStore heldCreates(CountDownLatch inStore, CountDownLatch release) {
        return new ForwardingAudioRoutingGroupStore() {
            @Override
            public Optional<StoredGroup> putIfAbsent(Call call, StoredGroup group) {
                inStore.countDown();
                await(release);
                return super.putIfAbsent(call, group);
            }
        };
    }

    /** Metrics are updated as an answer completes, which the client may see a moment before. */
    private static void awaitMetric(ServerUnderTest server, String line) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!get(server.adminUri().resolve("/metrics")).body().contains(line) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(get(server.adminUri().resolve("/metrics")).body()).contains(line);
    }

    private static AudioRoutingGroup example() throws Exception {
        return ApiClient.createDefaultObjectMapper().readValue(Spec.get().example("oneToOne"), AudioRoutingGroup.class);
    }

    private static ApiException catchApiException(RetryAfter.Call<?> call) {
        try {
            call.run();
        } catch (ApiException e) {
            return e;
        }
        throw new AssertionError("the call succeeded");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
