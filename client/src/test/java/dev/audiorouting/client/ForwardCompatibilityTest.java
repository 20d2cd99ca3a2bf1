package dev.audiorouting.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.audiorouting.client.api.AudioRoutingGroupsApi;
import dev.audiorouting.client.model.AudioRoutingGroup;
import dev.audiorouting.client.model.RoutingMode;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A newer server may add fields and enum values; the generated client must keep working. */
class ForwardCompatibilityTest {
    private static final String NEWER_SERVER_REPLY = """
            {"@odata.context":"https://graph.microsoft.com/beta/$metadata#audioRoutingGroups/$entity",
             "id":"g","routingMode":"broadcast","sources":["a"],"receivers":["b"],
             "priority":{"level":3},"createdDateTime":"2027-01-01T00:00:00Z"}""";

    private HttpServer newerServer;

    @BeforeEach
    void start() throws Exception {
        newerServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        newerServer.createContext("/", exchange -> {
            byte[] body = NEWER_SERVER_REPLY.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        newerServer.start();
    }

    @AfterEach
    void stop() {
        newerServer.stop(0);
    }

    @Test
    void unknownFieldsAndEnumValuesDoNotBreakTheClient() throws Exception {
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://127.0.0.1:" + newerServer.getAddress().getPort() + "/beta");

        AudioRoutingGroup group = new AudioRoutingGroupsApi(client).createAudioRoutingGroup("call",
                new AudioRoutingGroup().routingMode(RoutingMode.MULTICAST).sources(Set.of("a")).receivers(Set.of("b")));

        assertThat(group.getId()).isEqualTo("g");
        assertThat(group.getRoutingMode()).isEqualTo(RoutingMode.UNKNOWN_DEFAULT_OPEN_API);
        assertThat(group.getReceivers()).containsExactly("b");
    }
}
