package dev.audiorouting.server.error;

import dev.audiorouting.server.http.PathInContextHandler;
import dev.audiorouting.server.http.RequestIds;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.server.Request;

/** What every exception mapper shares: it answers in Graph's error shape, with this request's ids. */
abstract class GraphExceptionMapper<E extends Throwable> implements ExceptionMapper<E> {
    @Inject
    private Provider<Request> request;

    protected final Request request() {
        return request.get();
    }

    /** The path the client sent. */
    protected final String path() {
        return PathInContextHandler.fullPath(request());
    }

    protected final RequestIds ids() {
        return RequestIds.of(request());
    }

    protected final Response.ResponseBuilder error(int status, String code, String message, String target) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(GraphErrors.body(code, message, target, ids()));
    }

    /** Jetty's own refusal (a body over the size limit, a broken chunk), with the status Jetty chose. */
    protected final Response refusedByJetty(HttpException jetty) {
        return error(jetty.getCode(), jetty.getReason()).build();
    }

    protected final boolean serverStopping() {
        return request().getConnectionMetaData().getConnector().getServer().isStopping();
    }

    /** 503 with {@code Retry-After}: this server is stopping, another (or this one restarted) will answer. */
    protected final Response shuttingDown() {
        return unavailable(GraphErrors.SHUTTING_DOWN);
    }

    /** 503 {@code serviceNotAvailable} with {@code Retry-After}: a passing failure of ours, worth a retry. */
    protected final Response unavailable(String message) {
        return error(503, message)
                .header(HttpHeaders.RETRY_AFTER, GraphErrors.RETRY_AFTER_SECONDS)
                .build();
    }

    protected final Response.ResponseBuilder error(int status, String message) {
        return error(status, GraphErrors.codeFor(status), message, null);
    }
}
