package dev.audiorouting.server.domain;

/** The call already holds a group with this id, and its content differs from the one being created. */
public final class AudioRoutingGroupConflictException extends RuntimeException {
    private final String groupId;

    public AudioRoutingGroupConflictException(String groupId) {
        super("An audio routing group with id '" + groupId
                + "' already exists in this call with different content; choose another id.");
        this.groupId = groupId;
    }

    public String groupId() {
        return groupId;
    }
}
