package dev.audiorouting.server.error;

import dev.audiorouting.server.domain.AudioRoutingGroupModifiedException;
import jakarta.ws.rs.core.Response;

/** {@code If-Match} names an older version: 412 {@code resourceModified}, Graph's code for an entity tag mismatch. */
public final class AudioRoutingGroupModifiedExceptionMapper extends GraphExceptionMapper<AudioRoutingGroupModifiedException> {

    @Override
    public Response toResponse(AudioRoutingGroupModifiedException e) {
        return error(412, "resourceModified", e.getMessage(), null).build();
    }
}
