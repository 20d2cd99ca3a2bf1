package dev.audiorouting.server.error;

import dev.audiorouting.server.domain.AudioRoutingGroupNotFoundException;
import jakarta.ws.rs.core.Response;

/** No such group: 404 {@code itemNotFound}, as Graph answers. */
public final class AudioRoutingGroupNotFoundExceptionMapper extends GraphExceptionMapper<AudioRoutingGroupNotFoundException> {

    @Override
    public Response toResponse(AudioRoutingGroupNotFoundException e) {
        return error(404, "itemNotFound", e.getMessage(), null).build();
    }
}
