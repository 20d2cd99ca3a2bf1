package dev.audiorouting.server.error;

import dev.audiorouting.server.auth.InvalidTokenException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * No usable token: 401 {@code InvalidAuthenticationToken}, as Graph answers, with the {@code WWW-Authenticate}
 * challenge of RFC 6750 so that generic HTTP clients know to fetch a token.
 */
public final class InvalidTokenExceptionMapper extends GraphExceptionMapper<InvalidTokenException> {
    static final String REALM = "Bearer realm=\"audio-routing-groups\"";

    @Override
    public Response toResponse(InvalidTokenException e) {
        return error(401, "InvalidAuthenticationToken", e.getMessage(), null)
                .header(HttpHeaders.WWW_AUTHENTICATE, challenge(e))
                .build();
    }

    private static String challenge(InvalidTokenException e) {
        return e.tokenAbsent() ? REALM : REALM + ", error=\"invalid_token\", error_description=\"" + quotable(e.getMessage()) + "\"";
    }

    /** RFC 6750 allows only printable ASCII other than '"' and '\\' in error_description; anything else goes. */
    private static String quotable(String message) {
        return message.replaceAll("[^\\x20-\\x7E]|[\"\\\\]", "");
    }
}
