package dev.audiorouting.server.error;

import dev.audiorouting.server.auth.TokenKeysUnavailableException;
import jakarta.ws.rs.core.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The token issuer's keys could not be fetched: 503 with {@code Retry-After}, since the token may be fine. */
public final class TokenKeysUnavailableExceptionMapper extends GraphExceptionMapper<TokenKeysUnavailableException> {
    private static final Logger LOG = LoggerFactory.getLogger(TokenKeysUnavailableExceptionMapper.class);

    @Override
    public Response toResponse(TokenKeysUnavailableException e) {
        LOG.warn("request-id {}: {}", ids().requestId(), e.getMessage());
        return unavailable("Access tokens cannot be verified right now; retry in a moment.");
    }
}
