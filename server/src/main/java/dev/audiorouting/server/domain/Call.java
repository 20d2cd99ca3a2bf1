package dev.audiorouting.server.domain;

import java.util.Objects;

/**
 * The call a group belongs to, within the tenant that owns it. Every tenant has its own calls: the same call id
 * in two tenants names two different calls, so no tenant can see or collide with another's groups.
 *
 * @param tenantId the tenant, from the caller's verified access token (its {@code tid} claim)
 * @param id       the call id, from the request path
 * @throws InvalidAudioRoutingGroupException if the call id breaks the rule of ids
 */
public record Call(String tenantId, String id) {
    public Call {
        Objects.requireNonNull(tenantId, "tenantId");
        Ids.requireAddressable("call-id", id);
    }
}
