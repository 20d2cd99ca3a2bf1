package dev.audiorouting.server.error;

import dev.audiorouting.server.domain.InvalidAudioRoutingGroupException;
import jakarta.ws.rs.core.Response;

/** A broken rule: 400 {@code invalidRequest}, naming the field in the message and in {@code target}. */
public final class InvalidAudioRoutingGroupExceptionMapper extends GraphExceptionMapper<InvalidAudioRoutingGroupException> {

    @Override
    public Response toResponse(InvalidAudioRoutingGroupException e) {
        return error(400, "invalidRequest", e.getMessage(), e.field()).build();
    }
}
