package dev.audiorouting.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.audiorouting.server.domain.AudioRoutingGroup;
import dev.audiorouting.server.domain.Call;
import dev.audiorouting.server.domain.RoutingMode;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class InMemoryAudioRoutingGroupStoreTest {
    private final InMemoryAudioRoutingGroupStore store = new InMemoryAudioRoutingGroupStore();

    private static AudioRoutingGroup group(String id, String receiver) {
        return new AudioRoutingGroup(id, RoutingMode.ONE_TO_ONE, List.of("source"), List.of(receiver));
    }

    @Test
    void storesAGroupOnce() {
        assertThat(store.putIfAbsent(new Call("tenant", "call"), group("g", "a"))).isEmpty();
        assertThat(store.putIfAbsent(new Call("tenant", "call"), group("g", "b"))).contains(group("g", "a"));
    }

    @Test
    void keepsCallsApart() {
        store.putIfAbsent(new Call("tenant", "call-1"), group("g", "a"));

        assertThat(store.putIfAbsent(new Call("tenant", "call-2"), group("g", "b"))).isEmpty();
    }

    @Test
    void keepsTenantsApart() {
        store.putIfAbsent(new Call("tenant-a", "call"), group("g", "a"));

        assertThat(store.putIfAbsent(new Call("tenant-b", "call"), group("g", "b"))).isEmpty();
        assertThat(store.putIfAbsent(new Call("tenant-a", "call"), group("g", "c"))).contains(group("g", "a"));
    }

    @Test
    void exactlyOneOfManyConcurrentCreatesOfAnIdWins() throws Exception {
        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Optional<AudioRoutingGroup>>> results = IntStream.range(0, threads)
                    .mapToObj(i -> pool.submit(() -> {
                        start.await();
                        return store.putIfAbsent(new Call("tenant", "call"), group("g", "receiver-" + i));
                    }))
                    .toList();
            start.countDown();

            long winners = 0;
            for (Future<Optional<AudioRoutingGroup>> result : results) {
                winners += result.get().isEmpty() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
