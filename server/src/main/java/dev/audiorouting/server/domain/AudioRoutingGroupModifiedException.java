package dev.audiorouting.server.domain;

/** The group's current version is not the one the client named in {@code If-Match}. */
public final class AudioRoutingGroupModifiedException extends RuntimeException {
    public AudioRoutingGroupModifiedException() {
        super("The audio routing group changed since the version in If-Match; read it again and retry.");
    }
}
