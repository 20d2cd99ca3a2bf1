package dev.audiorouting.server.contract;

import static dev.audiorouting.server.contract.ServerUnderTest.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.audiorouting.client.ApiException;
import dev.audiorouting.client.GraphError;
import dev.audiorouting.client.api.AudioRoutingGroupsApi;
import dev.audiorouting.client.model.AudioRoutingGroup;
import dev.audiorouting.client.model.RoutingMode;
import java.net.http.HttpResponse;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Creating groups over real HTTP, through the generated client and raw requests, on both paths. Every
 * exchange is validated against openapi.yaml by {@link SpecValidatingHttpClient}.
 */
@ExtendWith(RunningServer.class)
class CreateAudioRoutingGroupContractTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SOURCE = "632899f8-2ea1-4604-8413-27bd2892079f";
    private static final String RECEIVER = "550fae72-d251-43ec-868c-373732c2704f";

    static String groups(String pathRoot, String callId) {
        return "/" + pathRoot + "/calls/" + callId + "/audioRoutingGroups";
    }

    /** The group's content: what was sent, with the version the server added checked and set aside. */
    static AudioRoutingGroup content(AudioRoutingGroup group) {
        assertThat(group.getAtOdataEtag()).as("@odata.etag").matches("\"[A-Za-z0-9_-]+\"");
        return new AudioRoutingGroup().id(group.getId()).routingMode(group.getRoutingMode())
                .sources(group.getSources()).receivers(group.getReceivers());
    }

    /** The same, for a raw JSON body; the etag must also be the ETag header's. */
    static JsonNode content(HttpResponse<String> response) throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode body = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(response.body());
        assertThat(body.remove("@odata.etag").asText()).isEqualTo(response.headers().firstValue("ETag").orElseThrow());
        return body;
    }

    static AudioRoutingGroup oneToOne(String id) {
        return new AudioRoutingGroup().id(id).routingMode(RoutingMode.ONE_TO_ONE)
                .sources(Set.of(SOURCE)).receivers(Set.of(RECEIVER));
    }

    static AudioRoutingGroup multicast(String id, String... receivers) {
        return new AudioRoutingGroup().id(id).routingMode(RoutingMode.MULTICAST)
                .sources(Set.of(SOURCE)).receivers(new LinkedHashSet<>(List.of(receivers)));
    }

    @Nested
    class TheSpecExamples {

        @Test
        void seedRequestAnswersWithItsOwnBytesInGraphsPropertyOrder(ServerUnderTest server) {
            String seed = "{\"id\":\"oneToOne\",\"routingMode\":\"oneToOne\",\"sources\":[\"" + SOURCE
                    + "\"],\"receivers\":[\"" + RECEIVER + "\"]}";

            HttpResponse<String> response = server.post(groups("communications", ServerUnderTest.newCallId()), "application/json", seed);

            String etag = response.headers().firstValue("ETag").orElseThrow();
            assertThat(response.body()).isEqualTo("{\"@odata.etag\":" + JSON.valueToTree(etag) + "," + seed.substring(1));
        }
    }

    @Nested
    class TheGeneratedClient {

        @Test
        void createsOneToOneOnTheCommunicationsPath(ServerUnderTest server) throws ApiException {
            AudioRoutingGroup created = server.api().createAudioRoutingGroup(ServerUnderTest.newCallId(), oneToOne("oneToOne"));

            assertThat(content(created)).isEqualTo(oneToOne("oneToOne"));
        }

        @Test
        @SuppressWarnings("deprecation")
        void createsMulticastOnTheDeprecatedAppPath(ServerUnderTest server) throws ApiException {
            AudioRoutingGroup group = multicast("multicast", RECEIVER, "72f988bf-86f1-41af-91ab-2d7cd011db47");

            AudioRoutingGroup created = server.api().createAppAudioRoutingGroup(ServerUnderTest.newCallId(), group);

            assertThat(content(created)).isEqualTo(group);
            assertThat(List.copyOf(created.getReceivers())).containsExactly(RECEIVER, "72f988bf-86f1-41af-91ab-2d7cd011db47");
        }

        @Test
        @SuppressWarnings("deprecation")
        void bothPathsReachTheSameGroups(ServerUnderTest server) throws ApiException {
            AudioRoutingGroupsApi api = server.api();
            String callId = ServerUnderTest.newCallId();
            api.createAppAudioRoutingGroup(callId, oneToOne("shared"));

            GraphError conflict = failureOf(() -> api.createAudioRoutingGroup(callId, multicast("shared", RECEIVER)));

            assertThat(conflict.status()).isEqualTo(409);
            assertThat(content(api.createAudioRoutingGroup(callId, oneToOne("shared")))).isEqualTo(oneToOne("shared"));
        }

        @Test
        void createsLargestGroupTheSpecAllows(ServerUnderTest server) throws ApiException {
            String[] receivers = new String[256];
            for (int i = 0; i < receivers.length; i++) {
                receivers[i] = "r".repeat(120) + String.format("%03d", i) + "\u00e9\u4e2d\ud83c\udfb5".repeat(1);
            }
            AudioRoutingGroup group = multicast("x".repeat(128), receivers).sources(Set.of("s".repeat(128)));

            assertThat(content(server.api().createAudioRoutingGroup(ServerUnderTest.newCallId(), group))).isEqualTo(group);
        }
    }

    @Nested
    class Ids {

        @Test
        void areGeneratedAsUuidsWhenAbsent(ServerUnderTest server) throws ApiException {
            AudioRoutingGroupsApi api = server.api();
            String callId = ServerUnderTest.newCallId();

            AudioRoutingGroup first = api.createAudioRoutingGroup(callId, oneToOne(null));
            AudioRoutingGroup second = api.createAudioRoutingGroup(callId, oneToOne(null));

            assertThat(UUID.fromString(first.getId())).isNotEqualTo(UUID.fromString(second.getId()));
            assertThat(content(first).id(null)).isEqualTo(oneToOne(null));
        }

        @Test
        void areScopedToTheirCall(ServerUnderTest server) throws ApiException {
            AudioRoutingGroupsApi api = server.api();

            api.createAudioRoutingGroup(ServerUnderTest.newCallId(), oneToOne("same-id"));
            AudioRoutingGroup inOtherCall = api.createAudioRoutingGroup(ServerUnderTest.newCallId(), multicast("same-id", RECEIVER));

            assertThat(inOtherCall.getRoutingMode()).isEqualTo(RoutingMode.MULTICAST);
        }
    }

    @Nested
    class RepeatedCreates {

        @Test
        void withTheSameBodyAreSafeRetriesAnswering200(ServerUnderTest server) throws ApiException {
            AudioRoutingGroupsApi api = server.api();
            String callId = ServerUnderTest.newCallId();
            AudioRoutingGroup created = api.createAudioRoutingGroup(callId, multicast("retry", "a", "b"));

            assertThat(api.createAudioRoutingGroup(callId, multicast("retry", "a", "b"))).isEqualTo(created);
            assertThat(api.createAudioRoutingGroup(callId, multicast("retry", "b", "a")))
                    .as("receivers in another order are the same group; the stored order is kept")
                    .isEqualTo(created);
        }

        @Test
        void withAnotherBodyAnswer409NameAlreadyExistsAndKeepTheStoredGroup(ServerUnderTest server) throws ApiException {
            AudioRoutingGroupsApi api = server.api();
            String callId = ServerUnderTest.newCallId();
            api.createAudioRoutingGroup(callId, multicast("taken", "a", "b"));

            GraphError conflict = failureOf(() -> api.createAudioRoutingGroup(callId, multicast("taken", "a", "c")));

            assertThat(conflict.status()).isEqualTo(409);
            assertThat(conflict.code()).isEqualTo("nameAlreadyExists");
            assertThat(conflict.message()).contains("'taken'");
            assertThat(conflict.target()).isEqualTo("id");
            assertThat(content(api.createAudioRoutingGroup(callId, multicast("taken", "a", "b")))).isEqualTo(multicast("taken", "a", "b"));
        }
    }

    @Nested
    class RuleViolationsAnswer400NamingTheField {

        @Test
        void oneToOneWithTwoReceivers(ServerUnderTest server) {
            AudioRoutingGroup group = oneToOne("g").receivers(new LinkedHashSet<>(List.of("a", "b")));

            assertInvalid(failureOf(() -> server.api().createAudioRoutingGroup(ServerUnderTest.newCallId(), group)),
                    "receivers", "exactly one receiver");
        }

        @Test
        void sourceThatIsAlsoAReceiver(ServerUnderTest server) {
            AudioRoutingGroup group = multicast("g", "b", SOURCE);

            assertInvalid(failureOf(() -> server.api().createAudioRoutingGroup(ServerUnderTest.newCallId(), group)),
                    "receivers", "cannot also be a receiver");
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
                missing routingMode   | {"sources":["a"],"receivers":["b"]}                                      | routingMode
                missing sources       | {"routingMode":"multicast","receivers":["b"]}                            | sources
                missing receivers     | {"routingMode":"multicast","sources":["a"]}                              | receivers
                null routingMode      | {"routingMode":null,"sources":["a"],"receivers":["b"]}                   | routingMode
                null id               | {"id":null,"routingMode":"multicast","sources":["a"],"receivers":["b"]}  | id
                null @odata.type      | {"@odata.type":null,"routingMode":"multicast","sources":["a"],"receivers":["b"]} | @odata.type
                broken string         | {"id":"a\u0001b","routingMode":"multicast","sources":["a"],"receivers":["b"]} | id
                two sources           | {"routingMode":"multicast","sources":["a","c"],"receivers":["b"]}        | sources
                no sources            | {"routingMode":"multicast","sources":[],"receivers":["b"]}               | sources
                no receivers          | {"routingMode":"multicast","sources":["a"],"receivers":[]}               | receivers
                duplicate receivers   | {"routingMode":"multicast","sources":["a"],"receivers":["b","b"]}        | receivers
                empty participant id  | {"routingMode":"multicast","sources":[""],"receivers":["b"]}             | sources
                null participant id   | {"routingMode":"multicast","sources":["a"],"receivers":[null]}           | receivers
                empty id              | {"id":"","routingMode":"multicast","sources":["a"],"receivers":["b"]}    | id
                unknown routingMode   | {"routingMode":"broadcast","sources":["a"],"receivers":["b"]}            | routingMode
                number for a string   | {"id":7,"routingMode":"multicast","sources":["a"],"receivers":["b"]}     | id
                boolean in a list     | {"routingMode":"multicast","sources":["a"],"receivers":[true]}           | receivers[0]
                string for a list     | {"routingMode":"multicast","sources":"a","receivers":["b"]}              | sources
                unknown property      | {"routingMode":"multicast","sources":["a"],"receivers":["b"],"x":1}      | x
                other @odata.type     | {"@odata.type":"#microsoft.graph.call","routingMode":"multicast","sources":["a"],"receivers":["b"]} | @odata.type
                """)
        void forEachBrokenRule(String rule, String body, String field, ServerUnderTest server) throws Exception {
            HttpResponse<String> response = server.post(groups("communications", ServerUnderTest.newCallId()), "application/json", body);

            assertThat(response.statusCode()).as(rule).isEqualTo(400);
            JsonNode error = JSON.readTree(response.body()).get("error");
            assertThat(error.get("code").asText()).isEqualTo("invalidRequest");
            assertThat(error.get("target").asText()).isEqualTo(field);
            assertThat(error.get("message").asText()).startsWith(field + ": ");
        }

        @Test
        void idLongerThanTheSpecAllows(ServerUnderTest server) {
            String body = "{\"id\":\"" + "x".repeat(129) + "\",\"routingMode\":\"multicast\",\"sources\":[\"a\"],\"receivers\":[\"b\"]}";

            HttpResponse<String> response = server.post(groups("communications", ServerUnderTest.newCallId()), "application/json", body);

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).contains("\"target\":\"id\"", "at most 128");
        }

        @Test
        void callIdLongerThanTheSpecAllows(ServerUnderTest server) {
            HttpResponse<String> response = server.post(groups("communications", "c".repeat(129)), "application/json", Spec.get().example("oneToOne"));

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).contains("\"target\":\"call-id\"");
        }

        private void assertInvalid(GraphError error, String field, String words) {
            assertThat(error.status()).isEqualTo(400);
            assertThat(error.code()).isEqualTo("invalidRequest");
            assertThat(error.target()).isEqualTo(field);
            assertThat(error.message()).startsWith(field + ": ").contains(words);
        }
    }
}
