package dev.audiorouting.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.audiorouting.client.api.AudioRoutingGroupsApi;
import dev.audiorouting.client.model.AudioRoutingGroup;
import dev.audiorouting.client.model.RoutingMode;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The generated client against a stub server answering what a newer or non-English server may send.
 * Surefire runs this module with an ASCII default charset, as Java 17 has under a C/POSIX locale.
 */
class GeneratedClientOverHttpTest {
    private static final AudioRoutingGroup GROUP =
            new AudioRoutingGroup().routingMode(RoutingMode.MULTICAST).sources(Set.of("a")).receivers(Set.of("b"));

    private HttpServer stub;
    private volatile int status;
    private volatile String reply;

    @BeforeEach
    void start() throws Exception {
        stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        stub.createContext("/", exchange -> {
            byte[] body = reply.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        stub.start();
    }

    @AfterEach
    void stop() {
        stub.stop(0);
    }

    private AudioRoutingGroupsApi api() {
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://127.0.0.1:" + stub.getAddress().getPort() + "/beta");
        return new AudioRoutingGroupsApi(client);
    }

    @Test
    void runsUnderAnAsciiDefaultCharset() {
        assertThat(Charset.defaultCharset()).isEqualTo(StandardCharsets.US_ASCII);
    }

    @Test
    void unknownFieldsAndEnumValuesFromANewerServerDoNotBreakIt() throws Exception {
        status = 200;
        reply = """
                {"@odata.context":"https://graph.microsoft.com/beta/$metadata#audioRoutingGroups/$entity",
                 "id":"g","routingMode":"broadcast","sources":["a"],"receivers":["b"],
                 "priority":{"level":3},"createdDateTime":"2027-01-01T00:00:00Z"}""";

        AudioRoutingGroup group = api().createAudioRoutingGroup("call", GROUP);

        assertThat(group.getId()).isEqualTo("g");
        assertThat(group.getRoutingMode()).isEqualTo(RoutingMode.UNKNOWN_DEFAULT_OPEN_API);
        assertThat(group.getReceivers()).containsExactly("b");
    }

    @Test
    void decodesNonAsciiIdsAsUtf8() throws Exception {
        status = 200;
        reply = "{\"id\":\"caf\u00e9-\u4e2d-\ud83c\udfb5\",\"routingMode\":\"multicast\",\"sources\":[\"a\"],\"receivers\":[\"b\"]}";

        assertThat(api().createAudioRoutingGroup("call", GROUP).getId()).isEqualTo("caf\u00e9-\u4e2d-\ud83c\udfb5");
    }

    @Test
    void decodesNonAsciiErrorMessagesAsUtf8() {
        status = 409;
        reply = "{\"error\":{\"code\":\"nameAlreadyExists\",\"message\":\"id 'caf\u00e9' is taken\","
                + "\"innerError\":{\"request-id\":\"r\",\"client-request-id\":\"c\",\"date\":\"2026-12-04T10:15:30Z\"}}}";

        assertThatThrownBy(() -> api().createAudioRoutingGroup("call", GROUP))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(GraphError.from(e).message()).isEqualTo("id 'caf\u00e9' is taken"));
    }
}
