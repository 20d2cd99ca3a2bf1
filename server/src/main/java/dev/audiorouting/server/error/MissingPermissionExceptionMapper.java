package dev.audiorouting.server.error;

import dev.audiorouting.server.auth.MissingPermissionException;
import jakarta.ws.rs.core.Response;

/** A valid token without the permission: 403 {@code accessDenied}. */
public final class MissingPermissionExceptionMapper extends GraphExceptionMapper<MissingPermissionException> {

    @Override
    public Response toResponse(MissingPermissionException e) {
        return error(403, "accessDenied", e.getMessage(), null).build();
    }
}
