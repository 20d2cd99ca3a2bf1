package dev.audiorouting.server.domain;

/**
 * The store cannot do its work now (the database is down, or out of connections). Not the client's fault, and
 * likely to pass: answered 503 with {@code Retry-After}.
 */
public final class StoreUnavailableException extends RuntimeException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
