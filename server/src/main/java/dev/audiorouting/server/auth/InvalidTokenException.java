package dev.audiorouting.server.auth;

/**
 * The request carries no usable access token: it is missing, malformed, expired, wrongly signed, or meant for
 * another issuer or audience. Answered {@code 401 InvalidAuthenticationToken}; the message says which, and never
 * whether a call or group exists.
 */
public final class InvalidTokenException extends RuntimeException {
    private final boolean tokenAbsent;

    private InvalidTokenException(String message, boolean tokenAbsent) {
        super(message);
        this.tokenAbsent = tokenAbsent;
    }

    /** The request sent no token at all. */
    public static InvalidTokenException absent() {
        return new InvalidTokenException("Access token is empty.", true);
    }

    public static InvalidTokenException invalid(String message) {
        return new InvalidTokenException(message, false);
    }

    /** RFC 6750: a request without credentials is told only the scheme, not an error code. */
    public boolean tokenAbsent() {
        return tokenAbsent;
    }
}
