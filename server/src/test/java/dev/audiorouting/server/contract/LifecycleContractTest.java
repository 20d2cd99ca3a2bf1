package dev.audiorouting.server.contract;

import static dev.audiorouting.server.contract.CreateAudioRoutingGroupContractTest.content;
import static dev.audiorouting.server.contract.CreateAudioRoutingGroupContractTest.groups;
import static dev.audiorouting.server.contract.CreateAudioRoutingGroupContractTest.multicast;
import static dev.audiorouting.server.contract.CreateAudioRoutingGroupContractTest.oneToOne;
import static dev.audiorouting.server.contract.ErrorResponsesContractTest.graphError;
import static dev.audiorouting.server.contract.ServerUnderTest.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.audiorouting.client.ApiException;
import dev.audiorouting.client.GraphError;
import dev.audiorouting.client.api.AudioRoutingGroupsApi;
import dev.audiorouting.client.model.AudioRoutingGroup;
import dev.audiorouting.client.model.AudioRoutingGroupCollection;
import dev.audiorouting.client.model.AudioRoutingGroupUpdate;
import dev.audiorouting.client.model.RoutingMode;
import dev.audiorouting.server.Concurrently;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** List, get, update and delete over real HTTP, on both paths, every exchange validated against openapi.yaml. */
@ExtendWith(RunningServer.class)
class LifecycleContractTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static AudioRoutingGroupUpdate receivers(String... receivers) {
        return new AudioRoutingGroupUpdate().receivers(new LinkedHashSet<>(List.of(receivers)));
    }

    @Nested
    class List_ {

        @Test
        void aCallWithoutGroupsHasAnEmptyList(ServerUnderTest server) throws ApiException {
            AudioRoutingGroupCollection page = server.api().listAudioRoutingGroups(ServerUnderTest.newCallId(), null, null);

            assertThat(page.getValue()).isEmpty();
            assertThat(page.getAtOdataNextLink()).isNull();
        }

        @Test
        void followsNextLinksThroughEveryGroupInCreationOrder(ServerUnderTest server) throws Exception {
            String callId = ServerUnderTest.newCallId();
            List<String> created = List.of("z", "b", "y", "a", "x");
            for (String id : created) {
                server.api().createAudioRoutingGroup(callId, multicast(id, "r"));
            }

            List<String> seen = new ArrayList<>();
            String next = server.baseUri() + groups("communications", callId) + "?$top=2";
            int pages = 0;
            while (next != null) {
                HttpResponse<String> response = server.send(server.request(next.substring(server.baseUri().toString().length())).GET());
                assertThat(response.statusCode()).isEqualTo(200);
                JsonNode page = JSON.readTree(response.body());
                page.get("value").forEach(group -> seen.add(group.get("id").asText()));
                next = page.has("@odata.nextLink") ? page.get("@odata.nextLink").asText() : null;
                if (next != null) {
                    assertThat(URI.create(next).getRawQuery()).matches("\\$top=2&\\$skiptoken=[0-9a-z]+");
                }
                pages++;
            }

            assertThat(seen).containsExactlyElementsOf(created);
            assertThat(pages).isEqualTo(3);
        }

        @Test
        @SuppressWarnings("deprecation")
        void theGeneratedClientPagesWithTheSkipTokenOfTheNextLink(ServerUnderTest server) throws ApiException {
            String callId = ServerUnderTest.newCallId();
            for (int i = 0; i < 3; i++) {
                server.api().createAudioRoutingGroup(callId, multicast("g" + i, "r"));
            }

            AudioRoutingGroupCollection first = server.api().listAppAudioRoutingGroups(callId, 2, null);
            URI next = first.getAtOdataNextLink();
            String skiptoken = next.getQuery().replaceAll(".*\\$skiptoken=([^&]+).*", "$1");
            AudioRoutingGroupCollection second = server.api().listAudioRoutingGroups(callId, 2, skiptoken);

            assertThat(next.toString()).startsWith(server.baseUri() + groups("app", callId));
            assertThat(first.getValue()).extracting(AudioRoutingGroup::getId).containsExactly("g0", "g1");
            assertThat(second.getValue()).extracting(AudioRoutingGroup::getId).containsExactly("g2");
            assertThat(second.getAtOdataNextLink()).isNull();
        }

        @ParameterizedTest
        @ValueSource(strings = {"$top=0", "$top=101", "$top=ten", "$skiptoken=not-ours!", "$skiptoken=0"})
        void refusesBadPagingParameters(String query, ServerUnderTest server) throws Exception {
            HttpResponse<String> response = server.send(server.request(groups("communications", ServerUnderTest.newCallId()) + "?" + query).GET());

            JsonNode error = graphError(response, 400, "invalidRequest");
            assertThat(error.get("target").asText()).isEqualTo(query.substring(0, query.indexOf('=')));
        }
    }

    @Nested
    class Get {

        @Test
        void answersTheGroupWithItsVersion(ServerUnderTest server) throws Exception {
            String callId = ServerUnderTest.newCallId();
            server.api().createAudioRoutingGroup(callId, oneToOne("g"));

            HttpResponse<String> response = server.send(server.request(groups("communications", callId) + "/g").GET());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(content(response)).isEqualTo(JSON.valueToTree(
                    java.util.Map.of("id", "g", "routingMode", "oneToOne",
                            "sources", List.of(oneToOne("g").getSources().iterator().next()),
                            "receivers", List.of(oneToOne("g").getReceivers().iterator().next()))));
        }

        @Test
        @SuppressWarnings("deprecation")
        void ofAnAbsentGroupIs404OnBothPaths(ServerUnderTest server) {
            String callId = ServerUnderTest.newCallId();

            for (GraphError error : List.of(failureOf(() -> server.api().getAudioRoutingGroup(callId, "absent")),
                    failureOf(() -> server.api().getAppAudioRoutingGroup(callId, "absent")))) {
                assertThat(error.status()).isEqualTo(404);
                assertThat(error.code()).isEqualTo("itemNotFound");
                assertThat(error.message()).contains("'absent'");
            }
        }
    }

    @Nested
    class Update {

        @Test
        void replacesTheReceiversAndGivesANewVersion(ServerUnderTest server) throws ApiException {
            AudioRoutingGroupsApi api = server.api();
            String callId = ServerUnderTest.newCallId();
            AudioRoutingGroup created = api.createAudioRoutingGroup(callId, multicast("g", "a"));

            AudioRoutingGroup updated = api.updateAudioRoutingGroup(callId, "g", receivers("b", "c"), null);

            assertThat(content(updated)).isEqualTo(multicast("g", "b", "c"));
            assertThat(updated.getAtOdataEtag()).isNotEqualTo(created.getAtOdataEtag());
            assertThat(api.getAudioRoutingGroup(callId, "g")).isEqualTo(updated);
        }

        @Test
        void acceptsTheWholeGroupItReadBack(ServerUnderTest server) throws ApiException {
            AudioRoutingGroupsApi api = server.api();
            String callId = ServerUnderTest.newCallId();
            AudioRoutingGroup read = api.createAudioRoutingGroup(callId, multicast("g", "a"));
            AudioRoutingGroupUpdate whole = new AudioRoutingGroupUpdate().atOdataEtag(read.getAtOdataEtag()).id("g")
                    .routingMode(RoutingMode.MULTICAST).sources(read.getSources()).receivers(Set.of("b"));

            assertThat(content(api.updateAudioRoutingGroup(callId, "g", whole, read.getAtOdataEtag()))).isEqualTo(multicast("g", "b"));
        }

        @Test
        void refusesToChangeTheSourceOrModeAndSaysToRecreate(ServerUnderTest server) throws ApiException {
            AudioRoutingGroupsApi api = server.api();
            String callId = ServerUnderTest.newCallId();
            AudioRoutingGroup created = api.createAudioRoutingGroup(callId, multicast("g", "a"));

            GraphError source = failureOf(() -> api.updateAudioRoutingGroup(callId, "g", new AudioRoutingGroupUpdate().sources(Set.of("other")), null));
            GraphError mode = failureOf(() -> api.updateAudioRoutingGroup(callId, "g",
                    new AudioRoutingGroupUpdate().routingMode(RoutingMode.ONE_TO_ONE), null));

            assertThat(source.status()).isEqualTo(400);
            assertThat(source.target()).isEqualTo("sources");
            assertThat(source.message()).contains("delete the group and create it again");
            assertThat(mode.target()).isEqualTo("routingMode");
            assertThat(api.getAudioRoutingGroup(callId, "g")).isEqualTo(created);
        }

        @Test
        void keepsTheRulesOfTheRoutingMode(ServerUnderTest server) throws ApiException {
            AudioRoutingGroupsApi api = server.api();
            String callId = ServerUnderTest.newCallId();
            api.createAudioRoutingGroup(callId, oneToOne("g"));

            GraphError error = failureOf(() -> api.updateAudioRoutingGroup(callId, "g", receivers("a", "b"), null));

            assertThat(error.status()).isEqualTo(400);
            assertThat(error.message()).contains("exactly one receiver");
        }

        @Test
        void withTheCurrentEtagSucceedsAndWithAStaleOneAnswers412(ServerUnderTest server) throws ApiException {
            AudioRoutingGroupsApi api = server.api();
            String callId = ServerUnderTest.newCallId();
            String first = api.createAudioRoutingGroup(callId, multicast("g", "a")).getAtOdataEtag();
            AudioRoutingGroup second = api.updateAudioRoutingGroup(callId, "g", receivers("b"), first);

            GraphError stale = failureOf(() -> api.updateAudioRoutingGroup(callId, "g", receivers("c"), first));

            assertThat(stale.status()).isEqualTo(412);
            assertThat(stale.code()).isEqualTo("resourceModified");
            assertThat(api.getAudioRoutingGroup(callId, "g")).isEqualTo(second);
            assertThat(content(api.updateAudioRoutingGroup(callId, "g", receivers("d"), "*"))).isEqualTo(multicast("g", "d"));
        }

        @Test
        void readsEveryIfMatchLineAndRefusesAnOverlongOne(ServerUnderTest server) throws Exception {
            String callId = ServerUnderTest.newCallId();
            String etag = server.api().createAudioRoutingGroup(callId, multicast("g", "a")).getAtOdataEtag();
            HttpRequest.Builder twoLines = server.request(groups("communications", callId) + "/g")
                    .header("Content-Type", "application/json").header("If-Match", "\"stale\"").header("If-Match", etag)
                    .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"receivers\":[\"b\"]}"));
            HttpRequest.Builder overlong = server.request(groups("communications", callId) + "/g")
                    .header("If-Match", "\"" + "x".repeat(1100) + "\"").DELETE();

            assertThat(server.send(twoLines).statusCode()).isEqualTo(200);
            assertThat(graphError(server.send(overlong), 400, "invalidRequest").get("target").asText()).isEqualTo("If-Match");
        }

        @Test
        void ofConcurrentClientsWithTheSameEtagLetsExactlyOneWin(ServerUnderTest server) throws Exception {
            AudioRoutingGroupsApi api = server.api();
            String callId = ServerUnderTest.newCallId();
            String etag = api.createAudioRoutingGroup(callId, multicast("g", "a")).getAtOdataEtag();

            List<Integer> statuses = Concurrently.run(8, i -> {
                try {
                    api.updateAudioRoutingGroup(callId, "g", receivers("r" + i), etag);
                    return 200;
                } catch (ApiException e) {
                    return e.getCode();
                }
            });

            assertThat(statuses).containsOnlyOnce(200).containsOnly(200, 412);
        }

        @Test
        void ofAnAbsentGroupIs404(ServerUnderTest server) {
            GraphError error = failureOf(() -> server.api().updateAudioRoutingGroup(ServerUnderTest.newCallId(), "absent", receivers("b"), null));

            assertThat(error.status()).isEqualTo(404);
        }

        @ParameterizedTest
        @ValueSource(strings = {"{\"receivers\":null}", "{\"receivers\":[\"a\",\"a\"]}", "{\"color\":\"red\"}", "[]"})
        void refusesBadBodies(String body, ServerUnderTest server) throws Exception {
            String callId = ServerUnderTest.newCallId();
            server.api().createAudioRoutingGroup(callId, multicast("g", "a"));
            HttpRequest.Builder patch = server.request(groups("communications", callId) + "/g")
                    .header("Content-Type", "application/json").method("PATCH", HttpRequest.BodyPublishers.ofString(body));

            graphError(server.send(patch), 400, "invalidRequest");
        }
    }

    @Nested
    class Delete {

        @Test
        @SuppressWarnings("deprecation")
        void answers204WithoutBodyThen404(ServerUnderTest server) throws Exception {
            String callId = ServerUnderTest.newCallId();
            server.api().createAudioRoutingGroup(callId, oneToOne("g"));

            HttpResponse<String> deleted = server.send(server.request(groups("app", callId) + "/g").DELETE());

            assertThat(deleted.statusCode()).isEqualTo(204);
            assertThat(deleted.body()).isEmpty();
            assertThat(failureOf(() -> server.api().deleteAudioRoutingGroup(callId, "g", null)).status()).isEqualTo(404);
            assertThat(failureOf(() -> server.api().getAudioRoutingGroup(callId, "g")).status()).isEqualTo(404);
            assertThat(server.api().listAudioRoutingGroups(callId, null, null).getValue()).isEmpty();
        }

        @Test
        void withAStaleEtagAnswers412AndKeepsTheGroup(ServerUnderTest server) throws ApiException {
            AudioRoutingGroupsApi api = server.api();
            String callId = ServerUnderTest.newCallId();
            String first = api.createAudioRoutingGroup(callId, multicast("g", "a")).getAtOdataEtag();
            String second = api.updateAudioRoutingGroup(callId, "g", receivers("b"), null).getAtOdataEtag();

            assertThat(failureOf(() -> api.deleteAudioRoutingGroup(callId, "g", first)).status()).isEqualTo(412);
            api.deleteAudioRoutingGroup(callId, "g", second);
            assertThat(failureOf(() -> api.getAudioRoutingGroup(callId, "g")).status()).isEqualTo(404);
        }

        @Test
        void anEtagFromBeforeADeleteNeverMatchesTheRecreatedGroup(ServerUnderTest server) throws ApiException {
            AudioRoutingGroupsApi api = server.api();
            String callId = ServerUnderTest.newCallId();
            String old = api.createAudioRoutingGroup(callId, multicast("g", "a")).getAtOdataEtag();
            api.deleteAudioRoutingGroup(callId, "g", null);
            api.createAudioRoutingGroup(callId, multicast("g", "a"));

            assertThat(failureOf(() -> api.updateAudioRoutingGroup(callId, "g", receivers("b"), old)).status()).isEqualTo(412);
        }
    }

    /** Every id the spec allows can be written in a URL, and so read, changed and deleted through one. */
    @Nested
    class IdsInUrls {

        @ParameterizedTest
        @ValueSource(strings = {"with space", "semi;colon", "question?mark", "hash#tag", "caf\u00e9", "\ud83c\udfb5", "a+b", "[x]", "'quote\"", "."+"dot"})
        @SuppressWarnings("deprecation")
        void reachEveryOperation(String id, ServerUnderTest server) throws ApiException {
            AudioRoutingGroupsApi api = server.api();
            String callId = ServerUnderTest.newCallId() + " " + id;
            api.createAudioRoutingGroup(callId, multicast(id, "a"));

            assertThat(api.getAudioRoutingGroup(callId, id).getId()).isEqualTo(id);
            assertThat(api.getAppAudioRoutingGroup(callId, id).getId()).isEqualTo(id);
            assertThat(content(api.updateAudioRoutingGroup(callId, id, receivers("b"), null))).isEqualTo(multicast(id, "b"));
            assertThat(api.listAudioRoutingGroups(callId, null, null).getValue()).extracting(AudioRoutingGroup::getId).containsExactly(id);
            api.deleteAudioRoutingGroup(callId, id, null);
            assertThat(failureOf(() -> api.getAudioRoutingGroup(callId, id)).status()).isEqualTo(404);
        }

        @Test
        void nextLinksOfCallIdsThatNeedEncodingWork(ServerUnderTest server) throws Exception {
            String callId = "call with spaces;and=more " + ServerUnderTest.newCallId();
            server.api().createAudioRoutingGroup(callId, multicast("a", "r"));
            server.api().createAudioRoutingGroup(callId, multicast("b", "r"));

            URI next = server.api().listAudioRoutingGroups(callId, 1, null).getAtOdataNextLink();
            HttpResponse<String> page = server.send(server.request(next.getRawPath().substring("/beta".length()) + "?" + next.getRawQuery()).GET());

            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(page.body()).get("value").get(0).get("id").asText()).isEqualTo("b");
        }

        @ParameterizedTest
        @ValueSource(strings = {".", "..", "a/b", "back\\slash", "100%"})
        void thatNoUrlCouldCarryAreRefused(String id, ServerUnderTest server) throws Exception {
            String body = "{\"id\":" + JSON.writeValueAsString(id) + ",\"routingMode\":\"multicast\",\"sources\":[\"s\"],\"receivers\":[\"r\"]}";

            JsonNode error = graphError(server.post(groups("communications", ServerUnderTest.newCallId()), "application/json", body), 400, "invalidRequest");

            assertThat(error.get("target").asText()).isEqualTo("id");
        }
    }

}
