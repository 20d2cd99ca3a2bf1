package dev.audiorouting.server.http;

import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Ends every exchange Jersey leaves open. When writing an answer fails after it was committed (the client hung
 * up mid-response), Jersey 4.0's Jetty container completes neither way; Jetty then counts the exchange as in flight
 * for ever, and a graceful stop waits the whole shutdown timeout for it. Jersey answers within {@code handle()}
 * here (no resource is asynchronous), so an exchange still open when it returns is failed here.
 */
public final class CompletedExchanges extends Handler.Wrapper {

    public CompletedExchanges(Handler jersey) {
        super(jersey);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        AtomicBoolean completed = new AtomicBoolean();
        Callback tracked = Callback.from(() -> completed.set(true), callback);
        boolean handled = super.handle(request, response, tracked);
        if (handled && !completed.get()) {
            tracked.failed(new EofException("the client hung up before the answer was written"));
        }
        return handled;
    }
}
