package dev.audiorouting.server.store;

import dev.audiorouting.server.domain.AudioRoutingGroup;
import dev.audiorouting.server.domain.AudioRoutingGroupStore;
import dev.audiorouting.server.domain.Call;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Keeps groups in memory: fast, and gone when the process stops. */
public final class InMemoryAudioRoutingGroupStore implements AudioRoutingGroupStore {
    private final ConcurrentMap<Key, AudioRoutingGroup> groups = new ConcurrentHashMap<>();

    @Override
    public Optional<AudioRoutingGroup> putIfAbsent(Call call, AudioRoutingGroup group) {
        return Optional.ofNullable(groups.putIfAbsent(new Key(call, group.id()), group));
    }

    private record Key(Call call, String groupId) {
    }
}
