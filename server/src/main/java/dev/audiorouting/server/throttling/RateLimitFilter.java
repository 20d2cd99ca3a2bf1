package dev.audiorouting.server.throttling;

import dev.audiorouting.server.auth.Caller;
import dev.audiorouting.server.observability.ServerMetrics;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;

/**
 * Holds each application of each tenant to its rate limit, as Graph does, right after its token is verified:
 * unauthenticated requests never use up anyone's budget.
 */
@PreMatching
@Priority(Priorities.AUTHORIZATION)
public final class RateLimitFilter implements ContainerRequestFilter {
    private final TokenBuckets buckets;
    private final ServerMetrics metrics;

    public RateLimitFilter(TokenBuckets buckets, ServerMetrics metrics) {
        this.buckets = buckets;
        this.metrics = metrics;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!(request.getSecurityContext().getUserPrincipal() instanceof Caller caller)) {
            return;
        }
        long retryAfter = buckets.take(caller.tenantId() + '\n' + caller.appId());
        if (retryAfter > 0) {
            metrics.throttled();
            throw new TooManyRequestsException(retryAfter);
        }
    }
}
