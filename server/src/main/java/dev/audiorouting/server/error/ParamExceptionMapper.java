package dev.audiorouting.server.error;

import jakarta.ws.rs.core.Response;
import org.glassfish.jersey.server.ParamException;

/**
 * A query or header parameter that is not of its declared type ({@code $top=ten}). JAX-RS answers 404 for a
 * query parameter it cannot convert; the client's mistake is a bad request, so: 400 naming the parameter.
 */
public final class ParamExceptionMapper extends GraphExceptionMapper<ParamException> {

    @Override
    public Response toResponse(ParamException e) {
        String name = e.getParameterName();
        return error(400, "invalidRequest", name + ": not a valid value for this parameter (see openapi.yaml)", name).build();
    }
}
