package dev.audiorouting.server.error;

import dev.audiorouting.server.throttling.TooManyRequestsException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** 429 {@code TooManyRequests} with {@code Retry-After} in whole seconds, as Graph throttles. */
public final class TooManyRequestsExceptionMapper extends GraphExceptionMapper<TooManyRequestsException> {
    @Override
    public Response toResponse(TooManyRequestsException e) {
        return error(429, e.getMessage())
                .header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds())
                .build();
    }
}
