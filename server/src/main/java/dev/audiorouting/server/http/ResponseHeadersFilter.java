package dev.audiorouting.server.http;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/** Two details of Jersey's answers that this API does differently. */
public final class ResponseHeadersFilter implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (HttpMethod.OPTIONS.equals(request.getMethod()) && response.getStatus() == 200) {
            // Jersey lists the allowed methods in a text/plain body; the Allow header already says it,
            // and this API never answers text/plain.
            response.setEntity(null);
            response.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
            response.setStatus(204);
        } else if (response.hasEntity()) {
            // Jersey copies a charset from Accept (utf-16, or nonsense) into Content-Type, yet Jackson
            // writes UTF-8, as JSON must be: say so.
            response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        }
    }
}
