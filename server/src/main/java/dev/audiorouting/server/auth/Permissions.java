package dev.audiorouting.server.auth;

import java.util.Collections;
import java.util.Set;

/** Who may work with audio routing groups: applications (never users) holding one of two app roles. */
public final class Permissions {
    /** Either role is enough. Microsoft's pages spell them two ways, so both spellings count. */
    public static final Set<String> AUDIO_ROUTING_GROUP_ROLES = Set.of(
            "Calls.JoinGroupCall.All", "Calls.InitiateGroupCall.All",
            "Calls.JoinGroupCalls.All", "Calls.InitiateGroupCalls.All");

    static final String DELEGATED = "Delegated (user) tokens are not supported; use an application token "
            + "with Calls.JoinGroupCall.All or Calls.InitiateGroupCall.All.";
    static final String NO_ROLE = "The application lacks the permission Calls.JoinGroupCall.All or Calls.InitiateGroupCall.All.";

    private Permissions() {
    }

    /** @throws MissingPermissionException unless the caller is an application with one of the roles */
    public static void requireAudioRoutingGroupAccess(Caller caller) {
        if (caller.delegated()) {
            throw new MissingPermissionException(DELEGATED);
        }
        if (Collections.disjoint(caller.roles(), AUDIO_ROUTING_GROUP_ROLES)) {
            throw new MissingPermissionException(NO_ROLE);
        }
    }
}
