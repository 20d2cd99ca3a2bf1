package dev.audiorouting.server;

/**
 * The operators' listener, apart from the API: health and metrics, without a token, so by default only on
 * loopback.
 *
 * @param host interface to listen on
 * @param port TCP port; {@code 0} picks a free one
 */
public record AdminListener(String host, int port) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8081;

    public AdminListener {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("--admin-host cannot be empty");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("--admin-port must be 0 to 65535, not " + port);
        }
    }
}
