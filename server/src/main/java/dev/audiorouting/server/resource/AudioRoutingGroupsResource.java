package dev.audiorouting.server.resource;

import dev.audiorouting.api.AudioRoutingGroupsApi;
import dev.audiorouting.api.model.AudioRoutingGroup;
import dev.audiorouting.server.auth.Caller;
import dev.audiorouting.server.domain.AudioRoutingGroups;
import dev.audiorouting.server.domain.Call;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;

/** The audio routing group operations of the contract, on both the current and the deprecated path. */
// JAX-RS inherits method annotations from the generated interface, but not the class-level @Path.
@Path("")
@Singleton
public final class AudioRoutingGroupsResource implements AudioRoutingGroupsApi {
    private final AudioRoutingGroups groups;
    /** The current request's, with the {@link Caller} that {@code BearerTokenFilter} verified. */
    @Context
    private SecurityContext security;

    @Inject
    public AudioRoutingGroupsResource(AudioRoutingGroups groups) {
        this.groups = groups;
    }

    @Override
    public AudioRoutingGroup createAudioRoutingGroup(String callId, AudioRoutingGroup body) {
        return AudioRoutingGroupJson.toJson(groups.create(call(callId), AudioRoutingGroupJson.toDraft(body)));
    }

    /** The call in the caller's tenant: a tenant only ever reaches its own calls. */
    private Call call(String callId) {
        return new Call(((Caller) security.getUserPrincipal()).tenantId(), callId);
    }

    /** The deprecated {@code /app} twin reaches the same groups. */
    @Override
    @Deprecated
    public AudioRoutingGroup createAppAudioRoutingGroup(String callId, AudioRoutingGroup body) {
        return createAudioRoutingGroup(callId, body);
    }
}
