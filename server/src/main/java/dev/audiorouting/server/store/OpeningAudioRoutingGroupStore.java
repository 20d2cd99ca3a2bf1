package dev.audiorouting.server.store;

import dev.audiorouting.server.domain.AudioRoutingGroupStore;
import dev.audiorouting.server.domain.Call;
import dev.audiorouting.server.domain.GroupPage;
import dev.audiorouting.server.domain.StoredGroup;
import dev.audiorouting.server.domain.StoreUnavailableException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * A {@link JdbcAudioRoutingGroupStore} opened in the background, so that the server gets its listener ready at
 * the same time: connecting and migrating takes about as long as starting Jersey, and the two together were most
 * of the start-up time. A request that comes before the store is open waits for it.
 */
public final class OpeningAudioRoutingGroupStore implements AudioRoutingGroupStore, AutoCloseable {
    private final CompletableFuture<JdbcAudioRoutingGroupStore> opening;

    private OpeningAudioRoutingGroupStore(CompletableFuture<JdbcAudioRoutingGroupStore> opening) {
        this.opening = opening;
    }

    /** Starts opening the database, with the pool's meters in {@code meters}, and returns at once. */
    public static OpeningAudioRoutingGroupStore open(DatabaseConfig config, MeterRegistry meters) {
        return new OpeningAudioRoutingGroupStore(CompletableFuture.supplyAsync(() -> JdbcAudioRoutingGroupStore.open(config, meters)));
    }

    /** What {@code check} finds wrong with the open store; or that it is still opening, or could not be opened. */
    public Optional<String> problem(Function<JdbcAudioRoutingGroupStore, Optional<String>> check) {
        if (!opening.isDone()) {
            return Optional.of("the database is still being opened");
        }
        try {
            return check.apply(awaitOpen());
        } catch (StoreUnavailableException e) {
            return Optional.of(e.getMessage());
        }
    }

    /**
     * Returns once the store is open.
     *
     * @throws StoreUnavailableException if it could not be opened
     */
    public JdbcAudioRoutingGroupStore awaitOpen() {
        try {
            return opening.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof StoreUnavailableException unavailable ? unavailable
                    : new StoreUnavailableException("cannot open the database: " + e.getCause().getMessage(), e.getCause());
        }
    }

    @Override
    public Optional<StoredGroup> putIfAbsent(Call call, StoredGroup group) {
        return awaitOpen().putIfAbsent(call, group);
    }

    @Override
    public Optional<StoredGroup> find(Call call, String groupId) {
        return awaitOpen().find(call, groupId);
    }

    @Override
    public GroupPage list(Call call, long after, int limit) {
        return awaitOpen().list(call, after, limit);
    }

    @Override
    public boolean replace(Call call, String expectedEtag, StoredGroup replacement) {
        return awaitOpen().replace(call, expectedEtag, replacement);
    }

    @Override
    public boolean delete(Call call, String groupId, String expectedEtag) {
        return awaitOpen().delete(call, groupId, expectedEtag);
    }

    /** Waits for the opening to end, and closes what it opened. */
    @Override
    public void close() {
        try {
            opening.join().close();
        } catch (CompletionException e) {
            // Nothing was opened.
        }
    }
}
