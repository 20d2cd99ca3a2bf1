package dev.audiorouting.server.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The server's meters, in one Prometheus registry, scraped from {@code /metrics} on the admin listener: requests
 * by operation and status, store calls, authentication failures, throttled and shed requests, the JVM, and the
 * request and database pools.
 */
public final class ServerMetrics implements AutoCloseable {
    /** Latency buckets from a fast in-memory answer to a request stuck on a timeout. */
    private static final Duration[] BUCKETS = {Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5),
            Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
            Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2),
            Duration.ofSeconds(5), Duration.ofSeconds(10)};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    /** Looked up once per operation and status: the registry's own lookup allocates on every request. */
    private final Map<String, Timer> requestTimers = new ConcurrentHashMap<>();
    private final Map<String, Timer> storeTimers = new ConcurrentHashMap<>();
    private final Map<String, Counter> authenticationFailures = new ConcurrentHashMap<>();
    private final Counter throttled;
    private final Counter shed;

    public ServerMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        throttled = Counter.builder("requests.throttled")
                .description("Requests answered 429: their application was over its rate limit").register(registry);
        shed = Counter.builder("requests.shed")
                .description("Requests answered 503 at once: the server had as many in flight as it allows").register(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** Everything, in Prometheus' text format. */
    public String scrape() {
        return registry.scrape();
    }

    public void request(String operation, int status, long nanos) {
        requestTimers.computeIfAbsent(operation + ' ' + status, key -> Timer.builder("http.server.requests")
                        .description("Requests, by operation (the spec's operationId) and status")
                        .tag("operation", operation).tag("status", Integer.toString(status))
                        .serviceLevelObjectives(BUCKETS).register(registry))
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    public void storeCall(String operation, boolean failed, long nanos) {
        String outcome = failed ? "error" : "ok";
        storeTimers.computeIfAbsent(operation + ' ' + outcome, key -> Timer.builder("store.calls")
                        .description("Calls to the store of audio routing groups, by operation and outcome")
                        .tag("operation", operation).tag("outcome", outcome)
                        .serviceLevelObjectives(BUCKETS).register(registry))
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    /** @param reason {@code missing_token}, {@code invalid_token}, {@code missing_permission} or {@code keys_unavailable} */
    public void authenticationFailure(String reason) {
        authenticationFailures.computeIfAbsent(reason, key -> Counter.builder("authentication.failures")
                .description("Requests refused before reaching the API, by reason").tag("reason", reason)
                .register(registry)).increment();
    }

    public void throttled() {
        throttled.increment();
    }

    public void shed() {
        shed.increment();
    }

    /** The API listener's request threads. */
    public void watch(QueuedThreadPool threads) {
        Gauge.builder("http.threads.busy", threads, QueuedThreadPool::getBusyThreads).register(registry);
        Gauge.builder("http.threads.max", threads, QueuedThreadPool::getMaxThreads).register(registry);
        Gauge.builder("http.threads.queued", threads, QueuedThreadPool::getQueueSize)
                .description("Jobs waiting for a request thread").register(registry);
    }

    /** Requests being worked on now, as the load shedder counts them. */
    public void watchInFlight(Supplier<Number> inFlight) {
        Gauge.builder("http.requests.in.flight", inFlight).register(registry);
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
