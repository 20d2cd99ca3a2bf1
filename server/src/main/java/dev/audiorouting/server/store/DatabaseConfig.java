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
            throw new IllegalArgumentException("--database-pool-size must be at least 1, not " + poolSize);
        }
    }

    /**
     * The default: an H2 database file in the data directory. The store writes the file after every change
     * (see {@link JdbcAudioRoutingGroupStore}). H2 does not close the database on its own at JVM exit, since the
     * server closes it (compacted) after the last request. H2's default retention of replaced data (45 s) is
     * kept: with 1 s, a kill -9 test lost the last answered writes, as the file's newest chunks were not found
     * on the next start. The file can therefore hold up to about 45 s of writes' worth of old data while running.
     */
    public static DatabaseConfig embedded(Path dataDir) {
        String file = dataDir.toAbsolutePath().resolve(EMBEDDED_FILE_NAME).toString();
        return new DatabaseConfig("jdbc:h2:file:" + file + ";DB_CLOSE_ON_EXIT=FALSE", null, null, DEFAULT_POOL_SIZE);
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
