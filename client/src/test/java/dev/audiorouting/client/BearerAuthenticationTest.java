package dev.audiorouting.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.audiorouting.client.api.AudioRoutingGroupsApi;
import dev.audiorouting.client.model.AudioRoutingGroup;
import dev.audiorouting.client.model.RoutingMode;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The token goes with every request, fresh from the supplier each time, next to any earlier interceptor. */
class BearerAuthenticationTest {
    private static final AudioRoutingGroup GROUP =
            new AudioRoutingGroup().routingMode(RoutingMode.MULTICAST).sources(Set.of("a")).receivers(Set.of("b"));

    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final List<String> traces = new CopyOnWriteArrayList<>();
    private HttpServer stub;

    @BeforeEach
    void start() throws Exception {
        stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        stub.createContext("/", exchange -> {
            authorizations.addAll(exchange.getRequestHeaders().getOrDefault("Authorization", List.of()));
            traces.addAll(exchange.getRequestHeaders().getOrDefault("X-Trace", List.of()));
            byte[] body = "{\"id\":\"g\",\"routingMode\":\"multicast\",\"sources\":[\"a\"],\"receivers\":[\"b\"]}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        stub.start();
    }

    @AfterEach
    void stop() {
        stub.stop(0);
    }

    @Test
    void asksTheSupplierForEveryRequestAndKeepsEarlierInterceptors() throws Exception {
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://127.0.0.1:" + stub.getAddress().getPort() + "/beta");
        client.setRequestInterceptor(request -> request.header("X-Trace", "kept"));
        AtomicInteger issued = new AtomicInteger();
        BearerAuthentication.install(client, () -> "token-" + issued.incrementAndGet());
        AudioRoutingGroupsApi api = new AudioRoutingGroupsApi(client);

        api.createAudioRoutingGroup("call", GROUP);
        api.createAudioRoutingGroup("call", GROUP);

        assertThat(authorizations).containsExactly("Bearer token-1", "Bearer token-2");
        assertThat(traces).containsExactly("kept", "kept");
    }
}
