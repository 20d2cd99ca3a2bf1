package dev.audiorouting.server.auth;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PermissionsTest {

    @ParameterizedTest
    @ValueSource(strings = {"Calls.JoinGroupCall.All", "Calls.InitiateGroupCall.All",
            "Calls.JoinGroupCalls.All", "Calls.InitiateGroupCalls.All"})
    void eitherRoleInEitherSpellingIsEnough(String role) {
        assertThatCode(() -> Permissions.requireAudioRoutingGroupAccess(new Caller("t", "app", Set.of("Other.Role", role), false)))
                .doesNotThrowAnyException();
    }

    @Test
    void anApplicationWithoutTheRoleIsDenied() {
        assertThatThrownBy(() -> Permissions.requireAudioRoutingGroupAccess(new Caller("t", "app", Set.of("Calls.AccessMedia.All"), false)))
                .isInstanceOf(MissingPermissionException.class)
                .hasMessage(Permissions.NO_ROLE);
    }

    @Test
    void aDelegatedTokenIsDeniedWhateverItHolds() {
        assertThatThrownBy(() -> Permissions.requireAudioRoutingGroupAccess(new Caller("t", "app", Set.of("Calls.JoinGroupCall.All"), true)))
                .isInstanceOf(MissingPermissionException.class)
                .hasMessage(Permissions.DELEGATED);
    }
}
