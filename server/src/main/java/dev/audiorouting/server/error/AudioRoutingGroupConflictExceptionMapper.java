package dev.audiorouting.server.error;

import dev.audiorouting.server.domain.AudioRoutingGroupConflictException;
import jakarta.ws.rs.core.Response;

/** The id is taken by a different group: 409 {@code nameAlreadyExists}, as Graph names it. */
public final class AudioRoutingGroupConflictExceptionMapper extends GraphExceptionMapper<AudioRoutingGroupConflictException> {

    @Override
    public Response toResponse(AudioRoutingGroupConflictException e) {
        return error(409, "nameAlreadyExists", e.getMessage(), "id").build();
    }
}
