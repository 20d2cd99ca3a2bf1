package dev.audiorouting.server.store;

import dev.audiorouting.server.domain.AudioRoutingGroupStore;
import dev.audiorouting.server.domain.Call;
import dev.audiorouting.server.domain.GroupPage;
import dev.audiorouting.server.domain.StoredGroup;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/** Keeps groups in memory: fast, and gone when the process stops. */
public final class InMemoryAudioRoutingGroupStore implements AudioRoutingGroupStore {
    private final ConcurrentMap<Call, CallGroups> calls = new ConcurrentHashMap<>();
    private final AtomicLong positions = new AtomicLong();

    private CallGroups groupsOf(Call call) {
        return calls.computeIfAbsent(call, key -> new CallGroups());
    }

    @Override
    public Optional<StoredGroup> putIfAbsent(Call call, StoredGroup group) {
        return groupsOf(call).putIfAbsent(group, positions);
    }

    @Override
    public Optional<StoredGroup> find(Call call, String groupId) {
        CallGroups groups = calls.get(call);
        return groups == null ? Optional.empty() : groups.find(groupId);
    }

    @Override
    public GroupPage list(Call call, long after, int limit) {
        CallGroups groups = calls.get(call);
        return groups == null ? new GroupPage(List.of(), OptionalLong.empty()) : groups.list(after, limit);
    }

    @Override
    public boolean replace(Call call, String expectedEtag, StoredGroup replacement) {
        CallGroups groups = calls.get(call);
        return groups != null && groups.replace(expectedEtag, replacement);
    }

    @Override
    public boolean delete(Call call, String groupId, String expectedEtag) {
        CallGroups groups = calls.get(call);
        return groups != null && groups.delete(groupId, expectedEtag);
    }

    /** One call's groups, by id and in creation order; each method holds the call's lock, so each is atomic. */
    private static final class CallGroups {
        private final Map<String, Entry> byId = new HashMap<>();
        private final TreeMap<Long, String> byPosition = new TreeMap<>();

        synchronized Optional<StoredGroup> putIfAbsent(StoredGroup group, AtomicLong positions) {
            Entry existing = byId.get(group.id());
            if (existing != null) {
                return Optional.of(existing.group());
            }
            long position = positions.incrementAndGet();
            byId.put(group.id(), new Entry(position, group));
            byPosition.put(position, group.id());
            return Optional.empty();
        }

        synchronized Optional<StoredGroup> find(String groupId) {
            return Optional.ofNullable(byId.get(groupId)).map(Entry::group);
        }

        synchronized GroupPage list(long after, int limit) {
            List<StoredGroup> page = new ArrayList<>(limit);
            long last = after;
            for (Map.Entry<Long, String> next : byPosition.tailMap(after, false).entrySet()) {
                if (page.size() == limit) {
                    return new GroupPage(page, OptionalLong.of(last));
                }
                page.add(byId.get(next.getValue()).group());
                last = next.getKey();
            }
            return new GroupPage(page, OptionalLong.empty());
        }

        synchronized boolean replace(String expectedEtag, StoredGroup replacement) {
            Entry current = byId.get(replacement.id());
            if (current == null || !current.group().etag().equals(expectedEtag)) {
                return false;
            }
            byId.put(replacement.id(), new Entry(current.position(), replacement));
            return true;
        }

        synchronized boolean delete(String groupId, String expectedEtag) {
            Entry current = byId.get(groupId);
            if (current == null || !current.group().etag().equals(expectedEtag)) {
                return false;
            }
            byId.remove(groupId);
            byPosition.remove(current.position());
            return true;
        }
    }

    private record Entry(long position, StoredGroup group) {
    }
}
