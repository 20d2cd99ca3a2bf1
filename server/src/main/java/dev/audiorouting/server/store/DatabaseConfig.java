package dev.audiorouting.server.store;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where {@link JdbcAudioRoutingGroupStore} keeps groups.
 *
 * @param url      a JDBC URL: H2 ({@code jdbc:h2:...}) or PostgreSQL ({@code jdbc:postgresql://...})
 * @param user     {@code null} when the URL or the database needs none
 * @param password {@code null} when the URL or the database needs none
 * @param poolSize the most connections held open
 */
public record DatabaseConfig(String url, String user, String password, int poolSize) {
    public static final int DEFAULT_POOL_SIZE = 10;
    static final String EMBEDDED_FILE_NAME = "audio-routing-groups";

    public DatabaseConfig {
        Objects.requireNonNull(url, "url");
        if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("the database URL must be jdbc:h2:... or jdbc:postgresql://..., not " + url);
        }
        if (poolSize < 1) {
            throw new IllegalArgumentException("the database pool size must be at least 1, not " + poolSize);
        }
    }

    /**
     * The default: an H2 database file in the data directory. Every commit is written to the file before the
     * answer goes out ({@code WRITE_DELAY=0}), so a killed process loses no answered create; and H2 does not
     * close the database on its own at JVM exit, since the server closes it after the last request.
     */
    public static DatabaseConfig embedded(Path dataDir) {
        String file = dataDir.toAbsolutePath().resolve(EMBEDDED_FILE_NAME).toString();
        return new DatabaseConfig("jdbc:h2:file:" + file + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE", null, null, DEFAULT_POOL_SIZE);
    }

    public DatabaseConfig withPoolSize(int size) {
        return new DatabaseConfig(url, user, password, size);
    }

    /** Never the password, since this ends up in logs. */
    @Override
    public String toString() {
        return url + (user == null ? "" : " as " + user);
    }
}
