package dev.audiorouting.server;

import dev.audiorouting.server.auth.TokenPolicy;
import dev.audiorouting.server.store.DatabaseConfig;
import java.time.Duration;
import java.util.Objects;

/**
 * How the server runs, read and checked once at start-up.
 *
 * @param host            interface to listen on ({@code 0.0.0.0} for all)
 * @param port            TCP port; {@code 0} picks a free one
 * @param maxBodyBytes    largest request body accepted; larger ones answer 413
 * @param shutdownTimeout how long a stop waits for requests in flight
 * @param shutdownDelay   how long a stop keeps serving, readiness already 503, before it stops accepting: the
 *                        time a load balancer needs to notice
 * @param tokens          which access tokens are accepted
 * @param idleTimeout     how long a connection may send nothing (mid-request, or between requests) before
 *                        it is closed: a client that stalls cannot hold a connection for longer
 * @param database        where groups are kept; {@code null} keeps them in memory only
 * @param admin           where health and metrics are served
 * @param throttling      per-application rate limits and the bound on requests in flight
 */
public record ServerConfig(String host, int port, long maxBodyBytes, Duration shutdownTimeout, Duration shutdownDelay, Duration idleTimeout,
                           TokenPolicy tokens, DatabaseConfig database, AdminListener admin, Throttling throttling) {
    /** Comfortably above the largest valid group, even with every character \\u-escaped. */
    public static final long DEFAULT_MAX_BODY_BYTES = 512 * 1024;
    public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);
    /** A day, for both timeouts: more lets a silent client hold a connection for ever, and overflows milliseconds. */
    static final Duration MAX_TIMEOUT = Duration.ofDays(1);

    public ServerConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(admin, "admin");
        Objects.requireNonNull(throttling, "throttling");
        requireValid(port, maxBodyBytes, shutdownTimeout, shutdownDelay, idleTimeout);
    }

    /** Checks the plain values, naming the option of any that is out of range. */
    public static void requireValid(int port, long maxBodyBytes, Duration shutdownTimeout, Duration shutdownDelay, Duration idleTimeout) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("--port must be 0 to 65535, not " + port);
        }
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("the body size limit must be positive");
        }
        if (shutdownTimeout.isNegative() || shutdownTimeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new IllegalArgumentException("--shutdown-timeout must be 0 to " + MAX_TIMEOUT.toSeconds() + " seconds");
        }
        if (shutdownDelay.isNegative() || shutdownDelay.compareTo(MAX_TIMEOUT) > 0) {
            throw new IllegalArgumentException("--shutdown-delay must be 0 to " + MAX_TIMEOUT.toSeconds() + " seconds");
        }
        if (idleTimeout.isNegative() || idleTimeout.isZero() || idleTimeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new IllegalArgumentException("--idle-timeout must be 1 to " + MAX_TIMEOUT.toSeconds() + " seconds");
        }
    }

    /**
     * The defaults, listening on {@code host:port}, accepting the tokens {@code tokens} describes, in memory, with
     * the admin listener on a free loopback port.
     */
    public static ServerConfig of(String host, int port, TokenPolicy tokens) {
        return new ServerConfig(host, port, DEFAULT_MAX_BODY_BYTES, DEFAULT_SHUTDOWN_TIMEOUT, Duration.ZERO, DEFAULT_IDLE_TIMEOUT, tokens, null,
                new AdminListener(AdminListener.DEFAULT_HOST, 0), Throttling.DEFAULT);
    }

    /** The same server keeping its groups in {@code database}. */
    public ServerConfig withDatabase(DatabaseConfig database) {
        return new ServerConfig(host, port, maxBodyBytes, shutdownTimeout, shutdownDelay, idleTimeout, tokens, database, admin, throttling);
    }

    /** The same server closing connections idle for {@code timeout}. */
    public ServerConfig withIdleTimeout(Duration timeout) {
        return new ServerConfig(host, port, maxBodyBytes, shutdownTimeout, shutdownDelay, timeout, tokens, database, admin, throttling);
    }

    /** The same server serving on for {@code delay}, readiness already 503, when it is stopped. */
    public ServerConfig withShutdownDelay(Duration delay) {
        return new ServerConfig(host, port, maxBodyBytes, shutdownTimeout, delay, idleTimeout, tokens, database, admin, throttling);
    }

    /** The same server pushing back as {@code limits} say. */
    public ServerConfig withThrottling(Throttling limits) {
        return new ServerConfig(host, port, maxBodyBytes, shutdownTimeout, shutdownDelay, idleTimeout, tokens, database, admin, limits);
    }
}
