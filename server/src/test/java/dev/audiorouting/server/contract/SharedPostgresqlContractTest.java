package dev.audiorouting.server.contract;

import static dev.audiorouting.server.contract.CreateAudioRoutingGroupContractTest.content;
import static dev.audiorouting.server.contract.CreateAudioRoutingGroupContractTest.multicast;
import static dev.audiorouting.server.contract.ServerUnderTest.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.audiorouting.client.ApiException;
import dev.audiorouting.client.model.AudioRoutingGroup;
import dev.audiorouting.client.model.AudioRoutingGroupUpdate;
import dev.audiorouting.server.Concurrently;
import dev.audiorouting.server.store.DatabaseConfig;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Two servers on one PostgreSQL database behave as one service: what one does, the other sees, and the database
 * settles races between them. Run by {@code .ci/postgresql-tests}.
 */
@Tag("postgresql")
@EnabledIfEnvironmentVariable(named = SharedPostgresqlContractTest.URL, matches = "jdbc:postgresql:.*")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharedPostgresqlContractTest {
    static final String URL = "AUDIO_ROUTING_TEST_POSTGRESQL_URL";
    private ServerUnderTest one;
    private ServerUnderTest two;

    @BeforeAll
    void start() {
        DatabaseConfig database = new DatabaseConfig(System.getenv(URL), null, null, DatabaseConfig.DEFAULT_POOL_SIZE);
        one = ServerUnderTest.start(database);
        two = ServerUnderTest.start(database);
    }

    @AfterAll
    void stop() throws Exception {
        one.close();
        two.close();
    }

    @Test
    void aGroupCreatedThroughOneIsReadUpdatedAndDeletedThroughTheOther() throws ApiException {
        String callId = ServerUnderTest.newCallId();
        AudioRoutingGroup created = one.api().createAudioRoutingGroup(callId, multicast("g", "a"));

        assertThat(two.api().getAudioRoutingGroup(callId, "g")).isEqualTo(created);
        AudioRoutingGroup updated = two.api().updateAudioRoutingGroup(callId, "g",
                new AudioRoutingGroupUpdate().receivers(Set.of("b")), created.getAtOdataEtag());
        assertThat(one.api().getAudioRoutingGroup(callId, "g")).isEqualTo(updated);
        assertThat(failureOf(() -> one.api().deleteAudioRoutingGroup(callId, "g", created.getAtOdataEtag())).status()).isEqualTo(412);
        one.api().deleteAudioRoutingGroup(callId, "g", updated.getAtOdataEtag());
        assertThat(failureOf(() -> two.api().getAudioRoutingGroup(callId, "g")).status()).isEqualTo(404);
    }

    @Test
    void theSameIdCreatedConcurrentlyThroughBothYieldsExactlyOneGroup() throws Exception {
        String callId = ServerUnderTest.newCallId();

        List<Integer> statuses = Concurrently.run(16, i -> {
            ServerUnderTest server = i % 2 == 0 ? one : two;
            try {
                server.api().createAudioRoutingGroup(callId, multicast("contested", "receiver-" + i));
                return 200;
            } catch (ApiException e) {
                return e.getCode();
            }
        });

        assertThat(statuses).containsOnlyOnce(200).containsOnly(200, 409);
        assertThat(one.api().listAudioRoutingGroups(callId, null, null).getValue()).hasSize(1);
    }

    @Test
    void identicalConcurrentCreatesThroughBothAreAllTheSameGroup() throws Exception {
        String callId = ServerUnderTest.newCallId();

        List<AudioRoutingGroup> answers = Concurrently.run(16, i ->
                (i % 2 == 0 ? one : two).api().createAudioRoutingGroup(callId, multicast("same", "a", "b")));

        assertThat(answers).allSatisfy(answer -> assertThat(answer).isEqualTo(answers.get(0)));
        assertThat(content(answers.get(0))).isEqualTo(multicast("same", "a", "b"));
    }

    @Test
    void concurrentUpdatesWithTheSameEtagThroughBothLetExactlyOneWin() throws Exception {
        String callId = ServerUnderTest.newCallId();
        String etag = one.api().createAudioRoutingGroup(callId, multicast("g", "a")).getAtOdataEtag();

        List<Integer> statuses = Concurrently.run(16, i -> {
            try {
                (i % 2 == 0 ? one : two).api().updateAudioRoutingGroup(callId, "g",
                        new AudioRoutingGroupUpdate().receivers(Set.of("r" + i)), etag);
                return 200;
            } catch (ApiException e) {
                return e.getCode();
            }
        });

        assertThat(statuses).containsOnlyOnce(200).containsOnly(200, 412);
    }
}
