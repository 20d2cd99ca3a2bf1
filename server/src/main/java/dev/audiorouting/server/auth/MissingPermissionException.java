package dev.audiorouting.server.auth;

/** A valid token that may not do what it asks: a delegated token, or an application without the role. */
public final class MissingPermissionException extends RuntimeException {
    public MissingPermissionException(String message) {
        super(message);
    }
}
