package dev.audiorouting.server.observability;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request on the logger {@code access}: method, path, status, latency, operation, tenant,
 * application, request-id and client-request-id; the same fields as key-value pairs for the JSON format. Never the
 * token, the query or the body.
 */
public final class AccessLog {
    private static final Logger LOG = LoggerFactory.getLogger("access");
    private static final String NONE = "-";

    public void completed(CompletedRequest request) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        String millis = String.format(Locale.ROOT, "%.1f", request.nanos() / 1e6);
        String tenant = request.caller() == null ? NONE : request.caller().tenantId();
        String app = request.caller() == null ? NONE : request.caller().appId();
        LOG.atInfo()
                .addKeyValue("method", request.method())
                .addKeyValue("path", request.path())
                .addKeyValue("status", request.status())
                .addKeyValue("latencyMs", millis)
                .addKeyValue("operation", request.operation())
                .addKeyValue("tenant", tenant)
                .addKeyValue("app", app)
                .addKeyValue("requestId", request.ids().requestId())
                .addKeyValue("clientRequestId", request.ids().clientRequestId())
                .log("{} {} {} {} ms operation={} tenant={} app={} request-id={} client-request-id={}", request.method(),
                        request.path(), request.status(), millis, request.operation(), tenant, app,
                        request.ids().requestId(), request.ids().clientRequestId());
    }
}
