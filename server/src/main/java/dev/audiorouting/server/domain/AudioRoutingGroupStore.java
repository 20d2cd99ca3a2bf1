package dev.audiorouting.server.domain;

import java.util.Optional;

/**
 * Where audio routing groups are kept, per call of a tenant. Implementations are safe for concurrent use, also
 * across processes where they share a database: every method is one atomic step.
 */
public interface AudioRoutingGroupStore {

    /**
     * Stores the group in the call unless the call already has a group with its id.
     *
     * @return the group already stored under that id (nothing was stored), or empty (the group was stored)
     */
    Optional<StoredGroup> putIfAbsent(Call call, StoredGroup group);

    Optional<StoredGroup> find(Call call, String groupId);

    /**
     * Up to {@code limit} of the call's groups in the order they were stored, starting after position
     * {@code after} ({@code 0} for the first page).
     */
    GroupPage list(Call call, long after, int limit);

    /**
     * Replaces the group with {@code replacement}'s id, if its current entity tag is {@code expectedEtag}.
     *
     * @return whether it was replaced (false: it changed meanwhile, or is gone)
     */
    boolean replace(Call call, String expectedEtag, StoredGroup replacement);

    /**
     * Deletes the group, if its current entity tag is {@code expectedEtag}.
     *
     * @return whether it was deleted (false: it changed meanwhile, or is gone)
     */
    boolean delete(Call call, String groupId, String expectedEtag);
}
