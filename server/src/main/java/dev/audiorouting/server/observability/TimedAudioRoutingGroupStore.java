package dev.audiorouting.server.observability;

import dev.audiorouting.server.domain.AudioRoutingGroupStore;
import dev.audiorouting.server.domain.Call;
import dev.audiorouting.server.domain.GroupPage;
import dev.audiorouting.server.domain.StoredGroup;
import java.util.Optional;
import java.util.function.Supplier;

/** Any store, with each call timed into {@code store.calls} by operation and outcome. */
public final class TimedAudioRoutingGroupStore implements AudioRoutingGroupStore {
    private final AudioRoutingGroupStore store;
    private final ServerMetrics metrics;

    public TimedAudioRoutingGroupStore(AudioRoutingGroupStore store, ServerMetrics metrics) {
        this.store = store;
        this.metrics = metrics;
    }

    @Override
    public Optional<StoredGroup> putIfAbsent(Call call, StoredGroup group) {
        return timed("putIfAbsent", () -> store.putIfAbsent(call, group));
    }

    @Override
    public Optional<StoredGroup> find(Call call, String groupId) {
        return timed("find", () -> store.find(call, groupId));
    }

    @Override
    public GroupPage list(Call call, long after, int limit) {
        return timed("list", () -> store.list(call, after, limit));
    }

    @Override
    public boolean replace(Call call, String expectedEtag, StoredGroup replacement) {
        return timed("replace", () -> store.replace(call, expectedEtag, replacement));
    }

    @Override
    public boolean delete(Call call, String groupId, String expectedEtag) {
        return timed("delete", () -> store.delete(call, groupId, expectedEtag));
    }

    private <T> T timed(String operation, Supplier<T> call) {
        long start = System.nanoTime();
        boolean failed = true;
        try {
            T result = call.get();
            failed = false;
            return result;
        } finally {
            metrics.storeCall(operation, failed, System.nanoTime() - start);
        }
    }
}
