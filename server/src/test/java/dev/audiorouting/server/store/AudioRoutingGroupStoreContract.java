package dev.audiorouting.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.audiorouting.server.Concurrently;
import dev.audiorouting.server.domain.AudioRoutingGroup;
import dev.audiorouting.server.domain.AudioRoutingGroupStore;
import dev.audiorouting.server.domain.Call;
import dev.audiorouting.server.domain.GroupPage;
import dev.audiorouting.server.domain.RoutingMode;
import dev.audiorouting.server.domain.StoredGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every store must do, run against each implementation. Each test works in a tenant of its own, so a
 * shared database needs no cleaning between runs.
 */
abstract class AudioRoutingGroupStoreContract {
    private final String tenant = "tenant-" + UUID.randomUUID();
    private final Call call = new Call(tenant, "call");

    protected abstract AudioRoutingGroupStore store();

    static StoredGroup group(String id, String etag, String... receivers) {
        return new StoredGroup(new AudioRoutingGroup(id, RoutingMode.MULTICAST, List.of("source"), List.of(receivers)), etag);
    }

    @Test
    void storesAGroupOnceAndFindsIt() {
        assertThat(store().putIfAbsent(call, group("g", "e1", "a"))).isEmpty();

        assertThat(store().putIfAbsent(call, group("g", "e2", "b"))).contains(group("g", "e1", "a"));
        assertThat(store().find(call, "g")).contains(group("g", "e1", "a"));
        assertThat(store().find(call, "absent")).isEmpty();
    }

    @Test
    void keepsEveryCharacterOfIdsAndTheOrderOfReceivers() {
        String unicode = "caf\u00e9 \u4e2d\u6587 \ud83c\udfb5 \"quoted\" ?#;[] '--";
        String participant = unicode + " back\\slash %20 a/b";
        StoredGroup group = new StoredGroup(new AudioRoutingGroup(unicode, RoutingMode.MULTICAST, List.of(participant + "-s"),
                List.of("z", participant, "a")), "e1");
        Call unicodeCall = new Call(tenant, unicode);

        store().putIfAbsent(unicodeCall, group);

        assertThat(store().find(unicodeCall, unicode)).contains(group);
    }

    @Test
    void keepsCallsAndTenantsApart() {
        store().putIfAbsent(call, group("g", "e1", "a"));

        assertThat(store().putIfAbsent(new Call(tenant, "other-call"), group("g", "e2", "b"))).isEmpty();
        assertThat(store().putIfAbsent(new Call(tenant + "-other", "call"), group("g", "e3", "c"))).isEmpty();
        assertThat(store().find(call, "g")).contains(group("g", "e1", "a"));
        assertThat(store().list(new Call(tenant + "-nobody", "call"), 0, 10).groups()).isEmpty();
    }

    @Test
    void listsInCreationOrderPageByPage() {
        List<String> ids = List.of("m", "a", "z", "b", "c");
        ids.forEach(id -> store().putIfAbsent(call, group(id, "e", "r")));

        List<String> seen = new ArrayList<>();
        GroupPage page = store().list(call, 0, 2);
        page.groups().forEach(g -> seen.add(g.id()));
        while (page.next().isPresent()) {
            page = store().list(call, page.next().getAsLong(), 2);
            page.groups().forEach(g -> seen.add(g.id()));
        }

        assertThat(seen).containsExactlyElementsOf(ids);
    }

    @Test
    void aFullLastPageHasNoNext() {
        store().putIfAbsent(call, group("a", "e", "r"));
        store().putIfAbsent(call, group("b", "e", "r"));

        GroupPage page = store().list(call, 0, 2);

        assertThat(page.groups()).hasSize(2);
        assertThat(page.next()).isEmpty();
    }

    @Test
    void replacesOnlyTheExpectedVersion() {
        store().putIfAbsent(call, group("g", "e1", "a"));

        assertThat(store().replace(call, "stale", group("g", "e2", "b"))).isFalse();
        assertThat(store().replace(call, "e1", group("g", "e2", "b"))).isTrue();
        assertThat(store().find(call, "g")).contains(group("g", "e2", "b"));
        assertThat(store().replace(call, "e1", group("g", "e3", "c"))).isFalse();
        assertThat(store().replace(call, "e1", group("absent", "e3", "c"))).isFalse();
    }

    @Test
    void replacingKeepsTheGroupsPlaceInTheList() {
        store().putIfAbsent(call, group("first", "e1", "a"));
        store().putIfAbsent(call, group("second", "e1", "a"));

        store().replace(call, "e1", group("first", "e2", "b"));

        assertThat(store().list(call, 0, 10).groups()).extracting(StoredGroup::id).containsExactly("first", "second");
    }

    @Test
    void deletesOnlyTheExpectedVersion() {
        store().putIfAbsent(call, group("g", "e1", "a"));

        assertThat(store().delete(call, "g", "stale")).isFalse();
        assertThat(store().find(call, "g")).isPresent();
        assertThat(store().delete(call, "g", "e1")).isTrue();
        assertThat(store().find(call, "g")).isEmpty();
        assertThat(store().delete(call, "g", "e1")).isFalse();
        assertThat(store().putIfAbsent(call, group("g", "e2", "b"))).isEmpty();
    }

    @Test
    void exactlyOneOfManyConcurrentCreatesOfAnIdWins() throws Exception {
        List<Optional<StoredGroup>> results = Concurrently.run(16, i -> store().putIfAbsent(call, group("g", "e" + i, "r" + i)));

        assertThat(results.stream().filter(Optional::isEmpty)).hasSize(1);
        StoredGroup winner = store().find(call, "g").orElseThrow();
        assertThat(results.stream().flatMap(Optional::stream)).allMatch(winner::equals);
    }

    @Test
    void exactlyOneOfManyConcurrentReplacesOfAVersionWins() throws Exception {
        store().putIfAbsent(call, group("g", "e0", "a"));

        List<Boolean> results = Concurrently.run(16, i -> store().replace(call, "e0", group("g", "e" + (i + 1), "r" + i)));

        assertThat(results.stream().filter(Boolean::booleanValue)).hasSize(1);
    }
}
