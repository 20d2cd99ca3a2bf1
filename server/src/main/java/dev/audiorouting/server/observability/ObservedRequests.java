package dev.audiorouting.server.observability;

import dev.audiorouting.server.auth.Caller;
import dev.audiorouting.server.http.RequestIds;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Times every request that reaches the API listener, whoever answers it (Jersey, or the handlers around it: a
 * 404 off the API, a 413, a 503), and reports it once complete: to the access log and to the metrics.
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
        // Reported when the handlers return, by which time Jersey has answered (no resource is asynchronous): the
        // exchange's own completion may never come for a client that hung up mid-request, and those are the
        // requests an operator most wants to see.
        boolean failed = true;
        try {
            boolean handled = super.handle(request, response, callback);
            failed = false;
            return handled;
        } finally {
            report(request, failed ? 500 : response.getStatus(), System.nanoTime() - start);
        }
    }

    private void report(Request request, int status, long nanos) {
        String path = request.getHttpURI().getPath();
        String operation = Operations.of(request.getMethod(), path);
        metrics.request(operation, status, nanos);
        log.completed(new CompletedRequest(request.getMethod(), path, operation, status, nanos,
                RequestIds.of(request), request.getAttribute(CALLER) instanceof Caller caller ? caller : null));
    }
}
