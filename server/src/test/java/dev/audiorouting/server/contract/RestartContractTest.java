package dev.audiorouting.server.contract;

import static dev.audiorouting.server.contract.CreateAudioRoutingGroupContractTest.content;
import static dev.audiorouting.server.contract.CreateAudioRoutingGroupContractTest.multicast;
import static org.assertj.core.api.Assertions.assertThat;

import dev.audiorouting.client.model.AudioRoutingGroup;
import dev.audiorouting.client.model.AudioRoutingGroupUpdate;
import dev.audiorouting.server.store.DatabaseConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default store keeps everything across a stop and a start on the same data directory. */
class RestartContractTest {
    @TempDir
    Path dataDir;

    @Test
    void aRestartedServerAnswersWithEverythingItHadBefore() throws Exception {
        String callId = ServerUnderTest.newCallId();
        List<AudioRoutingGroup> before;
        try (ServerUnderTest first = ServerUnderTest.start(DatabaseConfig.embedded(dataDir))) {
            first.api().createAudioRoutingGroup(callId, multicast("kept", "a"));
            first.api().createAudioRoutingGroup(callId, multicast("changed", "a"));
            first.api().createAudioRoutingGroup(callId, multicast("deleted", "a"));
            first.api().updateAudioRoutingGroup(callId, "changed", new AudioRoutingGroupUpdate().receivers(Set.of("b")), null);
            first.api().deleteAudioRoutingGroup(callId, "deleted", null);
            before = first.api().listAudioRoutingGroups(callId, null, null).getValue();
        }

        try (ServerUnderTest second = ServerUnderTest.start(DatabaseConfig.embedded(dataDir))) {
            List<AudioRoutingGroup> after = second.api().listAudioRoutingGroups(callId, null, null).getValue();

            assertThat(after).isEqualTo(before);
            assertThat(after).extracting(group -> content(group)).containsExactly(multicast("kept", "a"), multicast("changed", "b"));
        }
    }
}
