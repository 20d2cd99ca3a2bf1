package dev.audiorouting.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GraphErrorTest {
    private static final HttpHeaders HEADERS = HttpHeaders.of(
            Map.of("request-id", List.of("req-1"), "client-request-id", List.of("client-1")), (name, value) -> true);

    @Test
    void readsGraphsErrorBody() {
        String body = """
                {"error":{"code":"invalidRequest","message":"receivers: found 2","target":"receivers",
                 "innerError":{"request-id":"req-1","client-request-id":"client-1","date":"2026-12-04T10:15:30Z"}}}""";

        GraphError error = GraphError.from(new ApiException(400, "failed", HEADERS, body));

        assertThat(error).isEqualTo(new GraphError(400, "invalidRequest", "receivers: found 2", "receivers", "req-1", "client-1"));
    }

    @Test
    void toleratesFieldsItDoesNotKnow() {
        String body = "{\"error\":{\"code\":\"x\",\"message\":\"m\",\"newField\":[1,2],\"innerError\":{\"request-id\":\"r\"}}}";

        assertThat(GraphError.from(new ApiException(409, "failed", null, body)))
                .isEqualTo(new GraphError(409, "x", "m", null, "r", null));
    }

    @Test
    void describesABodyThatIsNotGraphShaped() {
        GraphError error = GraphError.from(new ApiException(502, "failed", HEADERS, "<html>Bad gateway</html>"));

        assertThat(error.code()).isNull();
        assertThat(error.message()).isEqualTo("HTTP 502 without a Graph error body: <html>Bad gateway</html>");
        assertThat(error.requestId()).isEqualTo("req-1");
    }

    @Test
    void describesAFailureWithoutResponse() {
        GraphError error = GraphError.from(new ApiException(new java.net.ConnectException("Connection refused")));

        assertThat(error.status()).isZero();
        assertThat(error.message()).contains("Connection refused");
    }
}
