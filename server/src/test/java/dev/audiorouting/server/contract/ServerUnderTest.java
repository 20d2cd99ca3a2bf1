package dev.audiorouting.server.contract;

import dev.audiorouting.client.ApiClient;
import dev.audiorouting.client.ApiException;
import dev.audiorouting.client.BearerAuthentication;
import dev.audiorouting.client.GraphError;
import dev.audiorouting.client.api.AudioRoutingGroupsApi;
import dev.audiorouting.server.AudioRoutingServer;
import dev.audiorouting.server.ServerConfig;
import dev.audiorouting.server.auth.TestTokens;
import dev.audiorouting.server.domain.AudioRoutingGroupStore;
import dev.audiorouting.server.store.DatabaseConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The real server on a free port, built by the same composition root as {@code main}, with the generated
 * client and a raw HTTP client pointed at it. Every exchange is checked against openapi.yaml. Requests carry
 * real tokens of {@link TestTokens#TENANT}, signed with the keys the server trusts.
 */
public final class ServerUnderTest implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final AudioRoutingServer server;
    private final HttpClient raw;
    private Closer onClose = () -> { };

    private ServerUnderTest(AudioRoutingServer server) {
        this.server = server;
        // A default java.net.http client, as consumers have it: it offers an h2c upgrade on every request.
        this.raw = SpecValidatingHttpClient.responsesOnly(HttpClient.newBuilder().connectTimeout(TIMEOUT).build());
    }

    /** A server as {@code main} starts it: groups in an H2 file, here in a fresh directory deleted on close. */
    public static ServerUnderTest start() {
        try {
            Path dataDir = Files.createTempDirectory("audio-routing-test");
            ServerUnderTest server = start(DatabaseConfig.embedded(dataDir));
            server.onClose = () -> deleteRecursively(dataDir);
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** A server on the given store ({@code null}: in memory). */
    public static ServerUnderTest start(AudioRoutingGroupStore store) {
        try {
            ServerConfig config = config();
            return new ServerUnderTest(store == null ? AudioRoutingServer.start(config) : AudioRoutingServer.start(config, store));
        } catch (Exception e) {
            throw new IllegalStateException("The server did not start", e);
        }
    }

    /** A server keeping its groups in the database, as {@code main} does. */
    public static ServerUnderTest start(DatabaseConfig database) {
        try {
            return new ServerUnderTest(AudioRoutingServer.start(config().withDatabase(database)));
        } catch (Exception e) {
            throw new IllegalStateException("The server did not start", e);
        }
    }

    /** A server with a configuration of its own, in memory. */
    public static ServerUnderTest start(java.util.function.UnaryOperator<ServerConfig> change) {
        try {
            return new ServerUnderTest(AudioRoutingServer.start(change.apply(config())));
        } catch (Exception e) {
            throw new IllegalStateException("The server did not start", e);
        }
    }

    /** A server with a configuration of its own, on the given store. */
    public static ServerUnderTest start(java.util.function.UnaryOperator<ServerConfig> change, AudioRoutingGroupStore store) {
        try {
            return new ServerUnderTest(AudioRoutingServer.start(change.apply(config()), store));
        } catch (Exception e) {
            throw new IllegalStateException("The server did not start", e);
        }
    }

    private static ServerConfig config() {
        return ServerConfig.of("127.0.0.1", 0, TestTokens.policy());
    }

    /** A call id no other test uses, so tests sharing the server never see each other's groups. */
    public static String newCallId() {
        return "call-" + UUID.randomUUID();
    }

    public URI baseUri() {
        return server.baseUri();
    }

    /** The admin listener: health and metrics. */
    public URI adminUri() {
        return server.adminUri();
    }

    /** {@code Bearer <a fresh valid token of the test tenant>}. */
    public static String authorization() {
        return TestTokens.bearer(TestTokens.TENANT);
    }

    /** The generated client, as the test tenant; requests and responses must both conform to the spec. */
    public AudioRoutingGroupsApi api() {
        return api(() -> TestTokens.app().sign());
    }

    /** The generated client, sending a token from {@code tokens} with each request. */
    public AudioRoutingGroupsApi api(Supplier<String> tokens) {
        SpecValidatingHttpClient strict = SpecValidatingHttpClient.strict(HttpClient.newBuilder().connectTimeout(TIMEOUT).build());
        ApiClient client = new ApiClient(strict.asBuilder(), ApiClient.createDefaultObjectMapper(), baseUri().toString());
        BearerAuthentication.install(client, tokens);
        client.setReadTimeout(TIMEOUT);
        return new AudioRoutingGroupsApi(client);
    }

    /** POSTs raw bytes to a path under the base URI; only the response must conform. */
    public HttpResponse<String> post(String path, String contentType, String body) {
        HttpRequest.Builder request = request(path).POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request);
    }

    /** A request builder for a path under the base URI, with the headers a Graph client sends. */
    public HttpRequest.Builder request(String path) {
        return withoutToken(path).header("Authorization", authorization());
    }

    /** The same, but with no {@code Authorization} header. */
    public HttpRequest.Builder withoutToken(String path) {
        return HttpRequest.newBuilder(URI.create(baseUri() + path))
                .timeout(TIMEOUT)
                .header("Accept", "application/json");
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return raw.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What a call through the generated client failed with, or an assertion error if it did not fail. */
    public static GraphError failureOf(ClientCall call) {
        try {
            call.run();
        } catch (ApiException e) {
            return GraphError.from(e);
        }
        throw new AssertionError("The call succeeded, but it should have failed");
    }

    @Override
    public void close() throws Exception {
        try {
            server.close();
        } finally {
            onClose.close();
        }
    }

    private interface Closer {
        void close() throws IOException;
    }

    /** A call through the generated client. */
    @FunctionalInterface
    public interface ClientCall {
        void run() throws ApiException;
    }
}
