package dev.audiorouting.client;

import java.time.Duration;
import java.util.Optional;

/**
 * A call of {@link AudioRoutingGroupsClient} that failed: what the server answered, read for you, or a failure
 * to reach it ({@link #status()} 0). Unchecked, so code that only lets failures propagate needs no ceremony.
 */
public final class AudioRoutingGroupsException extends RuntimeException {
    private final transient GraphError error;
    private final String sentClientRequestId;
    private final Duration retryAfter;

    AudioRoutingGroupsException(ApiException failure, String sentClientRequestId) {
        this(failure, GraphError.from(failure), sentClientRequestId);
    }

    private AudioRoutingGroupsException(ApiException failure, GraphError error, String sentClientRequestId) {
        super(describe(error), failure);
        this.error = error;
        this.sentClientRequestId = sentClientRequestId;
        this.retryAfter = RetryAfter.secondsOf(failure.getResponseHeaders()).orElse(null);
    }

    private static String describe(GraphError error) {
        return error.status() == 0 ? error.message()
                : error.status() + (error.code() == null ? "" : " " + error.code()) + ": " + error.message();
    }

    /** The HTTP status, or 0 when no answer arrived (the server could not be reached, or the connection failed). */
    public int status() {
        return error.status();
    }

    /** Graph's error code, such as {@code nameAlreadyExists} or {@code TooManyRequests}; {@code null} without one. */
    public String code() {
        return error.code();
    }

    /** Graph's message, or what arrived instead. */
    public String graphMessage() {
        return error.message();
    }

    /** The field at fault, when the server named one. */
    public String target() {
        return error.target();
    }

    /** The server's id for the request, to quote when reporting a problem; {@code null} when no answer arrived. */
    public String requestId() {
        return error.requestId();
    }

    /** The {@code client-request-id} this call sent, to find it in the server's access log. */
    public String clientRequestId() {
        return sentClientRequestId;
    }

    /** How long the server asked to wait before retrying (with 429 and 503), after the client's own retries. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
