package dev.audiorouting.server.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.audiorouting.api.model.ODataError;
import dev.audiorouting.server.http.RequestIds;
import dev.audiorouting.server.throttling.LoadShedding;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jetty's own error responses (paths outside {@code /beta}, malformed HTTP, oversized bodies or headers,
 * shutdown) in Graph's JSON shape instead of Jetty's HTML pages.
 */
public final class GraphErrorHandler extends ErrorHandler {
    private static final Logger LOG = LoggerFactory.getLogger(GraphErrorHandler.class);
    private static final String JSON = "application/json";

    private final ObjectMapper json;

    public GraphErrorHandler(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws JsonProcessingException {
        int status = request.getAttribute(ERROR_STATUS) instanceof Integer code ? code : response.getStatus();
        RequestIds ids = RequestIds.of(request, response);
        String message = describe(status, request, ids);
        if (status == HttpStatus.SERVICE_UNAVAILABLE_503) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, GraphErrors.RETRY_AFTER_SECONDS);
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, JSON);
        response.write(true, ByteBuffer.wrap(json.writeValueAsBytes(body(status, message, ids))), callback);
        return true;
    }

    private String describe(int status, Request request, RequestIds ids) {
        if (status == HttpStatus.NOT_FOUND_404) {
            return "No resource at " + request.getHttpURI().getPath() + ".";
        }
        if (status == HttpStatus.SERVICE_UNAVAILABLE_503) {
            // Jetty's graceful stop gives no message; the load shedder says the server is busy.
            return LoadShedding.BUSY.equals(request.getAttribute(ERROR_MESSAGE)) ? LoadShedding.BUSY : GraphErrors.SHUTTING_DOWN;
        }
        if (HttpStatus.isServerError(status)) {
            // Jetty's HttpExceptions are the client's protocol errors (HTTP/0.9, say), and an EofException is a
            // client that hung up mid-request (no one is left to answer): neither is worth an error in the log.
            if (request.getAttribute(ERROR_EXCEPTION) instanceof Throwable cause) {
                if (cause instanceof HttpException || cause instanceof EofException) {
                    LOG.debug("Request-id {} ended by the client: {}", ids.requestId(), cause.toString());
                } else {
                    LOG.error("Unexpected failure of request-id {}", ids.requestId(), cause);
                }
            }
            return GraphErrors.unexpectedFailure(ids.requestId());
        }
        return reasonOf(status, (String) request.getAttribute(ERROR_MESSAGE));
    }

    private static String reasonOf(int status, String message) {
        return message == null || message.isBlank() ? HttpStatus.getMessage(status) + "." : message;
    }

    private static ODataError body(int status, String message, RequestIds ids) {
        return GraphErrors.body(GraphErrors.codeFor(status), message, null, ids);
    }
}
