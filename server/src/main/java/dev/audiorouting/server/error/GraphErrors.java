package dev.audiorouting.server.error;

import dev.audiorouting.api.model.InnerError;
import dev.audiorouting.api.model.MainError;
import dev.audiorouting.api.model.ODataError;
import dev.audiorouting.server.http.RequestIds;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/** Graph's error body ({@code ODataError}), the one shape of every 4xx and 5xx this server sends. */
public final class GraphErrors {
    private static final Map<Integer, String> CODES = Map.ofEntries(
            Map.entry(400, "invalidRequest"),
            Map.entry(401, "InvalidAuthenticationToken"),
            Map.entry(403, "accessDenied"),
            Map.entry(404, "itemNotFound"),
            Map.entry(405, "methodNotAllowed"),
            Map.entry(406, "notAcceptable"),
            Map.entry(413, "requestEntityTooLarge"),
            Map.entry(414, "requestUriTooLong"),
            Map.entry(415, "unsupportedMediaType"),
            Map.entry(429, "TooManyRequests"),
            Map.entry(431, "requestHeaderFieldsTooLarge"),
            Map.entry(501, "notSupported"),
            Map.entry(503, "serviceNotAvailable"));

    /** What a request refused because the server is stopping is told. */
    public static final String SHUTTING_DOWN = "The server is shutting down; retry in a moment.";
    /** How long such a client should wait; another instance, or this one restarted, will answer. */
    public static final int RETRY_AFTER_SECONDS = 1;

    private GraphErrors() {
    }

    /** What a client is told of a failure of ours: nothing internal, but the id to find it in the log. */
    public static String unexpectedFailure(String requestId) {
        return "An unexpected error occurred. Quote request-id " + requestId + " when reporting it.";
    }

    /** Graph's error code for an HTTP status, for errors that have no more specific code. */
    public static String codeFor(int status) {
        return CODES.getOrDefault(status, status < 500 ? "invalidRequest" : "generalException");
    }

    /**
     * @param target the field or parameter at fault, or {@code null}
     */
    public static ODataError body(String code, String message, String target, RequestIds ids) {
        InnerError inner = new InnerError(ids.requestId(), ids.clientRequestId(),
                OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS));
        return new ODataError(new MainError(code, message, inner).target(target));
    }
}
