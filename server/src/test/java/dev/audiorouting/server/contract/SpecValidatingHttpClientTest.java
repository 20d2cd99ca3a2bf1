package dev.audiorouting.server.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The validator behind every contract test really fails on what the spec forbids. */
class SpecValidatingHttpClientTest {
    private static final String GROUP = "{\"id\":\"g\",\"routingMode\":\"oneToOne\",\"sources\":[\"a\"],\"receivers\":[\"b\"]}";
    private static final String REQUEST_ID = "0b4f5f2c-8c1e-4f43-9c49-3a1d2b7e6f10";

    private final AtomicReference<String> reply = new AtomicReference<>(GROUP);
    private HttpServer stub;

    @BeforeEach
    void startStub() throws Exception {
        stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        stub.createContext("/", exchange -> {
            byte[] body = reply.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("request-id", REQUEST_ID);
            exchange.getResponseHeaders().add("client-request-id", REQUEST_ID);
            exchange.getResponseHeaders().add("ETag", "\"v1\"");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        stub.start();
    }

    @AfterEach
    void stopStub() {
        stub.stop(0);
    }

    private HttpResponse<String> post(SpecValidatingHttpClient client, String body) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + stub.getAddress().getPort() + "/beta/communications/calls/c/audioRoutingGroups");
        HttpRequest request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .header("Authorization", ServerUnderTest.authorization()).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void passesAnExchangeTheSpecAllows() throws Exception {
        assertThat(post(SpecValidatingHttpClient.strict(HttpClient.newHttpClient()), GROUP).body()).isEqualTo(GROUP);
    }

    @Test
    void failsOnAResponseTheSpecForbids() {
        reply.set("{\"id\":5,\"routingMode\":\"oneToOne\",\"sources\":[\"a\"],\"receivers\":[\"b\"]}");

        assertThatThrownBy(() -> post(SpecValidatingHttpClient.responsesOnly(HttpClient.newHttpClient()), GROUP))
                .isInstanceOf(AssertionError.class).hasMessageContaining("/id");
    }

    @Test
    void failsOnAResponseMissingARequiredField() {
        reply.set("{\"id\":\"g\",\"routingMode\":\"oneToOne\",\"sources\":[\"a\"]}");

        assertThatThrownBy(() -> post(SpecValidatingHttpClient.responsesOnly(HttpClient.newHttpClient()), GROUP))
                .isInstanceOf(AssertionError.class).hasMessageContaining("receivers");
    }

    @Test
    void failsOnARequestTheSpecForbidsOnlyWhenStrict() throws Exception {
        String invalid = "{\"routingMode\":\"sideways\",\"sources\":[\"a\"],\"receivers\":[\"b\"]}";

        assertThatThrownBy(() -> post(SpecValidatingHttpClient.strict(HttpClient.newHttpClient()), invalid))
                .isInstanceOf(AssertionError.class).hasMessageContaining("sideways");
        assertThat(post(SpecValidatingHttpClient.responsesOnly(HttpClient.newHttpClient()), invalid).statusCode()).isEqualTo(200);
    }
}
