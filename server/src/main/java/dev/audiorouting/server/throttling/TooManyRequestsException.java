package dev.audiorouting.server.throttling;

/** The caller's application is over its rate limit in its tenant: answered 429 with {@code Retry-After}. */
public final class TooManyRequestsException extends RuntimeException {
    private final long retryAfterSeconds;

    public TooManyRequestsException(long retryAfterSeconds) {
        super("Too many requests from this application in this tenant; retry after " + retryAfterSeconds + " s.");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
