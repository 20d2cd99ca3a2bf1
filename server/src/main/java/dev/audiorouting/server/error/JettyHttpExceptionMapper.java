package dev.audiorouting.server.error;

import jakarta.ws.rs.core.Response;
import org.eclipse.jetty.http.HttpException;

/**
 * Jetty refusing a request while Jersey reads its body (a chunked body over the size limit, a broken
 * chunk): the status Jetty chose, in Graph's shape.
 */
public final class JettyHttpExceptionMapper extends GraphExceptionMapper<HttpException.RuntimeException> {

    @Override
    public Response toResponse(HttpException.RuntimeException e) {
        return refusedByJetty(e);
    }
}
