package dev.audiorouting.server.http;

import dev.audiorouting.server.auth.AccessTokenVerifier;
import dev.audiorouting.server.auth.Caller;
import dev.audiorouting.server.auth.InvalidTokenException;
import dev.audiorouting.server.auth.MissingPermissionException;
import dev.audiorouting.server.auth.TokenKeysUnavailableException;
import dev.audiorouting.server.auth.Permissions;
import dev.audiorouting.server.observability.ObservedRequests;
import dev.audiorouting.server.observability.ServerMetrics;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.server.Request;

/**
 * Lets through only requests with a valid application token holding an audio routing group role, and tells the
 * resource who the caller is ({@link SecurityContext#getUserPrincipal()} is the {@link Caller}).
 *
 * <p>It runs before Jersey matches the request to a resource, so an unauthenticated client learns nothing about
 * the data: whatever call or group it names, the answer is 401 or 403. Only what the published spec already says
 * is answered without a token: {@code OPTIONS} (the allowed methods; CORS preflights carry no token), and a 413
 * for a body over the size limit, refused before it is read.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public final class BearerTokenFilter implements ContainerRequestFilter {
    private static final String SCHEME = "Bearer ";

    private final AccessTokenVerifier verifier;
    private final ServerMetrics metrics;
    /** Where the access log finds the caller, outside Jersey. */
    @Inject
    private Provider<Request> jettyRequest;

    public BearerTokenFilter(AccessTokenVerifier verifier, ServerMetrics metrics) {
        this.verifier = verifier;
        this.metrics = metrics;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        // OPTIONS answers only what the published spec says (Allow), and CORS preflights never carry tokens.
        if (HttpMethod.OPTIONS.equals(request.getMethod())) {
            return;
        }
        Caller caller = verified(request.getHeaders().get(HttpHeaders.AUTHORIZATION));
        jettyRequest.get().setAttribute(ObservedRequests.CALLER, caller);
        request.setSecurityContext(new CallerContext(caller, request.getSecurityContext().isSecure()));
    }

    /** The caller, if its token is valid and grants access; each refusal is counted by reason. */
    private Caller verified(List<String> authorization) {
        try {
            Caller caller = verifier.verify(token(authorization));
            Permissions.requireAudioRoutingGroupAccess(caller);
            return caller;
        } catch (InvalidTokenException e) {
            metrics.authenticationFailure(e.tokenAbsent() ? "missing_token" : "invalid_token");
            throw e;
        } catch (MissingPermissionException e) {
            metrics.authenticationFailure("missing_permission");
            throw e;
        } catch (TokenKeysUnavailableException e) {
            metrics.authenticationFailure("keys_unavailable");
            throw e;
        }
    }

    private static String token(List<String> authorization) {
        if (authorization == null || authorization.isEmpty() || authorization.get(0).isBlank()) {
            throw InvalidTokenException.absent();
        }
        if (authorization.size() > 1) {
            throw InvalidTokenException.invalid("Send one Authorization header, not " + authorization.size() + ".");
        }
        return bearerToken(authorization.get(0).strip())
                .orElseThrow(() -> InvalidTokenException.invalid("The Authorization header must be 'Bearer <access token>'."));
    }

    /**
     * RFC 6750's syntax: a case-insensitive scheme, spaces, then a token of base64url-ish characters with optional
     * '=' padding. Read by hand: a regular expression over a kilobyte of token was a tenth of the CPU of a create.
     */
    static Optional<String> bearerToken(String header) {
        if (!header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Optional.empty();
        }
        int start = SCHEME.length();
        while (start < header.length() && header.charAt(start) == ' ') {
            start++;
        }
        int end = start;
        while (end < header.length() && isTokenCharacter(header.charAt(end))) {
            end++;
        }
        int padded = end;
        while (padded < header.length() && header.charAt(padded) == '=') {
            padded++;
        }
        return end > start && padded == header.length() ? Optional.of(header.substring(start)) : Optional.empty();
    }

    private static boolean isTokenCharacter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "-._~+/".indexOf(c) >= 0;
    }

    private record CallerContext(Caller caller, boolean isSecure) implements SecurityContext {
        @Override
        public Principal getUserPrincipal() {
            return caller;
        }

        @Override
        public boolean isUserInRole(String role) {
            return caller.roles().contains(role);
        }

        @Override
        public String getAuthenticationScheme() {
            return "Bearer";
        }
    }
}
