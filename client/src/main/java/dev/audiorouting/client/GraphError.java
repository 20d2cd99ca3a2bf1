package dev.audiorouting.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.audiorouting.client.model.InnerError;
import dev.audiorouting.client.model.MainError;
import dev.audiorouting.client.model.ODataError;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.util.Optional;

/**
 * A failed call, read from the generated client's {@link ApiException}: the HTTP status and Graph's
 * {@code code} and {@code message}, without parsing JSON by hand.
 *
 * <pre>{@code
 * try {
 *     api.createAudioRoutingGroup(callId, group);
 * } catch (ApiException e) {
 *     GraphError error = GraphError.from(e);
 *     if (error.status() == 409) { ... }      // error.code() is "nameAlreadyExists"
 *     log.warn("{} (request-id {})", error.message(), error.requestId());
 * }
 * }</pre>
 *
 * @param status          the HTTP status, or 0 when no response arrived (connection failure)
 * @param code            Graph's error code, such as {@code invalidRequest}; {@code null} if the body had none
 * @param message         Graph's message, or a description of what arrived instead
 * @param target          the field at fault, when the server named one
 * @param requestId       the server's id for the request, to quote when reporting a problem
 * @param clientRequestId the {@code client-request-id} the server echoed
 */
public record GraphError(int status, String code, String message, String target, String requestId,
                         String clientRequestId) {
    private static final ObjectMapper JSON = ApiClient.createDefaultObjectMapper();
    private static final int MAX_QUOTED_BODY = 200;

    /** Reads the error a call failed with. Never throws: an unreadable body is described in {@link #message()}. */
    public static GraphError from(ApiException e) {
        Optional<MainError> error = parse(e.getResponseBody());
        HttpHeaders headers = e.getResponseHeaders();
        Optional<InnerError> inner = error.map(MainError::getInnerError);
        return new GraphError(
                e.getCode(),
                error.map(MainError::getCode).orElse(null),
                error.map(MainError::getMessage).orElseGet(() -> describe(e)),
                error.map(MainError::getTarget).orElse(null),
                header(headers, "request-id").or(() -> inner.map(InnerError::getRequestId)).orElse(null),
                header(headers, "client-request-id").or(() -> inner.map(InnerError::getClientRequestId)).orElse(null));
    }

    private static Optional<MainError> parse(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(JSON.readValue(body, ODataError.class)).map(ODataError::getError);
        } catch (IOException notGraphShaped) {
            return Optional.empty();
        }
    }

    private static String describe(ApiException e) {
        String body = e.getResponseBody();
        if (body == null || body.isBlank()) {
            return e.getMessage();
        }
        String quoted = body.length() <= MAX_QUOTED_BODY ? body : body.substring(0, MAX_QUOTED_BODY) + "...";
        return "HTTP " + e.getCode() + " without a Graph error body: " + quoted;
    }

    private static Optional<String> header(HttpHeaders headers, String name) {
        return headers == null ? Optional.empty() : headers.firstValue(name);
    }
}
