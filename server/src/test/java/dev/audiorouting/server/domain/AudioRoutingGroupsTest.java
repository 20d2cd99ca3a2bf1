package dev.audiorouting.server.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.audiorouting.server.store.ForwardingAudioRoutingGroupStore;
import dev.audiorouting.server.store.InMemoryAudioRoutingGroupStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AudioRoutingGroupsTest {
    private static final Call CALL = call("call");

    private final AtomicInteger ids = new AtomicInteger();
    private final AtomicInteger etags = new AtomicInteger();
    private final AudioRoutingGroups groups = groupsOn(new InMemoryAudioRoutingGroupStore());

    private AudioRoutingGroups groupsOn(AudioRoutingGroupStore store) {
        return new AudioRoutingGroups(store, () -> "generated-" + ids.incrementAndGet(), () -> "etag-" + etags.incrementAndGet());
    }

    private static Call call(String id) {
        return new Call("tenant", id);
    }

    private static GroupDraft draft(String id, String... receivers) {
        return new GroupDraft(id, RoutingMode.MULTICAST, List.of("source"), List.of(receivers));
    }

    private static GroupChanges receivers(String... receivers) {
        return new GroupChanges(null, null, null, List.of(receivers));
    }

    @Nested
    class Create {

        @Test
        void generatesAnIdWhenTheDraftHasNone() {
            assertThat(groups.create(CALL, draft(null, "b")).id()).isEqualTo("generated-1");
            assertThat(groups.create(CALL, draft(null, "b")).id()).isEqualTo("generated-2");
        }

        @Test
        void keepsTheIdTheClientChose() {
            assertThat(groups.create(CALL, draft("mine", "b")).id()).isEqualTo("mine");
            assertThat(ids).hasValue(0);
        }

        @Test
        void repeatingACreateReturnsTheStoredGroup() {
            StoredGroup first = groups.create(CALL, draft("g", "b", "c"));

            StoredGroup again = groups.create(CALL, draft("g", "c", "b"));

            assertThat(again).isEqualTo(first);
            assertThat(again.group().receivers()).containsExactly("b", "c");
        }

        @Test
        void refusesTheSameIdWithOtherContent() {
            groups.create(CALL, draft("g", "b"));

            assertThatThrownBy(() -> groups.create(CALL, draft("g", "c")))
                    .isInstanceOfSatisfying(AudioRoutingGroupConflictException.class, e -> assertThat(e.groupId()).isEqualTo("g"));
            assertThat(groups.get(CALL, "g").group().receivers()).containsExactly("b");
        }

        @Test
        void scopesIdsToTheirCall() {
            groups.create(call("call-1"), draft("g", "b"));

            assertThat(groups.create(call("call-2"), draft("g", "c")).group().receivers()).containsExactly("c");
        }

        @Test
        void scopesCallsToTheirTenant() {
            groups.create(new Call("tenant-a", "call"), draft("g", "b"));

            assertThat(groups.create(new Call("tenant-b", "call"), draft("g", "c")).group().receivers()).containsExactly("c");
            assertThatThrownBy(() -> groups.create(new Call("tenant-a", "call"), draft("g", "c")))
                    .isInstanceOf(AudioRoutingGroupConflictException.class);
        }

        @Test
        void refusesAMissingBody() {
            assertThatThrownBy(() -> groups.create(CALL, null))
                    .isInstanceOfSatisfying(InvalidAudioRoutingGroupException.class, e -> assertThat(e.field()).isEqualTo("body"));
        }

        @Test
        void refusesAnInvalidCallId() {
            assertThatThrownBy(() -> call("c".repeat(Limits.MAX_ID_LENGTH + 1)))
                    .isInstanceOfSatisfying(InvalidAudioRoutingGroupException.class, e -> assertThat(e.field()).isEqualTo("call-id"));
        }

        @Test
        void storesNothingForAnInvalidDraft() {
            assertThatThrownBy(() -> groups.create(CALL, draft("g", "source"))).isInstanceOf(InvalidAudioRoutingGroupException.class);

            assertThatThrownBy(() -> groups.get(CALL, "g")).isInstanceOf(AudioRoutingGroupNotFoundException.class);
        }
    }

    @Nested
    class ListAndGet {

        @Test
        void pagesThroughEveryGroupInCreationOrder() {
            List<String> created = List.of("z", "a", "m", "b", "y");
            created.forEach(id -> groups.create(CALL, draft(id, "r")));

            List<String> seen = new ArrayList<>();
            long after = 0;
            int pages = 0;
            while (true) {
                GroupPage page = groups.list(CALL, after, 2);
                page.groups().forEach(group -> seen.add(group.id()));
                pages++;
                if (page.next().isEmpty()) {
                    break;
                }
                after = page.next().getAsLong();
            }

            assertThat(seen).containsExactlyElementsOf(created);
            assertThat(pages).isEqualTo(3);
        }

        @Test
        void aCallWithoutGroupsHasAnEmptyPage() {
            GroupPage page = groups.list(call("empty"), 0, Limits.MAX_PAGE_SIZE);

            assertThat(page.groups()).isEmpty();
            assertThat(page.next()).isEmpty();
        }

        @Test
        void refusesPageSizesOutsideTheBounds() {
            assertThatThrownBy(() -> groups.list(CALL, 0, 0)).hasMessageStartingWith("$top:");
            assertThatThrownBy(() -> groups.list(CALL, 0, Limits.MAX_PAGE_SIZE + 1)).hasMessageStartingWith("$top:");
        }

        @Test
        void getsAGroupOrSaysItIsNotThere() {
            StoredGroup created = groups.create(CALL, draft("g", "b"));

            assertThat(groups.get(CALL, "g")).isEqualTo(created);
            assertThatThrownBy(() -> groups.get(CALL, "other")).isInstanceOf(AudioRoutingGroupNotFoundException.class);
            assertThatThrownBy(() -> groups.get(new Call("other-tenant", "call"), "g")).isInstanceOf(AudioRoutingGroupNotFoundException.class);
        }
    }

    @Nested
    class Update {

        @Test
        void replacesTheReceiversWithANewEtag() {
            StoredGroup created = groups.create(CALL, draft("g", "b"));

            StoredGroup updated = groups.update(CALL, "g", receivers("c", "d"), Precondition.NONE);

            assertThat(updated.group().receivers()).containsExactly("c", "d");
            assertThat(updated.etag()).isNotEqualTo(created.etag());
            assertThat(groups.get(CALL, "g")).isEqualTo(updated);
        }

        @Test
        void acceptsTheCurrentValuesOfWhatCannotChange() {
            groups.create(CALL, draft("g", "b"));

            StoredGroup updated = groups.update(CALL, "g",
                    new GroupChanges("g", RoutingMode.MULTICAST, List.of("source"), List.of("c")), Precondition.NONE);

            assertThat(updated.group().receivers()).containsExactly("c");
        }

        @Test
        void refusesToChangeSourcesModeOrIdAndChangesNothing() {
            StoredGroup created = groups.create(CALL, draft("g", "b"));

            assertThatThrownBy(() -> groups.update(CALL, "g", new GroupChanges(null, null, List.of("other"), List.of("c")), Precondition.NONE))
                    .hasMessageContaining("delete the group and create it again");
            assertThatThrownBy(() -> groups.update(CALL, "g", new GroupChanges(null, RoutingMode.ONE_TO_ONE, null, null), Precondition.NONE))
                    .hasMessageContaining("delete the group and create it again");
            assertThatThrownBy(() -> groups.update(CALL, "g", new GroupChanges("h", null, null, null), Precondition.NONE))
                    .isInstanceOfSatisfying(InvalidAudioRoutingGroupException.class, e -> assertThat(e.field()).isEqualTo("id"));
            assertThat(groups.get(CALL, "g")).isEqualTo(created);
        }

        @Test
        void keepsTheRulesOfTheRoutingMode() {
            groups.create(CALL, new GroupDraft("one", RoutingMode.ONE_TO_ONE, List.of("source"), List.of("b")));

            assertThatThrownBy(() -> groups.update(CALL, "one", receivers("b", "c"), Precondition.NONE))
                    .hasMessageContaining("exactly one receiver");
            assertThatThrownBy(() -> groups.update(CALL, "one", receivers("source"), Precondition.NONE))
                    .hasMessageContaining("cannot also be a receiver");
        }

        @Test
        void withAStaleEtagIsRefusedAndChangesNothing() {
            StoredGroup created = groups.create(CALL, draft("g", "b"));
            StoredGroup updated = groups.update(CALL, "g", receivers("c"), Precondition.etagIn(Set.of(created.etag())));

            assertThatThrownBy(() -> groups.update(CALL, "g", receivers("d"), Precondition.etagIn(Set.of(created.etag()))))
                    .isInstanceOf(AudioRoutingGroupModifiedException.class);
            assertThat(groups.get(CALL, "g")).isEqualTo(updated);
        }

        @Test
        void thatLosesARaceWithoutIfMatchIsAppliedToTheWinner() {
            AtomicBoolean raced = new AtomicBoolean();
            InMemoryAudioRoutingGroupStore memory = new InMemoryAudioRoutingGroupStore();
            AudioRoutingGroups racing = groupsOn(new ForwardingAudioRoutingGroupStore(memory) {
                @Override
                public boolean replace(Call call, String expectedEtag, StoredGroup replacement) {
                    if (raced.compareAndSet(false, true)) {
                        // Another writer gets in between our read and our write.
                        StoredGroup current = memory.find(call, replacement.id()).orElseThrow();
                        memory.replace(call, current.etag(), new StoredGroup(current.group().with(receivers("x")), "theirs"));
                    }
                    return super.replace(call, expectedEtag, replacement);
                }
            });
            racing.create(CALL, draft("g", "b"));

            StoredGroup updated = racing.update(CALL, "g", receivers("c"), Precondition.NONE);

            assertThat(updated.group().receivers()).containsExactly("c");
            assertThat(racing.get(CALL, "g")).isEqualTo(updated);
        }

        @Test
        void ofAGroupThatIsNotThereIsNotFound() {
            assertThatThrownBy(() -> groups.update(CALL, "absent", receivers("c"), Precondition.NONE))
                    .isInstanceOf(AudioRoutingGroupNotFoundException.class);
        }
    }

    @Nested
    class Delete {

        @Test
        void removesTheGroupSoItCanBeCreatedAnew() {
            groups.create(CALL, draft("g", "b"));

            groups.delete(CALL, "g", Precondition.NONE);

            assertThatThrownBy(() -> groups.get(CALL, "g")).isInstanceOf(AudioRoutingGroupNotFoundException.class);
            assertThat(groups.create(CALL, draft("g", "c")).group().receivers()).containsExactly("c");
        }

        @Test
        void withAStaleEtagIsRefused() {
            StoredGroup created = groups.create(CALL, draft("g", "b"));
            groups.update(CALL, "g", receivers("c"), Precondition.NONE);

            assertThatThrownBy(() -> groups.delete(CALL, "g", Precondition.etagIn(Set.of(created.etag()))))
                    .isInstanceOf(AudioRoutingGroupModifiedException.class);
            assertThat(groups.get(CALL, "g").group().receivers()).containsExactly("c");
        }

        @Test
        void anEtagOfADeletedGroupNeverMatchesItsSuccessor() {
            StoredGroup first = groups.create(CALL, draft("g", "b"));
            groups.delete(CALL, "g", Precondition.NONE);
            groups.create(CALL, draft("g", "b"));

            assertThatThrownBy(() -> groups.delete(CALL, "g", Precondition.etagIn(Set.of(first.etag()))))
                    .isInstanceOf(AudioRoutingGroupModifiedException.class);
        }

        @Test
        void ofAGroupThatIsNotThereIsNotFound() {
            assertThatThrownBy(() -> groups.delete(CALL, "absent", Precondition.NONE))
                    .isInstanceOf(AudioRoutingGroupNotFoundException.class);
        }
    }
}
