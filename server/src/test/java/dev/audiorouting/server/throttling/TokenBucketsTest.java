package dev.audiorouting.server.throttling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketsTest {
    private final AtomicLong now = new AtomicLong(-5_000_000_000L);

    private void advanceMillis(long millis) {
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
    }

    @Test
    void allowsABurstThenOneRequestPerRefillAndSaysHowLongToWait() {
        TokenBuckets buckets = new TokenBuckets(1, 2, now::get);
        assertThat(buckets.take("app")).isZero();
        assertThat(buckets.take("app")).isZero();
        assertThat(buckets.take("app")).isEqualTo(1);

        advanceMillis(500);
        assertThat(buckets.take("app")).as("half a token: still a whole second to say").isEqualTo(1);
        advanceMillis(500);
        assertThat(buckets.take("app")).isZero();
        assertThat(buckets.take("app")).isEqualTo(1);
    }

    @Test
    void roundsASlowRefillUpToWholeSeconds() {
        TokenBuckets buckets = new TokenBuckets(0.1, 1, now::get);
        assertThat(buckets.take("app")).isZero();
        assertThat(buckets.take("app")).isEqualTo(10);
        advanceMillis(9_100);
        assertThat(buckets.take("app")).isEqualTo(1);
    }

    @Test
    void keepsEachKeysBucketApartAndNeverFillsPastTheBurst() {
        TokenBuckets buckets = new TokenBuckets(1, 2, now::get);
        buckets.take("a");
        buckets.take("a");
        assertThat(buckets.take("a")).isPositive();
        assertThat(buckets.take("b")).as("another application").isZero();

        advanceMillis(3_600_000);
        assertThat(buckets.take("a")).isZero();
        assertThat(buckets.take("a")).isZero();
        assertThat(buckets.take("a")).as("an hour idle still allows only the burst").isPositive();
    }

    @Test
    void forgetsIdleApplicationsOnceTooManyAreKnown() {
        TokenBuckets buckets = new TokenBuckets(1, 1, now::get);
        buckets.take("busy");
        for (int i = 0; i <= TokenBuckets.MAX_KEYS; i++) {
            buckets.take("idle-" + i);
        }
        advanceMillis(2_000);
        buckets.take("busy");
        assertThat(buckets.take("busy")).as("still throttled: its bucket was not forgotten").isPositive();
        assertThat(buckets.size()).isLessThan(10);
    }
}
