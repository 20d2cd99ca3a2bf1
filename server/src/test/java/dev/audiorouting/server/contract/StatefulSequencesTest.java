package dev.audiorouting.server.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.audiorouting.client.ApiException;
import dev.audiorouting.client.api.AudioRoutingGroupsApi;
import dev.audiorouting.client.model.AudioRoutingGroup;
import dev.audiorouting.client.model.AudioRoutingGroupUpdate;
import dev.audiorouting.client.model.RoutingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random sequences of create, list, get, update and delete on a few ids of one call, through the generated
 * client, each answer checked against a model of what the call should hold: idempotent retries, 409s, 404s,
 * 412s for stale versions, list order, versions that change with every change.
 */
class StatefulSequencesTest {
    private static final String SOURCE = "s";
    private static ServerUnderTest server;

    @BeforeContainer
    static void start() {
        server = ServerUnderTest.start();
    }

    @AfterContainer
    static void stop() throws Exception {
        server.close();
    }

    /** What the model holds for a group: its receivers (in order) and its current version. */
    private record Held(List<String> receivers, String etag) {
    }

    /**
     * Versions the server issued for each id and that are no longer current (replaced, or deleted with their
     * group): a stale If-Match uses one of them, so a server that accepted any version it once issued would fail.
     */
    private static final Map<String, String> RETIRED = new java.util.concurrent.ConcurrentHashMap<>();

    private static String staleEtagOf(String callId, String id) {
        return RETIRED.getOrDefault(callId + "/" + id, "\"never-issued\"");
    }

    private static void retire(String callId, String id, Held held) {
        RETIRED.put(callId + "/" + id, held.etag());
    }

    /** One step of a sequence: it runs against the server and checks the answer against the model. */
    interface Action {
        void check(AudioRoutingGroupsApi api, String callId, Map<String, Held> model) throws ApiException;
    }

    record Create(String id, List<String> receivers) implements Action {
        @Override
        public void check(AudioRoutingGroupsApi api, String callId, Map<String, Held> model) throws ApiException {
            create(api, callId, model, this);
        }
    }

    record Get(String id) implements Action {
        @Override
        public void check(AudioRoutingGroupsApi api, String callId, Map<String, Held> model) throws ApiException {
            get(api, callId, model, this);
        }
    }

    record ListFirstPage() implements Action {
        @Override
        public void check(AudioRoutingGroupsApi api, String callId, Map<String, Held> model) throws ApiException {
            assertThat(api.listAudioRoutingGroups(callId, 2, null).getValue()).extracting(AudioRoutingGroup::getId)
                    .containsExactlyElementsOf(model.keySet().stream().limit(2).toList());
        }
    }

    record Update(String id, List<String> receivers, boolean stale) implements Action {
        @Override
        public void check(AudioRoutingGroupsApi api, String callId, Map<String, Held> model) throws ApiException {
            update(api, callId, model, this);
        }
    }

    record Delete(String id, boolean stale) implements Action {
        @Override
        public void check(AudioRoutingGroupsApi api, String callId, Map<String, Held> model) throws ApiException {
            delete(api, callId, model, this);
        }
    }

    @Property(tries = 60)
    void everyAnswerMatchesTheModel(@ForAll("sequences") List<Action> actions) throws Exception {
        AudioRoutingGroupsApi api = server.api();
        String callId = ServerUnderTest.newCallId();
        Map<String, Held> model = new LinkedHashMap<>();
        for (Action action : actions) {
            action.check(api, callId, model);
            assertThat(listAll(api, callId)).as("after " + action).containsExactlyElementsOf(model.keySet());
        }
    }

    private static void create(AudioRoutingGroupsApi api, String callId, Map<String, Held> model, Create create) throws ApiException {
        Held held = model.get(create.id());
        if (held != null && !new LinkedHashSet<>(held.receivers()).equals(new LinkedHashSet<>(create.receivers()))) {
            assertThat(status(() -> api.createAudioRoutingGroup(callId, group(create.id(), create.receivers())))).isEqualTo(409);
            return;
        }
        AudioRoutingGroup answer = api.createAudioRoutingGroup(callId, group(create.id(), create.receivers()));
        if (held == null) {
            assertThat(List.copyOf(answer.getReceivers())).isEqualTo(create.receivers());
            model.put(create.id(), new Held(create.receivers(), answer.getAtOdataEtag()));
        } else {
            assertThat(List.copyOf(answer.getReceivers())).as("a retry answers the stored group").isEqualTo(held.receivers());
            assertThat(answer.getAtOdataEtag()).isEqualTo(held.etag());
        }
    }

    private static void get(AudioRoutingGroupsApi api, String callId, Map<String, Held> model, Get get) throws ApiException {
        Held held = model.get(get.id());
        if (held == null) {
            assertThat(status(() -> api.getAudioRoutingGroup(callId, get.id()))).isEqualTo(404);
            return;
        }
        AudioRoutingGroup answer = api.getAudioRoutingGroup(callId, get.id());
        assertThat(List.copyOf(answer.getReceivers())).isEqualTo(held.receivers());
        assertThat(answer.getAtOdataEtag()).isEqualTo(held.etag());
    }

    private static void update(AudioRoutingGroupsApi api, String callId, Map<String, Held> model, Update update) throws ApiException {
        Held held = model.get(update.id());
        AudioRoutingGroupUpdate change = new AudioRoutingGroupUpdate().receivers(new LinkedHashSet<>(update.receivers()));
        if (held == null) {
            assertThat(status(() -> api.updateAudioRoutingGroup(callId, update.id(), change, null))).isEqualTo(404);
        } else if (update.stale()) {
            assertThat(status(() -> api.updateAudioRoutingGroup(callId, update.id(), change, staleEtagOf(callId, update.id())))).isEqualTo(412);
        } else {
            AudioRoutingGroup answer = api.updateAudioRoutingGroup(callId, update.id(), change, held.etag());
            assertThat(List.copyOf(answer.getReceivers())).isEqualTo(update.receivers());
            boolean changed = !update.receivers().equals(held.receivers());
            assertThat(answer.getAtOdataEtag().equals(held.etag())).as("the version changes exactly when the group does").isEqualTo(!changed);
            if (changed) {
                retire(callId, update.id(), held);
            }
            model.put(update.id(), new Held(update.receivers(), answer.getAtOdataEtag()));
        }
    }

    private static void delete(AudioRoutingGroupsApi api, String callId, Map<String, Held> model, Delete delete) throws ApiException {
        Held held = model.get(delete.id());
        if (held == null) {
            assertThat(status(() -> api.deleteAudioRoutingGroup(callId, delete.id(), null))).isEqualTo(404);
        } else if (delete.stale()) {
            assertThat(status(() -> api.deleteAudioRoutingGroup(callId, delete.id(), staleEtagOf(callId, delete.id())))).isEqualTo(412);
        } else {
            api.deleteAudioRoutingGroup(callId, delete.id(), held.etag());
            retire(callId, delete.id(), held);
            model.remove(delete.id());
        }
    }

    private static List<String> listAll(AudioRoutingGroupsApi api, String callId) throws ApiException {
        List<String> ids = new ArrayList<>();
        String skiptoken = null;
        do {
            var page = api.listAudioRoutingGroups(callId, 2, skiptoken);
            page.getValue().forEach(group -> ids.add(group.getId()));
            skiptoken = page.getAtOdataNextLink() == null ? null
                    : page.getAtOdataNextLink().getQuery().replaceAll(".*\\$skiptoken=([^&]+).*", "$1");
        } while (skiptoken != null);
        return ids;
    }

    private static AudioRoutingGroup group(String id, List<String> receivers) {
        return new AudioRoutingGroup().id(id).routingMode(RoutingMode.MULTICAST)
                .sources(java.util.Set.of(SOURCE)).receivers(new LinkedHashSet<>(receivers));
    }

    private static int status(ServerUnderTest.ClientCall call) {
        return ServerUnderTest.failureOf(call).status();
    }

    @Provide
    Arbitrary<List<Action>> sequences() {
        Arbitrary<String> ids = Arbitraries.of("g1", "g2", "g3");
        Arbitrary<List<String>> receivers = Arbitraries.of("a", "b", "c").list().uniqueElements().ofMinSize(1).ofMaxSize(3);
        Arbitrary<Boolean> stale = Arbitraries.of(true, false, false, false);
        Arbitrary<Action> action = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, Combinators.combine(ids, receivers).as(Create::new)),
                net.jqwik.api.Tuple.of(2, ids.map(Get::new)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(new ListFirstPage())),
                net.jqwik.api.Tuple.of(3, Combinators.combine(ids, receivers, stale).as(Update::new)),
                net.jqwik.api.Tuple.of(2, Combinators.combine(ids, stale).as(Delete::new)));
        return action.list().ofMinSize(1).ofMaxSize(20);
    }
}
