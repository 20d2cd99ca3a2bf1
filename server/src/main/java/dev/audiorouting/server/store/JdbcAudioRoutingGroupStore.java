package dev.audiorouting.server.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.audiorouting.server.domain.AudioRoutingGroup;
import dev.audiorouting.server.domain.AudioRoutingGroupStore;
import dev.audiorouting.server.domain.Call;
import dev.audiorouting.server.domain.GroupPage;
import dev.audiorouting.server.domain.RoutingMode;
import dev.audiorouting.server.domain.StoreUnavailableException;
import dev.audiorouting.server.domain.StoredGroup;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import javax.sql.DataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;

/**
 * Keeps groups in a relational database (H2 or PostgreSQL) through a connection pool. The schema is migrated
 * by Flyway on open. Every method is one statement, so the database's own guarantees (the primary key, the
 * compare-and-set {@code WHERE etag = ?}) make it safe for any number of servers sharing the database.
 */
public final class JdbcAudioRoutingGroupStore implements AudioRoutingGroupStore, AutoCloseable {
    /** PostgreSQL and H2 both report a primary key violation with this SQL state. */
    private static final String UNIQUE_VIOLATION = "23505";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> IDS = new TypeReference<>() {
    };
    private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(5);
    /** A stuck database (a lock, a partition) answers 503 after this long instead of holding requests. */
    private static final int QUERY_TIMEOUT_SECONDS = 5;
    private static final String COLUMNS = "group_id, routing_mode, sources, receivers, etag";

    private final HikariDataSource pool;
    /**
     * H2 acknowledges a commit before its file has it (even with WRITE_DELAY=0, under concurrent commits), so a
     * killed process could lose answered writes (ServerJarIT saw it): its writes wait for a CHECKPOINT, which
     * writes the file (no fsync: the kernel keeps what a killed process wrote).
     */
    private final Durability durability;
    private final boolean h2;

    private JdbcAudioRoutingGroupStore(HikariDataSource pool, boolean h2) {
        this.pool = pool;
        this.h2 = h2;
        this.durability = h2 ? new SharedCheckpoints(QUERY_TIMEOUT_SECONDS) : Durability.COMMIT;
    }

    /**
     * Connects, and brings the schema up to date.
     *
     * @throws StoreUnavailableException if the database cannot be reached or migrated
     */
    public static JdbcAudioRoutingGroupStore open(DatabaseConfig config) {
        return open(config, new HikariConfig());
    }

    /** The same, with the connection pool's gauges and timers in {@code meters}. */
    public static JdbcAudioRoutingGroupStore open(DatabaseConfig config, MeterRegistry meters) {
        HikariConfig hikari = new HikariConfig();
        hikari.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(meters));
        return open(config, hikari);
    }

    private static JdbcAudioRoutingGroupStore open(DatabaseConfig config, HikariConfig hikari) {
        hikari.setPoolName("store");
        hikari.setJdbcUrl(config.url());
        hikari.setUsername(config.user());
        hikari.setPassword(config.password());
        hikari.setMaximumPoolSize(config.poolSize());
        // A request waits at most this long for a connection, then answers 503: better than hanging for 30 s.
        hikari.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
        if (!config.isH2()) {
            // PostgreSQL's driver waits forever on a dead socket unless told otherwise (seconds).
            hikari.addDataSourceProperty("socketTimeout", QUERY_TIMEOUT_SECONDS * 6);
        }
        try {
            HikariDataSource pool = new HikariDataSource(hikari);
            try {
                requireUnicode(pool, config);
                migrate(pool);
                return new JdbcAudioRoutingGroupStore(pool, config.isH2());
            } catch (RuntimeException e) {
                pool.close();
                throw e;
            }
        } catch (RuntimeException e) {
            throw new StoreUnavailableException("cannot open the database " + config + ": " + rootMessage(e), e);
        }
    }

    /** A PostgreSQL database in another encoding would refuse every id outside it, forever: refuse to start instead. */
    private static void requireUnicode(DataSource database, DatabaseConfig config) {
        if (config.isH2()) {
            return;
        }
        try (Connection connection = database.getConnection();
             Statement show = connection.createStatement();
             ResultSet encoding = show.executeQuery("SHOW server_encoding")) {
            encoding.next();
            if (!"UTF8".equalsIgnoreCase(encoding.getString(1))) {
                throw new IllegalStateException("the database is encoded in " + encoding.getString(1)
                        + ", not UTF8, so it cannot store every id; create it with ENCODING 'UTF8'");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static void migrate(DataSource database) {
        flyway(database).migrate();
    }

    private static Flyway flyway(DataSource database) {
        return Flyway.configure().dataSource(database).locations("classpath:db/migration").load();
    }

    /** Why the database cannot be used right now, if it cannot: for readiness probes. */
    public Optional<String> connectionProblem() {
        try (Connection connection = pool.getConnection(); Statement probe = connection.createStatement()) {
            probe.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
            probe.execute("SELECT 1");
            return Optional.empty();
        } catch (SQLException e) {
            return Optional.of("cannot reach the database: " + e.getMessage());
        }
    }

    /**
     * Why the schema lacks what this server needs, if it does: for readiness probes. A newer schema is fine (it
     * is what a rolling upgrade's first new server leaves for the old ones still running).
     */
    public Optional<String> schemaProblem() {
        try {
            MigrationInfo[] pending = flyway(pool).info().pending();
            return pending.length == 0 ? Optional.empty()
                    : Optional.of(pending.length + " migration(s) not applied, from version " + pending[0].getVersion());
        } catch (FlywayException e) {
            return Optional.of("cannot read the schema version: " + rootMessage(e));
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    @Override
    public Optional<StoredGroup> putIfAbsent(Call call, StoredGroup group) {
        while (true) {
            try {
                insert(call, group);
                return Optional.empty();
            } catch (SQLException e) {
                if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw failure("store", e);
                }
            }
            Optional<StoredGroup> existing = find(call, group.id());
            if (existing.isPresent()) {
                return existing;
            }
            // Deleted between our insert and our read: try again.
        }
    }

    private void insert(Call call, StoredGroup group) throws SQLException {
        try (Connection connection = pool.getConnection();
             PreparedStatement insert = prepare(connection, "INSERT INTO audio_routing_group"
                     + " (tenant_id, call_id, group_id, routing_mode, sources, receivers, etag) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            bindCall(insert, call);
            insert.setString(3, group.id());
            bindContent(insert, 4, group);
            insert.executeUpdate();
            makeDurable(connection);
        }
    }

    @Override
    public Optional<StoredGroup> find(Call call, String groupId) {
        try (Connection connection = pool.getConnection();
             PreparedStatement select = prepare(connection, "SELECT " + COLUMNS
                     + " FROM audio_routing_group WHERE tenant_id = ? AND call_id = ? AND group_id = ?")) {
            bindCall(select, call);
            select.setString(3, groupId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(groupOf(row)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("read", e);
        }
    }

    @Override
    public GroupPage list(Call call, long after, int limit) {
        try (Connection connection = pool.getConnection();
             PreparedStatement select = prepare(connection, "SELECT " + COLUMNS + ", seq"
                     + " FROM audio_routing_group WHERE tenant_id = ? AND call_id = ? AND seq > ? ORDER BY seq LIMIT ?")) {
            bindCall(select, call);
            select.setLong(3, after);
            // One more than asked, to know whether there is a next page.
            select.setInt(4, limit + 1);
            List<StoredGroup> page = new ArrayList<>(limit);
            long last = after;
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    if (page.size() == limit) {
                        return new GroupPage(page, OptionalLong.of(last));
                    }
                    page.add(groupOf(rows));
                    last = rows.getLong("seq");
                }
            }
            return new GroupPage(page, OptionalLong.empty());
        } catch (SQLException e) {
            throw failure("list", e);
        }
    }

    @Override
    public boolean replace(Call call, String expectedEtag, StoredGroup replacement) {
        return changeOne("update", "UPDATE audio_routing_group SET routing_mode = ?, sources = ?, receivers = ?, etag = ?"
                + " WHERE tenant_id = ? AND call_id = ? AND group_id = ? AND etag = ?", statement -> {
                    bindContent(statement, 1, replacement);
                    bindRow(statement, 5, call, replacement.id(), expectedEtag);
                });
    }

    @Override
    public boolean delete(Call call, String groupId, String expectedEtag) {
        return changeOne("delete", "DELETE FROM audio_routing_group WHERE tenant_id = ? AND call_id = ? AND group_id = ? AND etag = ?",
                statement -> bindRow(statement, 1, call, groupId, expectedEtag));
    }

    /** Runs a compare-and-set write: whether it changed the one row, made durable before this returns. */
    private boolean changeOne(String action, String sql, Binding binding) {
        try (Connection connection = pool.getConnection(); PreparedStatement statement = prepare(connection, sql)) {
            binding.bind(statement);
            boolean changed = statement.executeUpdate() == 1;
            if (changed) {
                makeDurable(connection);
            }
            return changed;
        } catch (SQLException e) {
            throw failure(action, e);
        }
    }

    /**
     * The write is committed and visible: if it cannot reach the file, that is a failure of ours (500), not a
     * refusal worth repeating (503), since a repeat would find it done.
     */
    private void makeDurable(Connection connection) {
        try {
            durability.afterCommit(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("a committed write could not be written to the file, so a crash may lose it: "
                    + e.getMessage(), e);
        }
    }

    private interface Binding {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /** Binds tenant, call, group id and expected etag, from parameter {@code first} on. */
    private static void bindRow(PreparedStatement statement, int first, Call call, String groupId, String etag) throws SQLException {
        statement.setString(first, call.tenantId());
        statement.setString(first + 1, call.id());
        statement.setString(first + 2, groupId);
        statement.setString(first + 3, etag);
    }

    private static PreparedStatement prepare(Connection connection, String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
        return statement;
    }

    /** For H2, compacts the file too: it holds the space of replaced data until then. */
    @Override
    public void close() {
        if (h2) {
            try (Connection connection = pool.getConnection(); Statement shutdown = connection.createStatement()) {
                shutdown.execute("SHUTDOWN COMPACT");
            } catch (SQLException e) {
                // Closing anyway; H2 compacts on its next start.
            }
        }
        pool.close();
    }

    private static void bindCall(PreparedStatement statement, Call call) throws SQLException {
        statement.setString(1, call.tenantId());
        statement.setString(2, call.id());
    }

    /** Binds routing mode, sources, receivers and etag, from parameter {@code first} on. */
    private static void bindContent(PreparedStatement statement, int first, StoredGroup stored) throws SQLException {
        AudioRoutingGroup group = stored.group();
        statement.setString(first, group.routingMode().name());
        statement.setString(first + 1, json(group.sources()));
        statement.setString(first + 2, json(group.receivers()));
        statement.setString(first + 3, stored.etag());
    }

    /** A stored row that breaks today's rules (written by an older server?) is our problem, not the client's. */
    private static StoredGroup groupOf(ResultSet row) throws SQLException {
        String id = row.getString("group_id");
        try {
            AudioRoutingGroup group = new AudioRoutingGroup(id, RoutingMode.valueOf(row.getString("routing_mode")),
                    ids(row.getString("sources")), ids(row.getString("receivers")));
            return new StoredGroup(group, row.getString("etag"));
        } catch (RuntimeException e) {
            throw new IllegalStateException("the stored group '" + id + "' is not valid: " + e.getMessage(), e);
        }
    }

    private static String json(List<String> ids) {
        try {
            return JSON.writeValueAsString(ids);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write participant ids", e);
        }
    }

    private static List<String> ids(String json) {
        try {
            return JSON.readValue(json, IDS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable participant ids in the database: " + json, e);
        }
    }

    private static StoreUnavailableException failure(String action, SQLException e) {
        return new StoreUnavailableException("cannot " + action + " audio routing groups: " + e.getMessage(), e);
    }
}
