package dev.audiorouting.server.throttling;

import dev.audiorouting.server.observability.ServerMetrics;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Bounds the requests the server works on at once. Past the bound, a request is answered 503
 * {@code serviceNotAvailable} with {@code Retry-After} at once, on a thread that is still free, instead of
 * waiting in a queue that grows without bound while every answer gets slower.
 */
public final class LoadShedding extends Handler.Wrapper {
    public static final String BUSY = "The server is busy; retry in a moment.";

    private final int maxInFlight;
    private final ServerMetrics metrics;
    private final AtomicInteger inFlight = new AtomicInteger();

    public LoadShedding(Handler handler, int maxInFlight, ServerMetrics metrics) {
        super(handler);
        this.maxInFlight = maxInFlight;
        this.metrics = metrics;
        metrics.watchInFlight(inFlight::get);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (inFlight.incrementAndGet() > maxInFlight) {
            inFlight.decrementAndGet();
            metrics.shed();
            Response.writeError(request, response, callback, 503, BUSY);
            return true;
        }
        // Freed when the handlers return: Jersey answers within handle() (no resource is asynchronous). The
        // exchange's own completion would be later, or never: when a client hangs up mid-request, Jersey leaves its
        // callback uncompleted, and counting on it leaked a slot each time until every request was shed.
        try {
            return super.handle(request, response, callback);
        } finally {
            inFlight.decrementAndGet();
        }
    }
}
