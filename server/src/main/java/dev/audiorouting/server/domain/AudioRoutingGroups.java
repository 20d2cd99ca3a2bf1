package dev.audiorouting.server.domain;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The audio routing groups of all calls: the operations the API offers, with their rules.
 *
 * <pre>{@code
 * var groups = new AudioRoutingGroups(new InMemoryAudioRoutingGroupStore());
 * StoredGroup created = groups.create(new Call("tenant-1", "call-1"),
 *         new GroupDraft(null, RoutingMode.ONE_TO_ONE, List.of("alice"), List.of("bob")));
 * }</pre>
 *
 * <p>Changes are compare-and-set on the entity tag, so concurrent writers (threads, or servers sharing a
 * database) never lose each other's updates: with {@code If-Match} the loser gets "modified"; without, the
 * change is applied again to the version that won.
 */
public final class AudioRoutingGroups {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AudioRoutingGroupStore store;
    private final Supplier<String> newId;
    private final Supplier<String> newEtag;

    public AudioRoutingGroups(AudioRoutingGroupStore store) {
        this(store, () -> UUID.randomUUID().toString(), AudioRoutingGroups::randomEtag);
    }

    public AudioRoutingGroups(AudioRoutingGroupStore store, Supplier<String> newId, Supplier<String> newEtag) {
        this.store = Objects.requireNonNull(store);
        this.newId = Objects.requireNonNull(newId);
        this.newEtag = Objects.requireNonNull(newEtag);
    }

    /** 96 random bits: unique for all practical purposes, and short. */
    private static String randomEtag() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * Creates a group in the call. Creating the same id again with the same content is a safe retry and
     * returns the stored group, so clients (and SDKs that retry POST) never create twice.
     *
     * @param draft the requested group, or {@code null} when the request had no body
     * @throws InvalidAudioRoutingGroupException if the draft breaks a rule
     * @throws AudioRoutingGroupConflictException if the id is taken by a group with other content
     */
    public StoredGroup create(Call call, GroupDraft draft) {
        Objects.requireNonNull(call, "call");
        if (draft == null) {
            throw new InvalidAudioRoutingGroupException("body", "the request body must be an audioRoutingGroup JSON object");
        }
        StoredGroup created = new StoredGroup(draft.toGroup(newId), newEtag.get());
        return store.putIfAbsent(call, created)
                .map(existing -> requireSameContent(existing, created.group()))
                .orElse(created);
    }

    private static StoredGroup requireSameContent(StoredGroup existing, AudioRoutingGroup requested) {
        if (!existing.group().sameContentAs(requested)) {
            throw new AudioRoutingGroupConflictException(requested.id());
        }
        return existing;
    }

    /**
     * A page of the call's groups, oldest first.
     *
     * @param after {@code 0}, or a previous page's {@link GroupPage#next()}
     * @param size  1 to {@link Limits#MAX_PAGE_SIZE}
     */
    public GroupPage list(Call call, long after, int size) {
        if (size < 1 || size > Limits.MAX_PAGE_SIZE) {
            throw new InvalidAudioRoutingGroupException("$top", "the page size is 1 to " + Limits.MAX_PAGE_SIZE + ", not " + size);
        }
        if (after < 0) {
            throw new InvalidAudioRoutingGroupException("$skiptoken", "not a token this server gave");
        }
        return store.list(call, after, size);
    }

    /** @throws AudioRoutingGroupNotFoundException if the call has no such group */
    public StoredGroup get(Call call, String groupId) {
        Ids.requireAddressable("audioRoutingGroup-id", groupId);
        return store.find(call, groupId).orElseThrow(() -> new AudioRoutingGroupNotFoundException(groupId));
    }

    /**
     * Applies the changes (only receivers can change) to the group's current version.
     *
     * @param changes the requested changes, or {@code null} when the request had no body
     * @throws AudioRoutingGroupNotFoundException if the call has no such group
     * @throws AudioRoutingGroupModifiedException if the precondition does not hold
     * @throws InvalidAudioRoutingGroupException if the changes break a rule
     */
    public StoredGroup update(Call call, String groupId, GroupChanges changes, Precondition precondition) {
        if (changes == null) {
            throw new InvalidAudioRoutingGroupException("body", "the request body must be a JSON object with the new receivers");
        }
        while (true) {
            StoredGroup current = current(call, groupId, precondition);
            AudioRoutingGroup updated = current.group().with(changes);
            if (updated.equals(current.group())) {
                return current;
            }
            StoredGroup next = new StoredGroup(updated, newEtag.get());
            if (store.replace(call, current.etag(), next)) {
                return next;
            }
        }
    }

    /**
     * @throws AudioRoutingGroupNotFoundException if the call has no such group
     * @throws AudioRoutingGroupModifiedException if the precondition does not hold
     */
    public void delete(Call call, String groupId, Precondition precondition) {
        while (!store.delete(call, groupId, current(call, groupId, precondition).etag())) {
            // Changed (or deleted) between reading and deleting: look again.
        }
    }

    /** The current version, if it meets the precondition. A lost race loops back here and is judged afresh. */
    private StoredGroup current(Call call, String groupId, Precondition precondition) {
        StoredGroup current = get(call, groupId);
        if (!precondition.allows(current.etag())) {
            throw new AudioRoutingGroupModifiedException();
        }
        return current;
    }
}
