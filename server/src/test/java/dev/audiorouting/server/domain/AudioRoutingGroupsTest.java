package dev.audiorouting.server.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.audiorouting.server.store.InMemoryAudioRoutingGroupStore;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AudioRoutingGroupsTest {
    private final AtomicInteger ids = new AtomicInteger();
    private final AudioRoutingGroups groups = new AudioRoutingGroups(new InMemoryAudioRoutingGroupStore(),
            () -> "generated-" + ids.incrementAndGet());

    private static Call call(String id) {
        return new Call("tenant", id);
    }

    private static GroupDraft draft(String id, String... receivers) {
        return new GroupDraft(id, RoutingMode.MULTICAST, List.of("source"), List.of(receivers));
    }

    @Test
    void generatesAnIdWhenTheDraftHasNone() {
        assertThat(groups.create(call("call"), draft(null, "b")).id()).isEqualTo("generated-1");
        assertThat(groups.create(call("call"), draft(null, "b")).id()).isEqualTo("generated-2");
    }

    @Test
    void keepsTheIdTheClientChose() {
        assertThat(groups.create(call("call"), draft("mine", "b")).id()).isEqualTo("mine");
        assertThat(ids).hasValue(0);
    }

    @Test
    void repeatingACreateReturnsTheStoredGroup() {
        AudioRoutingGroup first = groups.create(call("call"), draft("g", "b", "c"));

        AudioRoutingGroup again = groups.create(call("call"), draft("g", "c", "b"));

        assertThat(again).isSameAs(first);
        assertThat(again.receivers()).containsExactly("b", "c");
    }

    @Test
    void refusesTheSameIdWithOtherContent() {
        groups.create(call("call"), draft("g", "b"));

        assertThatThrownBy(() -> groups.create(call("call"), draft("g", "c")))
                .isInstanceOfSatisfying(AudioRoutingGroupConflictException.class, e -> assertThat(e.groupId()).isEqualTo("g"));
        assertThat(groups.create(call("call"), draft("g", "b")).receivers()).containsExactly("b");
    }

    @Test
    void scopesIdsToTheirCall() {
        groups.create(call("call-1"), draft("g", "b"));

        assertThat(groups.create(call("call-2"), draft("g", "c")).receivers()).containsExactly("c");
    }

    @Test
    void scopesCallsToTheirTenant() {
        groups.create(new Call("tenant-a", "call"), draft("g", "b"));

        assertThat(groups.create(new Call("tenant-b", "call"), draft("g", "c")).receivers()).containsExactly("c");
        assertThatThrownBy(() -> groups.create(new Call("tenant-a", "call"), draft("g", "c")))
                .isInstanceOf(AudioRoutingGroupConflictException.class);
    }

    @Test
    void refusesAMissingBody() {
        assertThatThrownBy(() -> groups.create(call("call"), null))
                .isInstanceOfSatisfying(InvalidAudioRoutingGroupException.class, e -> assertThat(e.field()).isEqualTo("body"));
    }

    @Test
    void refusesAnInvalidCallId() {
        assertThatThrownBy(() -> call("c".repeat(Limits.MAX_ID_LENGTH + 1)))
                .isInstanceOfSatisfying(InvalidAudioRoutingGroupException.class, e -> assertThat(e.field()).isEqualTo("call-id"));
    }

    @Test
    void storesNothingForAnInvalidDraft() {
        assertThatThrownBy(() -> groups.create(call("call"), draft("g", "source"))).isInstanceOf(InvalidAudioRoutingGroupException.class);

        assertThat(groups.create(call("call"), draft("g", "b")).receivers()).containsExactly("b");
    }
}
