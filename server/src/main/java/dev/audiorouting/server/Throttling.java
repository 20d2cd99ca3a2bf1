package dev.audiorouting.server;

/**
 * How much the server takes before it pushes back, the way Graph does: each application of a tenant gets a
 * token bucket (answering 429 with {@code Retry-After} when it is empty), and the server as a whole has a bound on
 * requests in flight (answering 503 with {@code Retry-After} past it, at once, instead of queueing).
 *
 * @param requestsPerSecond how fast an application's bucket refills
 * @param burst             how many requests an application may send at once after a quiet spell
 * @param maxInFlight       how many requests the server works on at once
 */
public record Throttling(double requestsPerSecond, int burst, int maxInFlight) {
    /** Generous: far above what one well-behaved application sends, well below what starves the others. */
    public static final Throttling DEFAULT = new Throttling(1000, 2000, 128);

    public Throttling {
        if (!(requestsPerSecond > 0) || Double.isInfinite(requestsPerSecond)) {
            throw new IllegalArgumentException("--rate-limit must be a positive number of requests per second, not " + requestsPerSecond);
        }
        if (burst < 1) {
            throw new IllegalArgumentException("--rate-burst must be at least 1, not " + burst);
        }
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("--max-in-flight must be at least 1, not " + maxInFlight);
        }
    }
}
