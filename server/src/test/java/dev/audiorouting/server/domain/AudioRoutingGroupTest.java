package dev.audiorouting.server.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AudioRoutingGroupTest {

    private static AudioRoutingGroup group(RoutingMode mode, List<String> sources, String... receivers) {
        return new AudioRoutingGroup("g", mode, sources, Arrays.asList(receivers));
    }

    private static void assertRefused(ThrowingCallable creation, String field, String words) {
        assertThatThrownBy(creation)
                .isInstanceOfSatisfying(InvalidAudioRoutingGroupException.class, e -> assertThat(e.field()).isEqualTo(field))
                .hasMessageStartingWith(field + ": ")
                .hasMessageContaining(words);
    }

    @Nested
    class OneToOne {

        @Test
        void acceptsOneSourceAndOneReceiver() {
            assertThat(group(RoutingMode.ONE_TO_ONE, List.of("a"), "b").receivers()).containsExactly("b");
        }

        @Test
        void rejectsTwoReceivers() {
            assertRefused(() -> group(RoutingMode.ONE_TO_ONE, List.of("a"), "b", "c"), "receivers", "exactly one receiver, found 2");
        }

        @Test
        void rejectsNoReceivers() {
            assertRefused(() -> group(RoutingMode.ONE_TO_ONE, List.of("a")), "receivers", "found 0");
        }
    }

    @Nested
    class Multicast {

        @Test
        void acceptsUpToTheReceiverLimit() {
            String[] receivers = IntStream.range(0, Limits.MAX_RECEIVERS).mapToObj(i -> "r" + i).toArray(String[]::new);

            assertThat(group(RoutingMode.MULTICAST, List.of("a"), receivers).receivers()).hasSize(Limits.MAX_RECEIVERS);
        }

        @Test
        void rejectsOneReceiverOverTheLimit() {
            String[] receivers = IntStream.rangeClosed(0, Limits.MAX_RECEIVERS).mapToObj(i -> "r" + i).toArray(String[]::new);

            assertRefused(() -> group(RoutingMode.MULTICAST, List.of("a"), receivers), "receivers", "1 to 256 receivers, found 257");
        }

        @Test
        void rejectsNoReceivers() {
            assertRefused(() -> group(RoutingMode.MULTICAST, List.of("a")), "receivers", "found 0");
        }
    }

    @Nested
    class EveryMode {

        @Test
        void rejectsTwoSources() {
            assertRefused(() -> group(RoutingMode.MULTICAST, List.of("a", "b"), "c"), "sources", "exactly one source, found 2");
        }

        @Test
        void rejectsTheSourceAsAReceiver() {
            assertRefused(() -> group(RoutingMode.MULTICAST, List.of("a"), "b", "a"), "receivers", "the source 'a' cannot also be a receiver");
        }

        @Test
        void rejectsDuplicateReceivers() {
            assertRefused(() -> group(RoutingMode.MULTICAST, List.of("a"), "b", "b"), "receivers", "'b' appears more than once");
        }

        @Test
        void rejectsAMissingMode() {
            assertRefused(() -> group(null, List.of("a"), "b"), "routingMode", "is required");
        }

        @Test
        void rejectsMissingLists() {
            assertRefused(() -> new AudioRoutingGroup("g", RoutingMode.MULTICAST, null, List.of("b")), "sources", "is required");
            assertRefused(() -> new AudioRoutingGroup("g", RoutingMode.MULTICAST, List.of("a"), null), "receivers", "is required");
        }

        @Test
        void rejectsNullAndEmptyParticipantIds() {
            assertRefused(() -> group(RoutingMode.MULTICAST, List.of("a"), "b", null), "receivers", "cannot be null");
            assertRefused(() -> group(RoutingMode.MULTICAST, List.of(""), "b"), "sources", "cannot be empty");
        }

        @Test
        void countsIdLengthInCodePointsAsJsonSchemaDoes() {
            String maxOfEmoji = "\ud83c\udfb5".repeat(Limits.MAX_ID_LENGTH);

            assertThat(new AudioRoutingGroup(maxOfEmoji, RoutingMode.ONE_TO_ONE, List.of("a"), List.of("b")).id()).isEqualTo(maxOfEmoji);
            assertRefused(() -> new AudioRoutingGroup(maxOfEmoji + "x", RoutingMode.ONE_TO_ONE, List.of("a"), List.of("b")),
                    "id", "at most 128 characters, found 129");
        }

        @Test
        void acceptsAnyNonEmptyTextAsAnId() {
            AudioRoutingGroup group = new AudioRoutingGroup(" 50 ?é# ", RoutingMode.ONE_TO_ONE, List.of(" 50% /\\ "), List.of("b c \ud83c\udfb5"));

            assertThat(group.id()).isEqualTo(" 50 ?é# ");
            assertThat(group.sources()).containsExactly(" 50% /\\ ");
        }

        @ParameterizedTest
        @ValueSource(strings = {"nul\u0000", "tab\t", "new\nline", "del\u007F", "lone \ud83c", "lone \udfb5 low"})
        void refusesControlCharactersAndUnpairedSurrogatesInIds(String id) {
            assertThatThrownBy(() -> new AudioRoutingGroup(id, RoutingMode.ONE_TO_ONE, List.of("a"), List.of("b")))
                    .isInstanceOfSatisfying(InvalidAudioRoutingGroupException.class, e -> assertThat(e.field()).isEqualTo("id"));
            assertThatThrownBy(() -> new AudioRoutingGroup("g", RoutingMode.ONE_TO_ONE, List.of("a"), List.of(id)))
                    .isInstanceOfSatisfying(InvalidAudioRoutingGroupException.class, e -> assertThat(e.field()).isEqualTo("receivers"));
        }

        @Test
        void keepsItsOwnCopyOfTheLists() {
            List<String> receivers = new ArrayList<>(List.of("b"));
            AudioRoutingGroup group = new AudioRoutingGroup("g", RoutingMode.MULTICAST, List.of("a"), receivers);

            receivers.add("c");

            assertThat(group.receivers()).containsExactly("b");
        }
    }

    @Nested
    class SameContent {

        @Test
        void ignoresTheOrderOfReceivers() {
            assertThat(group(RoutingMode.MULTICAST, List.of("a"), "b", "c").sameContentAs(group(RoutingMode.MULTICAST, List.of("a"), "c", "b"))).isTrue();
        }

        @Test
        void seesEveryOtherDifference() {
            AudioRoutingGroup group = group(RoutingMode.MULTICAST, List.of("a"), "b");

            assertThat(group.sameContentAs(group(RoutingMode.ONE_TO_ONE, List.of("a"), "b"))).isFalse();
            assertThat(group.sameContentAs(group(RoutingMode.MULTICAST, List.of("x"), "b"))).isFalse();
            assertThat(group.sameContentAs(group(RoutingMode.MULTICAST, List.of("a"), "b", "c"))).isFalse();
            assertThat(group.sameContentAs(new AudioRoutingGroup("other", RoutingMode.MULTICAST, List.of("a"), List.of("b")))).isFalse();
        }
    }
}
