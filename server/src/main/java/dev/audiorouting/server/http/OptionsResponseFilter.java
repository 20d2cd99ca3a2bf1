package dev.audiorouting.server.http;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;

/**
 * Jersey answers {@code OPTIONS} with a text/plain list of the allowed methods. The {@code Allow} header
 * already says it, and this API never answers text/plain: answer 204 with the header alone.
 */
public final class OptionsResponseFilter implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (HttpMethod.OPTIONS.equals(request.getMethod()) && response.getStatus() == 200) {
            response.setEntity(null);
            response.getHeaders().remove("Content-Type");
            response.setStatus(204);
        }
    }
}
