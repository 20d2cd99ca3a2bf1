package dev.audiorouting.server.resource;

import dev.audiorouting.api.AudioRoutingGroupsApi;
import dev.audiorouting.api.model.AudioRoutingGroup;
import dev.audiorouting.api.model.AudioRoutingGroupUpdate;
import dev.audiorouting.server.auth.Caller;
import dev.audiorouting.server.domain.AudioRoutingGroups;
import dev.audiorouting.server.domain.Call;
import dev.audiorouting.server.domain.GroupPage;
import dev.audiorouting.server.domain.Limits;
import dev.audiorouting.server.domain.Precondition;
import dev.audiorouting.server.domain.StoredGroup;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;

/**
 * The audio routing group operations of the contract. The deprecated {@code /app} twins reach the same groups
 * through the same code.
 */
// JAX-RS inherits method annotations from the generated interface, but not the class-level @Path.
@Path("")
@Singleton
public final class AudioRoutingGroupsResource implements AudioRoutingGroupsApi {
    private final AudioRoutingGroups groups;
    /** The current request's, with the {@link Caller} that {@code BearerTokenFilter} verified. */
    @Context
    private SecurityContext security;
    @Context
    private UriInfo uri;
    @Context
    private HttpHeaders headers;

    @Inject
    public AudioRoutingGroupsResource(AudioRoutingGroups groups) {
        this.groups = groups;
    }

    @Override
    public Response createAudioRoutingGroup(String callId, AudioRoutingGroup body) {
        return ok(groups.create(call(callId), AudioRoutingGroupJson.toDraft(body)));
    }

    @Override
    public Response listAudioRoutingGroups(String callId, Integer top, String skiptoken) {
        int size = top == null ? Limits.MAX_PAGE_SIZE : top;
        GroupPage page = groups.list(call(callId), SkipTokens.parse(skiptoken), size);
        // Built by hand: UriBuilder would write $top as %24top and keep the request's own $top beside it.
        URI next = page.next().isPresent()
                ? URI.create(uri.getAbsolutePath() + "?$top=" + size + "&$skiptoken=" + SkipTokens.of(page.next().getAsLong()))
                : null;
        return Response.ok(AudioRoutingGroupJson.toJson(page, next)).build();
    }

    @Override
    public Response getAudioRoutingGroup(String callId, String groupId) {
        return ok(groups.get(call(callId), groupId));
    }

    @Override
    public Response updateAudioRoutingGroup(String callId, String groupId, AudioRoutingGroupUpdate body, String ifMatch) {
        return ok(groups.update(call(callId), groupId, AudioRoutingGroupJson.toChanges(body), ifMatch()));
    }

    @Override
    public Response deleteAudioRoutingGroup(String callId, String groupId, String ifMatch) {
        groups.delete(call(callId), groupId, ifMatch());
        return Response.noContent().build();
    }

    @Override
    @Deprecated
    public Response createAppAudioRoutingGroup(String callId, AudioRoutingGroup body) {
        return createAudioRoutingGroup(callId, body);
    }

    @Override
    @Deprecated
    public Response listAppAudioRoutingGroups(String callId, Integer top, String skiptoken) {
        return listAudioRoutingGroups(callId, top, skiptoken);
    }

    @Override
    @Deprecated
    public Response getAppAudioRoutingGroup(String callId, String groupId) {
        return getAudioRoutingGroup(callId, groupId);
    }

    @Override
    @Deprecated
    public Response updateAppAudioRoutingGroup(String callId, String groupId, AudioRoutingGroupUpdate body, String ifMatch) {
        return updateAudioRoutingGroup(callId, groupId, body, ifMatch);
    }

    @Override
    @Deprecated
    public Response deleteAppAudioRoutingGroup(String callId, String groupId, String ifMatch) {
        return deleteAudioRoutingGroup(callId, groupId, ifMatch);
    }

    /** The call in the caller's tenant: a tenant only ever reaches its own calls. */
    private Call call(String callId) {
        return new Call(((Caller) security.getUserPrincipal()).tenantId(), callId);
    }

    /** All If-Match lines, not just the first that the parameter carries: a list may be split over several. */
    private Precondition ifMatch() {
        List<String> lines = headers.getRequestHeader(HttpHeaders.IF_MATCH);
        return EntityTags.ifMatch(lines == null ? null : String.join(",", lines));
    }

    private static Response ok(StoredGroup group) {
        return Response.ok(AudioRoutingGroupJson.toJson(group))
                .header(HttpHeaders.ETAG, EntityTags.quote(group.etag()))
                .build();
    }
}
