package dev.audiorouting.server.error;

import dev.audiorouting.server.domain.StoreUnavailableException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The database is unreachable or saturated: 503 with {@code Retry-After}, logged with the cause. */
public final class StoreUnavailableExceptionMapper extends GraphExceptionMapper<StoreUnavailableException> {
    private static final Logger LOG = LoggerFactory.getLogger(StoreUnavailableExceptionMapper.class);

    @Override
    public Response toResponse(StoreUnavailableException e) {
        LOG.error("request-id {}: {}", ids().requestId(), e.getMessage(), e);
        return error(503, "serviceNotAvailable", "The store is unavailable right now; retry in a moment.", null)
                .header(HttpHeaders.RETRY_AFTER, GraphErrors.RETRY_AFTER_SECONDS)
                .build();
    }
}
