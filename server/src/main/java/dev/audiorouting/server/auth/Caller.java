package dev.audiorouting.server.auth;

import java.security.Principal;
import java.util.Objects;
import java.util.Set;

/**
 * Who sent a request, as its verified access token says.
 *
 * @param tenantId  the tenant the caller acts in (the token's {@code tid}); all data is scoped by it
 * @param appId     the calling application ({@code appid}, {@code azp} or else {@code sub})
 * @param roles     the application permissions granted to it (the token's {@code roles})
 * @param delegated whether the token acts for a signed-in user (it has an {@code scp} claim)
 */
public record Caller(String tenantId, String appId, Set<String> roles, boolean delegated) implements Principal {
    public Caller {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(appId, "appId");
        roles = Set.copyOf(roles);
    }

    @Override
    public String getName() {
        return appId;
    }
}
