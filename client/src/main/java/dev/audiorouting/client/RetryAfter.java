package dev.audiorouting.client;

import java.io.IOException;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Retries a call of the generated client much as Graph's own SDKs do: after a 429 (throttled) or a 503 (busy,
 * stopping, or its database unreachable: in each case the server did not carry the call out), it waits the
 * {@code Retry-After} the server sent (bounded by {@code maxWait}) and tries again, up to {@code maxRetries} times.
 * Unlike the SDKs it does not retry 504, which this server never sends.
 *
 * <pre>{@code
 * RetryAfter retries = new RetryAfter(3, Duration.ofSeconds(30));
 * AudioRoutingGroup created = retries.call(() -> api.createAudioRoutingGroup(callId, group.id("my-group")));
 * }</pre>
 */
public final class RetryAfter {
    /** Graph's SDKs' own default: three retries. */
    public static final int DEFAULT_MAX_RETRIES = 3;
    /** When a 429 or 503 names no wait. */
    static final Duration DEFAULT_WAIT = Duration.ofSeconds(1);

    private final int maxRetries;
    private final Duration maxWait;

    /**
     * @param maxRetries how many times a call is repeated at most (0: never)
     * @param maxWait    the longest wait between tries, whatever the server asks
     */
    public RetryAfter(int maxRetries, Duration maxWait) {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries cannot be negative");
        }
        this.maxRetries = maxRetries;
        this.maxWait = Objects.requireNonNull(maxWait, "maxWait");
    }

    /** A call of the generated client. */
    @FunctionalInterface
    public interface Call<T> {
        T run() throws ApiException;
    }

    /**
     * Runs the call, and runs it again after each 429 or 503 until it succeeds, fails otherwise, or has been
     * retried {@code maxRetries} times.
     *
     * @throws ApiException the last failure
     */
    public <T> T call(Call<T> call) throws ApiException {
        return call(call, false);
    }

    /**
     * The same; if {@code repeatable}, also after a failure that left no answer (the connection failed), waiting
     * 1, 2, 4... seconds (bounded by {@code maxWait}): only for calls whose repetition cannot do harm, since the
     * first may have been carried out.
     */
    <T> T call(Call<T> call, boolean repeatable) throws ApiException {
        for (int retry = 0; ; retry++) {
            try {
                return call.run();
            } catch (ApiException e) {
                boolean refused = e.getCode() == 429 || e.getCode() == 503;
                if (retry >= maxRetries || !(refused || repeatable && unanswered(e))) {
                    throw e;
                }
                Duration wait = refused ? secondsOf(e.getResponseHeaders()).orElse(DEFAULT_WAIT) : backoff(retry);
                pause(wait.compareTo(maxWait) > 0 ? maxWait : wait, e);
            }
        }
    }

    /** No answer arrived: the connection failed (not an interruption of this thread). */
    static boolean unanswered(ApiException e) {
        return e.getCode() == 0 && e.getCause() instanceof IOException;
    }

    private static Duration backoff(int retry) {
        return DEFAULT_WAIT.multipliedBy(1L << Math.min(retry, 10));
    }

    /** The {@code Retry-After} of an answer, when there was one and it says seconds. */
    static Optional<Duration> secondsOf(HttpHeaders headers) {
        return headers == null ? Optional.empty() : headers.firstValue("Retry-After").flatMap(RetryAfter::seconds);
    }

    private static Optional<Duration> seconds(String value) {
        try {
            long seconds = Long.parseLong(value.strip());
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException httpDate) {
            return Optional.empty();
        }
    }

    private static void pause(Duration wait, ApiException failure) throws ApiException {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure.addSuppressed(e);
            throw failure;
        }
    }
}
