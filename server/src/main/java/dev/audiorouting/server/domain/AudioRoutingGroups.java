package dev.audiorouting.server.domain;

import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The audio routing groups of all calls: the operations the API offers, with their rules.
 *
 * <pre>{@code
 * var groups = new AudioRoutingGroups(new InMemoryAudioRoutingGroupStore());
 * AudioRoutingGroup created = groups.create(new Call("tenant-1", "call-1"),
 *         new GroupDraft(null, RoutingMode.ONE_TO_ONE, List.of("alice"), List.of("bob")));
 * }</pre>
 */
public final class AudioRoutingGroups {
    private final AudioRoutingGroupStore store;
    private final Supplier<String> newId;

    public AudioRoutingGroups(AudioRoutingGroupStore store) {
        this(store, () -> UUID.randomUUID().toString());
    }

    public AudioRoutingGroups(AudioRoutingGroupStore store, Supplier<String> newId) {
        this.store = Objects.requireNonNull(store);
        this.newId = Objects.requireNonNull(newId);
    }

    /**
     * Creates a group in the call. Creating the same id again with the same content is a safe retry and
     * returns the stored group, so clients (and SDKs that retry POST) never create twice.
     *
     * @param draft the requested group, or {@code null} when the request had no body
     * @throws InvalidAudioRoutingGroupException if the draft breaks a rule
     * @throws AudioRoutingGroupConflictException if the id is taken by a group with other content
     */
    public AudioRoutingGroup create(Call call, GroupDraft draft) {
        Objects.requireNonNull(call, "call");
        if (draft == null) {
            throw new InvalidAudioRoutingGroupException("body", "the request body must be an audioRoutingGroup JSON object");
        }
        AudioRoutingGroup group = draft.toGroup(newId);
        return store.putIfAbsent(call, group)
                .map(existing -> requireSameContent(existing, group))
                .orElse(group);
    }

    private static AudioRoutingGroup requireSameContent(AudioRoutingGroup existing, AudioRoutingGroup requested) {
        if (!existing.sameContentAs(requested)) {
            throw new AudioRoutingGroupConflictException(requested.id());
        }
        return existing;
    }
}
