package dev.audiorouting.sdkcompat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.graph.beta.models.AudioRoutingGroup;
import com.microsoft.graph.beta.models.RoutingMode;
import com.microsoft.graph.beta.models.odataerrors.ODataError;
import com.microsoft.graph.beta.serviceclient.GraphServiceClient;
import com.microsoft.graph.beta.communications.calls.item.audioroutinggroups.AudioRoutingGroupsRequestBuilder;
import com.microsoft.kiota.authentication.AuthenticationProvider;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Microsoft's Java SDK for Graph beta (6.59.0, Kiota 1.9.2), pointed at the packaged server started with no
 * configuration, with a token from its {@code token} subcommand: it must work as it does against Graph.
 */
class GraphSdkCompatibilityIT {
    private static final Path JAR = Path.of(System.getProperty("server.jar", "../server/target/audio-routing-server.jar"));
    private static final Pattern LISTENING = Pattern.compile("Listening on (http://\\S+/beta)");
    /** The JVM running these tests, not whatever java is first on the PATH. */
    private static final String JAVA = ProcessHandle.current().info().command().orElse("java");
    private static final String SOURCE = "632899f8-2ea1-4604-8413-27bd2892079f";
    private static final String RECEIVER = "550fae72-d251-43ec-868c-373732c2704f";

    private static Process server;
    private static Path dataDir;
    private static GraphServiceClient graph;

    @BeforeAll
    static void start() throws Exception {
        dataDir = Files.createTempDirectory("sdk-compat");
        server = new ProcessBuilder(JAVA, "-jar", JAR.toString(), "--port", "0", "--host", "127.0.0.1", "--admin-port", "0", "--data-dir", dataDir.toString())
                .redirectErrorStream(true).start();
        String baseUrl = awaitBaseUrl(server);
        String token = token();
        AuthenticationProvider bearer = (request, context) -> request.headers.add("Authorization", "Bearer " + token);
        graph = new GraphServiceClient(bearer);
        graph.getRequestAdapter().setBaseUrl(baseUrl);
    }

    @AfterAll
    static void stop() throws Exception {
        server.toHandle().destroy();
        server.waitFor(10, TimeUnit.SECONDS);
        server.destroyForcibly();
        try (var paths = Files.walk(dataDir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** The base URL the server logs, within 30 seconds. */
    private static String awaitBaseUrl(Process process) throws Exception {
        BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        java.util.concurrent.CompletableFuture<String> baseUrl = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    Matcher listening = LISTENING.matcher(line);
                    if (listening.find()) {
                        return listening.group(1);
                    }
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            throw new IllegalStateException("The server ended without listening");
        });
        String url = baseUrl.get(30, TimeUnit.SECONDS);
        Thread drain = new Thread(() -> lines.lines().forEach(ignored -> { }));
        drain.setDaemon(true);
        drain.start();
        return url;
    }

    private static String token() throws Exception {
        Process token = new ProcessBuilder(JAVA, "-jar", JAR.toString(), "token", "--data-dir", dataDir.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String printed = new String(token.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(token.waitFor(20, TimeUnit.SECONDS)).isTrue();
        return printed;
    }

    private static AudioRoutingGroupsRequestBuilder groupsOf(String callId) {
        return graph.communications().calls().byCallId(callId).audioRoutingGroups();
    }

    private static AudioRoutingGroup group(String id, RoutingMode mode, String... receivers) {
        AudioRoutingGroup group = new AudioRoutingGroup();
        group.setId(id);
        group.setRoutingMode(mode);
        group.setSources(List.of(SOURCE));
        group.setReceivers(List.of(receivers));
        return group;
    }

    @Test
    void createReturnsTheSameGroup() {
        AudioRoutingGroup created = groupsOf(UUID.randomUUID().toString()).post(group("oneToOne", RoutingMode.OneToOne, RECEIVER));

        assertThat(created.getId()).isEqualTo("oneToOne");
        assertThat(created.getRoutingMode()).isEqualTo(RoutingMode.OneToOne);
        assertThat(created.getSources()).containsExactly(SOURCE);
        assertThat(created.getReceivers()).containsExactly(RECEIVER);
    }

    @Test
    void theWholeLifecycleWorks() {
        String callId = UUID.randomUUID().toString();
        groupsOf(callId).post(group("multicast", RoutingMode.Multicast, RECEIVER, "72f988bf-86f1-41af-91ab-2d7cd011db47"));

        assertThat(groupsOf(callId).get().getValue()).extracting(AudioRoutingGroup::getId).containsExactly("multicast");
        assertThat(groupsOf(callId).byAudioRoutingGroupId("multicast").get().getReceivers()).hasSize(2);
        AudioRoutingGroup change = new AudioRoutingGroup();
        change.setReceivers(List.of(RECEIVER));
        assertThat(groupsOf(callId).byAudioRoutingGroupId("multicast").patch(change).getReceivers()).containsExactly(RECEIVER);
        groupsOf(callId).byAudioRoutingGroupId("multicast").delete();
        assertThat(groupsOf(callId).get().getValue()).isEmpty();
    }

    @Test
    void aBadRequestSurfacesAsAnODataErrorWithCodeAndMessage() {
        assertThatThrownBy(() -> groupsOf(UUID.randomUUID().toString())
                .post(group("g", RoutingMode.OneToOne, RECEIVER, "72f988bf-86f1-41af-91ab-2d7cd011db47")))
                .isInstanceOfSatisfying(ODataError.class, error -> {
                    assertThat(error.getResponseStatusCode()).isEqualTo(400);
                    assertThat(error.getError().getCode()).isEqualTo("invalidRequest");
                    assertThat(error.getMessage()).contains("exactly one receiver");
                });
    }

    @Test
    void pagesFollowTheNextLink() {
        String callId = UUID.randomUUID().toString();
        for (String id : List.of("a", "b", "c")) {
            groupsOf(callId).post(group(id, RoutingMode.OneToOne, RECEIVER));
        }

        var first = groupsOf(callId).get(request -> request.queryParameters.top = 2);
        var second = groupsOf(callId).withUrl(first.getOdataNextLink()).get();

        assertThat(first.getValue()).extracting(AudioRoutingGroup::getId).containsExactly("a", "b");
        assertThat(second.getValue()).extracting(AudioRoutingGroup::getId).containsExactly("c");
        assertThat(second.getOdataNextLink()).isNull();
    }

    @Test
    void aConflictAndAStaleVersionSurfaceWithTheirCodes() {
        String callId = UUID.randomUUID().toString();
        groupsOf(callId).post(group("g", RoutingMode.OneToOne, RECEIVER));
        AudioRoutingGroup change = new AudioRoutingGroup();
        change.setReceivers(List.of("72f988bf-86f1-41af-91ab-2d7cd011db47"));

        assertThatThrownBy(() -> groupsOf(callId).post(group("g", RoutingMode.Multicast, RECEIVER)))
                .isInstanceOfSatisfying(ODataError.class, error -> {
                    assertThat(error.getResponseStatusCode()).isEqualTo(409);
                    assertThat(error.getError().getCode()).isEqualTo("nameAlreadyExists");
                });
        assertThatThrownBy(() -> groupsOf(callId).byAudioRoutingGroupId("g").patch(change,
                request -> request.headers.add("If-Match", "\"stale\"")))
                .isInstanceOfSatisfying(ODataError.class, error -> {
                    assertThat(error.getResponseStatusCode()).isEqualTo(412);
                    assertThat(error.getError().getCode()).isEqualTo("resourceModified");
                });
    }

    @Test
    void anAbsentGroupSurfacesAsItemNotFound() {
        assertThatThrownBy(() -> groupsOf(UUID.randomUUID().toString()).byAudioRoutingGroupId("absent").get())
                .isInstanceOfSatisfying(ODataError.class, error -> {
                    assertThat(error.getResponseStatusCode()).isEqualTo(404);
                    assertThat(error.getError().getCode()).isEqualTo("itemNotFound");
                });
    }
}
