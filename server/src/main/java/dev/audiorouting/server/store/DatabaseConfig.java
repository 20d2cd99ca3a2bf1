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
     * The default: an H2 database file in the data directory. The store writes the file after every change
     * (see {@link JdbcAudioRoutingGroupStore}); H2 may reuse the space of replaced data after one second
     * ({@code RETENTION_TIME}; its default, 45 s, lets the file grow by every write of that long, and 0 is known
     * to corrupt files), and does not close the database on its own at JVM exit, since the server closes it
     * after the last request.
     */
    public static DatabaseConfig embedded(Path dataDir) {
        String file = dataDir.toAbsolutePath().resolve(EMBEDDED_FILE_NAME).toString();
        return new DatabaseConfig("jdbc:h2:file:" + file + ";RETENTION_TIME=1000;DB_CLOSE_ON_EXIT=FALSE", null, null, DEFAULT_POOL_SIZE);
    }

    boolean isH2() {
        return url.startsWith("jdbc:h2:");
    }

    public DatabaseConfig withPoolSize(int size) {
        return new DatabaseConfig(url, user, password, size);
    }

    /** Never a password (also none written into the URL), since this ends up in logs. */
    @Override
    public String toString() {
        String shown = url.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("//[^/@]*@", "//***@");
        return shown + (user == null ? "" : " as " + user);
    }
}
