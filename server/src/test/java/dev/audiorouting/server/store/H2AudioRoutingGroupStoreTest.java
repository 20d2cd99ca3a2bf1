package dev.audiorouting.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.audiorouting.server.domain.AudioRoutingGroupStore;
import dev.audiorouting.server.domain.Call;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JDBC store on the embedded default: an H2 file in the data directory. */
class H2AudioRoutingGroupStoreTest extends AudioRoutingGroupStoreContract {
    @TempDir
    Path dataDir;
    private JdbcAudioRoutingGroupStore store;

    @BeforeEach
    void open() {
        store = JdbcAudioRoutingGroupStore.open(DatabaseConfig.embedded(dataDir));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Override
    protected AudioRoutingGroupStore store() {
        return store;
    }

    @Test
    void keepsGroupsWhenClosedAndOpenedAgain() {
        Call call = new Call("tenant", "call");
        store.putIfAbsent(call, group("g", "e1", "a"));
        store.close();

        store = JdbcAudioRoutingGroupStore.open(DatabaseConfig.embedded(dataDir));

        assertThat(store.find(call, "g")).contains(group("g", "e1", "a"));
    }
}
