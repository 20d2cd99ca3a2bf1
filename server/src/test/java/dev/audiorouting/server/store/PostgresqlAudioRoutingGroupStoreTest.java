package dev.audiorouting.server.store;

import dev.audiorouting.server.domain.AudioRoutingGroupStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** The JDBC store on PostgreSQL: run by {@code .ci/postgresql-tests}, which starts a server and sets the URL. */
@Tag("postgresql")
@EnabledIfEnvironmentVariable(named = PostgresqlAudioRoutingGroupStoreTest.URL, matches = "jdbc:postgresql:.*")
class PostgresqlAudioRoutingGroupStoreTest extends AudioRoutingGroupStoreContract {
    static final String URL = "AUDIO_ROUTING_TEST_POSTGRESQL_URL";
    private static JdbcAudioRoutingGroupStore store;

    static DatabaseConfig database() {
        return new DatabaseConfig(System.getenv(URL), null, null, DatabaseConfig.DEFAULT_POOL_SIZE);
    }

    @BeforeAll
    static void open() {
        store = JdbcAudioRoutingGroupStore.open(database());
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Override
    protected AudioRoutingGroupStore store() {
        return store;
    }
}
