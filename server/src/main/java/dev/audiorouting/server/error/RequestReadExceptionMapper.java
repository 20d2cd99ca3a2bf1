package dev.audiorouting.server.error;

import java.io.IOException;
import jakarta.ws.rs.core.Response;
import org.eclipse.jetty.http.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reading the request failed below JSON: a broken chunked encoding, a client that closed the connection
 * mid-body, or a server stop cutting an upload short. 400 (or the status Jetty chose) for the client's
 * doing; 503 with {@code Retry-After} for ours, so that clients retry. Never a 500.
 */
public final class RequestReadExceptionMapper extends GraphExceptionMapper<IOException> {
    private static final Logger LOG = LoggerFactory.getLogger(RequestReadExceptionMapper.class);

    @Override
    public Response toResponse(IOException e) {
        LOG.debug("Could not read the body of request-id {}", ids().requestId(), e);
        if (serverStopping()) {
            return shuttingDown();
        }
        if (e instanceof HttpException jetty) {
            return refusedByJetty(jetty);
        }
        return error(400, "invalidRequest", "body: the request body could not be read to its end.", "body").build();
    }
}
