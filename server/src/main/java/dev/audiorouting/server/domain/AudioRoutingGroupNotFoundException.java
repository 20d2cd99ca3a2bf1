package dev.audiorouting.server.domain;

/** The call has no group with this id (in the caller's tenant). */
public final class AudioRoutingGroupNotFoundException extends RuntimeException {
    public AudioRoutingGroupNotFoundException(String groupId) {
        super("No audio routing group with id '" + groupId + "' in this call.");
    }
}
