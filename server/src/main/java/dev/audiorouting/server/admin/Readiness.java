package dev.audiorouting.server.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Whether the server should be sent requests: its store answers, its schema is current, and it is not stopping.
 * A stop turns it "not ready" first, so a load balancer moves traffic away while requests in flight finish.
 */
public final class Readiness {
    static final String OK = "ok";

    private final List<Check> checks;
    private volatile boolean stopping;

    /** @param checks run in order on every probe */
    public Readiness(List<Check> checks) {
        this.checks = List.copyOf(checks);
    }

    /** From now on, not ready. */
    public void stopping() {
        stopping = true;
    }

    /** Each check's name and {@code "ok"} or what is wrong, in order; ready when all are ok. */
    public Map<String, String> check() {
        Map<String, String> results = new LinkedHashMap<>();
        results.put("accepting", stopping ? "shutting down" : OK);
        for (Check check : checks) {
            results.put(check.name(), problemOf(check).orElse(OK));
        }
        return results;
    }

    private static Optional<String> problemOf(Check check) {
        try {
            return check.problem().get();
        } catch (RuntimeException e) {
            return Optional.of("check failed: " + e.getMessage());
        }
    }

    /**
     * @param name    what is checked, e.g. {@code store}
     * @param problem what is wrong, or empty when all is well
     */
    public record Check(String name, Supplier<Optional<String>> problem) {
    }
}
