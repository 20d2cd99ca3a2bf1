package dev.audiorouting.server.throttling;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * One token bucket per key (a tenant's application): it holds up to {@code burst} tokens, refills at
 * {@code perSecond}, and each request takes one.
 */
public final class TokenBuckets {
    /** Past this many keys, buckets that are full again (idle applications) are forgotten. */
    static final int MAX_KEYS = 100_000;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final double perNano;
    private final double burst;
    private final LongSupplier nanoClock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    /** When full buckets were last forgotten: at most once a second, however many keys are busy. */
    private final AtomicLong sweptAt;

    public TokenBuckets(double perSecond, int burst) {
        this(perSecond, burst, System::nanoTime);
    }

    TokenBuckets(double perSecond, int burst, LongSupplier nanoClock) {
        this.perNano = perSecond / NANOS_PER_SECOND;
        this.burst = burst;
        this.nanoClock = nanoClock;
        this.sweptAt = new AtomicLong(nanoClock.getAsLong() - NANOS_PER_SECOND);
    }

    /**
     * Takes a token from the key's bucket.
     *
     * @return 0 if one was taken; otherwise the whole seconds (at least 1) until one will be there
     */
    public long take(String key) {
        long now = nanoClock.getAsLong();
        if (buckets.size() > MAX_KEYS) {
            forgetFullBuckets(now);
        }
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(burst, now));
        synchronized (bucket) {
            bucket.refill(now, perNano, burst);
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return 0;
            }
            double nanosToNext = (1 - bucket.tokens) / perNano;
            return Math.max(1, (long) Math.ceil(nanosToNext / NANOS_PER_SECOND));
        }
    }

    /** How many applications have a bucket. */
    int size() {
        return buckets.size();
    }

    private void forgetFullBuckets(long now) {
        long last = sweptAt.get();
        if (now - last < NANOS_PER_SECOND || !sweptAt.compareAndSet(last, now)) {
            return;
        }
        buckets.values().removeIf(bucket -> {
            synchronized (bucket) {
                bucket.refill(now, perNano, burst);
                return bucket.tokens >= burst;
            }
        });
    }

    private static final class Bucket {
        private double tokens;
        private long refilledAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }

        void refill(long now, double perNano, double burst) {
            tokens = Math.min(burst, tokens + (now - refilledAt) * perNano);
            refilledAt = now;
        }
    }
}
