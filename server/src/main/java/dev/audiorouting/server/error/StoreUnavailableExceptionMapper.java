package dev.audiorouting.server.error;

import dev.audiorouting.server.domain.StoreUnavailableException;
import jakarta.ws.rs.core.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The database is unreachable or saturated: 503 with {@code Retry-After}, logged with the cause. */
public final class StoreUnavailableExceptionMapper extends GraphExceptionMapper<StoreUnavailableException> {
    private static final Logger LOG = LoggerFactory.getLogger(StoreUnavailableExceptionMapper.class);

    @Override
    public Response toResponse(StoreUnavailableException e) {
        LOG.error("request-id {}: {}", ids().requestId(), e.getMessage(), e);
        return unavailable("The store is unavailable right now; retry in a moment.");
    }
}
