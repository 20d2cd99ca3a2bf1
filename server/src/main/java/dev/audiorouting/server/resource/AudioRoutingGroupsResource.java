package dev.audiorouting.server.resource;

import dev.audiorouting.api.AudioRoutingGroupsApi;
import dev.audiorouting.api.model.AudioRoutingGroup;
import dev.audiorouting.server.domain.AudioRoutingGroups;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Path;

/** The audio routing group operations of the contract, on both the current and the deprecated path. */
// JAX-RS inherits method annotations from the generated interface, but not the class-level @Path.
@Path("")
@Singleton
public final class AudioRoutingGroupsResource implements AudioRoutingGroupsApi {
    private final AudioRoutingGroups groups;

    @Inject
    public AudioRoutingGroupsResource(AudioRoutingGroups groups) {
        this.groups = groups;
    }

    @Override
    public AudioRoutingGroup createAudioRoutingGroup(String callId, AudioRoutingGroup body) {
        return AudioRoutingGroupJson.toJson(groups.create(callId, AudioRoutingGroupJson.toDraft(body)));
    }

    /** The deprecated {@code /app} twin reaches the same groups. */
    @Override
    @Deprecated
    public AudioRoutingGroup createAppAudioRoutingGroup(String callId, AudioRoutingGroup body) {
        return createAudioRoutingGroup(callId, body);
    }
}
