package dev.audiorouting.server.domain;

import java.util.Optional;

/** Where audio routing groups are kept, per call of a tenant. Implementations are safe for concurrent use. */
public interface AudioRoutingGroupStore {

    /**
     * Stores the group in the call unless the call already has a group with its id; checking and storing
     * are one atomic step.
     *
     * @return the group already stored under that id (nothing was stored), or empty (the group was stored)
     */
    Optional<AudioRoutingGroup> putIfAbsent(Call call, AudioRoutingGroup group);
}
