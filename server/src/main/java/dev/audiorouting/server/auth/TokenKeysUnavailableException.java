package dev.audiorouting.server.auth;

/**
 * The keys that tokens are checked against could not be fetched (the JWKS URL is down or too slow). The
 * token may well be valid, so this is our failure, answered {@code 503} with {@code Retry-After}, not a 401.
 */
public final class TokenKeysUnavailableException extends RuntimeException {
    public TokenKeysUnavailableException(Throwable cause) {
        super("The keys to verify access tokens are unavailable: " + describe(cause), cause);
    }

    private static String describe(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root == cause ? String.valueOf(cause.getMessage()) : cause.getMessage() + " (" + root + ")";
    }
}
