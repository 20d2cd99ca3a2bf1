package dev.audiorouting.server.observability;

import dev.audiorouting.server.auth.Caller;
import dev.audiorouting.server.http.RequestIds;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Times every request that reaches the API listener, whoever answers it (Jersey, or Jetty itself for a 404, a
 * 413 or a 503), and reports it once complete: to the access log and to the metrics.
 */
public final class ObservedRequests extends Handler.Wrapper {
    /** The request attribute under which the token filter leaves the verified {@link Caller}. */
    public static final String CALLER = Caller.class.getName();

    private final ServerMetrics metrics;
    private final AccessLog log;

    public ObservedRequests(Handler handler, ServerMetrics metrics, AccessLog log) {
        super(handler);
        this.metrics = metrics;
        this.log = log;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        long start = System.nanoTime();
        // Reported before the callback completes: after that, Jetty may recycle the request for the next one.
        Callback observed = new Callback.Nested(callback) {
            @Override
            public void succeeded() {
                try {
                    report(request, response, System.nanoTime() - start);
                } finally {
                    super.succeeded();
                }
            }

            @Override
            public void failed(Throwable failure) {
                try {
                    report(request, response, System.nanoTime() - start);
                } finally {
                    super.failed(failure);
                }
            }
        };
        if (!super.handle(request, response, observed)) {
            Response.writeError(request, response, observed, 404);
        }
        return true;
    }

    private void report(Request request, Response response, long nanos) {
        String operation = Operations.of(request.getMethod(), request.getHttpURI().getPath());
        int status = response.getStatus();
        metrics.request(operation, status, nanos);
        log.completed(new CompletedRequest(request.getMethod(), request.getHttpURI().getPath(), operation, status, nanos,
                RequestIds.of(request), request.getAttribute(CALLER) instanceof Caller caller ? caller : null));
    }
}
