package dev.audiorouting.server.domain;

import java.util.Objects;

/**
 * A group as stored, with the entity tag of this version of it. Every write gives a new, never reused tag, so
 * a tag read before a delete and re-create can never match the new group.
 */
public record StoredGroup(AudioRoutingGroup group, String etag) {
    public StoredGroup {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(etag, "etag");
    }

    public String id() {
        return group.id();
    }
}
