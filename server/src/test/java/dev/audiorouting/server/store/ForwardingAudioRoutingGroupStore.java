package dev.audiorouting.server.store;

import dev.audiorouting.server.domain.AudioRoutingGroupStore;
import dev.audiorouting.server.domain.Call;
import dev.audiorouting.server.domain.GroupPage;
import dev.audiorouting.server.domain.StoredGroup;
import java.util.Optional;

/** For tests: a store that passes everything to another; override what a test needs to observe or break. */
public class ForwardingAudioRoutingGroupStore implements AudioRoutingGroupStore {
    private final AudioRoutingGroupStore delegate;

    public ForwardingAudioRoutingGroupStore(AudioRoutingGroupStore delegate) {
        this.delegate = delegate;
    }

    /** Forwarding to an in-memory store. */
    public ForwardingAudioRoutingGroupStore() {
        this(new InMemoryAudioRoutingGroupStore());
    }

    @Override
    public Optional<StoredGroup> putIfAbsent(Call call, StoredGroup group) {
        return delegate.putIfAbsent(call, group);
    }

    @Override
    public Optional<StoredGroup> find(Call call, String groupId) {
        return delegate.find(call, groupId);
    }

    @Override
    public GroupPage list(Call call, long after, int limit) {
        return delegate.list(call, after, limit);
    }

    @Override
    public boolean replace(Call call, String expectedEtag, StoredGroup replacement) {
        return delegate.replace(call, expectedEtag, replacement);
    }

    @Override
    public boolean delete(Call call, String groupId, String expectedEtag) {
        return delegate.delete(call, groupId, expectedEtag);
    }
}
