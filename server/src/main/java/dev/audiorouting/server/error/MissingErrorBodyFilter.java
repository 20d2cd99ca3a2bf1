package dev.audiorouting.server.error;

import dev.audiorouting.server.http.RequestIds;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;

/**
 * Jersey answers a Content-Type or Accept header it cannot parse with a bare 400, before any exception
 * mapper runs. This gives such answers Graph's error body too: SDKs fail on an error without one.
 */
public final class MissingErrorBodyFilter implements ContainerResponseFilter {
    @Inject
    private Provider<Request> request;

    @Override
    public void filter(ContainerRequestContext requestContext, ContainerResponseContext response) {
        int status = response.getStatus();
        if (status < 400 || response.hasEntity()) {
            return;
        }
        String message = status == 400
                ? "The request is malformed: a header (Content-Type or Accept, for instance) could not be parsed."
                : HttpStatus.getMessage(status) + ".";
        response.setEntity(GraphErrors.body(GraphErrors.codeFor(status), message, null, RequestIds.of(request.get())),
                null, MediaType.APPLICATION_JSON_TYPE);
    }
}
