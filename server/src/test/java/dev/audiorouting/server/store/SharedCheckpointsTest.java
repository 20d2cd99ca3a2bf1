package dev.audiorouting.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.audiorouting.server.Concurrently;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SharedCheckpointsTest {
    /** Stands for H2: a checkpoint puts on file what was committed before it started. */
    private final Set<Integer> committed = ConcurrentHashMap.newKeySet();
    private final Set<Integer> onFile = ConcurrentHashMap.newKeySet();
    private final AtomicInteger checkpoints = new AtomicInteger();

    @Test
    void everyWriteIsOnFileWhenItReturnsAndConcurrentWritesShareCheckpoints() throws Exception {
        SharedCheckpoints shared = new SharedCheckpoints(5);
        Connection connection = connection(() -> {
            Set<Integer> snapshot = Set.copyOf(committed);
            pause(2);
            onFile.addAll(snapshot);
        });
        int writers = 16;
        int writesEach = 40;
        List<List<Integer>> missing = Concurrently.run(writers, writer -> {
            List<Integer> notOnFile = new ArrayList<>();
            for (int i = 0; i < writesEach; i++) {
                int write = writer * writesEach + i;
                committed.add(write);
                shared.afterCommit(connection);
                if (!onFile.contains(write)) {
                    notOnFile.add(write);
                }
            }
            return notOnFile;
        });
        assertThat(missing).as("writes answered before a checkpoint had them").allSatisfy(writes -> assertThat(writes).isEmpty());
        assertThat(checkpoints.get()).as("checkpoints for %d writes", writers * writesEach)
                .isPositive().isLessThanOrEqualTo(writers * writesEach / 2);
    }

    @Test
    void aWriterWaitsForAStuckCheckpointOnlyAsLongAsTheTimeout() throws Exception {
        SharedCheckpoints shared = new SharedCheckpoints(1);
        CountDownLatch stuck = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Connection connection = connection(() -> {
            stuck.countDown();
            await(release);
        });
        Thread first = new Thread(() -> {
            try {
                shared.afterCommit(connection);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        first.start();
        try {
            await(stuck);
            assertThatThrownBy(() -> shared.afterCommit(connection)).isInstanceOf(SQLTimeoutException.class)
                    .hasMessageContaining("not yet on file");
        } finally {
            release.countDown();
            first.join();
        }
    }

    /** A connection whose statements run {@code checkpoint} on "CHECKPOINT", and do nothing else. */
    private Connection connection(Runnable checkpoint) {
        Statement statement = (Statement) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Statement.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("execute") && "CHECKPOINT".equals(args[0])) {
                        checkpoints.incrementAndGet();
                        checkpoint.run();
                        return false;
                    }
                    return null;
                });
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> method.getName().equals("createStatement") ? statement : null);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
