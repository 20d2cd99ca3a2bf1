package dev.audiorouting.server.error;

import jakarta.ws.rs.core.Response;
import org.eclipse.jetty.http.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Anything no other mapper claims: Jetty's own refusals keep the status Jetty chose (a chunked body over the
 * size limit is a 413); everything else is a bug of ours, answered 500 {@code generalException} with no
 * internals in the body, and the details in the log under the request id the client can quote.
 */
public final class UnexpectedExceptionMapper extends GraphExceptionMapper<Throwable> {
    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionMapper.class);

    @Override
    public Response toResponse(Throwable e) {
        if (e instanceof HttpException jetty) {
            return refusedByJetty(jetty);
        }
        String requestId = ids().requestId();
        LOG.error("Unexpected failure of request-id {} ({} {})", requestId, request().getMethod(),
                path(), e);
        return error(500, GraphErrors.unexpectedFailure(requestId)).build();
    }
}
