package dev.audiorouting.server.http;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Gives every request its {@link RequestIds} and every response the matching headers, whichever handler
 * answers it (Jersey, or Jetty itself for paths outside the API).
 */
public final class RequestIdHandler extends Handler.Wrapper {

    public RequestIdHandler(Handler handler) {
        super(handler);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        RequestIds.of(request, response);
        return super.handle(request, response, callback);
    }
}
