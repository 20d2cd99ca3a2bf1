package dev.audiorouting.server.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.audiorouting.server.observability.ServerMetrics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The admin listener's endpoints, without a token: {@code /health/live} (200 while the process runs),
 * {@code /health/ready} (200 or 503, with each check's result) and {@code /metrics} (Prometheus' text format).
 */
public final class AdminEndpoints extends Handler.Abstract {
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    private static final String JSON = "application/json";

    private final Readiness readiness;
    private final ServerMetrics metrics;
    private final ObjectMapper json = new ObjectMapper();

    public AdminEndpoints(Readiness readiness, ServerMetrics metrics) {
        this.readiness = readiness;
        this.metrics = metrics;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!HttpMethod.GET.is(request.getMethod())) {
            Response.writeError(request, response, callback, 405);
            return true;
        }
        switch (Request.getPathInContext(request)) {
            case "/health/live" -> write(response, callback, 200, JSON, json.writeValueAsBytes(Map.of("status", "live")));
            case "/health/ready" -> ready(response, callback);
            case "/metrics" -> write(response, callback, 200, PROMETHEUS_TEXT, metrics.scrape().getBytes(StandardCharsets.UTF_8));
            default -> Response.writeError(request, response, callback, 404);
        }
        return true;
    }

    private void ready(Response response, Callback callback) throws Exception {
        Map<String, String> checks = readiness.check();
        boolean ready = checks.values().stream().allMatch(Readiness.OK::equals);
        byte[] body = json.writeValueAsBytes(Map.of("status", ready ? "ready" : "not ready", "checks", checks));
        write(response, callback, ready ? 200 : 503, JSON, body);
    }

    private static void write(Response response, Callback callback, int status, String type, byte[] body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
