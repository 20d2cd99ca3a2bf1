package dev.audiorouting.server.error;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NoContentException;
import jakarta.ws.rs.core.Response;
import org.eclipse.jetty.http.HttpHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP-level refusals Jersey raises itself (no such path, wrong method, wrong media types, empty body)
 * in Graph's shape. The exception's status and headers ({@code Allow} for 405) are kept.
 */
public final class WebApplicationExceptionMapper extends GraphExceptionMapper<WebApplicationException> {
    private static final Logger LOG = LoggerFactory.getLogger(WebApplicationExceptionMapper.class);
    private static final int MAX_ECHOED_HEADER = 100;

    @Override
    public Response toResponse(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        Response.ResponseBuilder response = error(status, messageFor(status, e));
        e.getResponse().getStringHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE)) {
                values.forEach(value -> response.header(name, value));
            }
        });
        return response.build();
    }

    private String messageFor(int status, WebApplicationException e) {
        String method = request().getMethod();
        String path = path();
        return switch (status) {
            case 400 -> e.getCause() instanceof NoContentException
                    ? "body: the request body is empty; send an audioRoutingGroup as JSON"
                    : "The request is malformed.";
            case 404 -> "No resource at " + path + ".";
            case 405 -> method + " is not supported on " + path + "; use " + e.getResponse().getHeaderString("Allow") + ".";
            case 406 -> "Responses are application/json; the Accept header '" + header(HttpHeader.ACCEPT) + "' excludes it.";
            case 415 -> header(HttpHeader.CONTENT_TYPE).isEmpty()
                    ? "The request has no Content-Type; send application/json."
                    : "The request body must be application/json, not '" + header(HttpHeader.CONTENT_TYPE) + "'.";
            default -> Response.Status.Family.familyOf(status) == Response.Status.Family.SERVER_ERROR
                    ? serverError(e)
                    : "The request could not be processed (HTTP " + status + ").";
        };
    }

    private String serverError(WebApplicationException e) {
        String requestId = ids().requestId();
        LOG.error("Failure of request-id {} ({} {})", requestId, request().getMethod(), path(), e);
        return GraphErrors.unexpectedFailure(requestId);
    }

    private String header(HttpHeader name) {
        String value = request().getHeaders().get(name);
        if (value == null) {
            return "";
        }
        return value.length() <= MAX_ECHOED_HEADER ? value : value.substring(0, MAX_ECHOED_HEADER) + "...";
    }
}
