package dev.audiorouting.server.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.audiorouting.client.AudioRoutingGroupsClient;
import dev.audiorouting.client.AudioRoutingGroupsException;
import dev.audiorouting.client.model.AudioRoutingGroup;
import dev.audiorouting.client.model.RoutingMode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The README's client example is this code: it compiles, runs against a live server, and is the README's text. */
class ReadmeClientExampleTest {
    private static final Path SOURCE = Path.of("src/test/java/dev/audiorouting/server/contract/ReadmeClientExampleTest.java");
    private static final String START = "// README example: start";
    private static final String END = "// README example: end";

    /** Whatever gives the application its access tokens (MSAL, say). */
    interface Tokens {
        String current();
    }

    static List<AudioRoutingGroup> example(URI baseUri, Tokens tokens, String callId, List<AudioRoutingGroupsException> failures) {
        // README example: start
        try (AudioRoutingGroupsClient groups = AudioRoutingGroupsClient.builder()
                .baseUri(baseUri)                       // e.g. URI.create("http://localhost:8080/beta")
                .tokenSupplier(() -> tokens.current())  // asked before every request: tokens expire
                .build()) {
            AudioRoutingGroup created = groups.create(callId, new AudioRoutingGroup()
                    .routingMode(RoutingMode.ONE_TO_ONE)
                    .sources(Set.of("alice"))
                    .receivers(Set.of("bob")));
            try {
                groups.create(callId, new AudioRoutingGroup().id(created.getId())
                        .routingMode(RoutingMode.MULTICAST).sources(Set.of("alice")).receivers(Set.of("bob", "carol")));
            } catch (AudioRoutingGroupsException e) {
                failures.add(e);  // e.status() 409, e.code() "nameAlreadyExists", e.requestId(), e.clientRequestId()
            }
            return groups.list(callId);
        }
        // README example: end
    }

    @Test
    void runsAgainstALiveServer() throws Exception {
        try (ServerUnderTest server = ServerUnderTest.start(config -> config)) {
            String callId = ServerUnderTest.newCallId();
            List<AudioRoutingGroupsException> failures = new ArrayList<>();
            List<AudioRoutingGroup> groups = example(server.baseUri(),
                    () -> ServerUnderTest.authorization().substring("Bearer ".length()), callId, failures);

            assertThat(groups).singleElement().satisfies(group -> {
                assertThat(group.getId()).isNotBlank();
                assertThat(group.getRoutingMode()).isEqualTo(RoutingMode.ONE_TO_ONE);
                assertThat(group.getReceivers()).containsExactly("bob");
            });
            assertThat(failures).singleElement().satisfies(e -> {
                assertThat(e.status()).isEqualTo(409);
                assertThat(e.code()).isEqualTo("nameAlreadyExists");
                assertThat(e.requestId()).isNotBlank();
                assertThat(e.clientRequestId()).isNotBlank();
            });
        }
    }

    @Test
    void isWhatTheReadmeShows() throws Exception {
        List<String> lines = Files.readAllLines(SOURCE);
        List<String> block = lines.subList(lines.indexOf(indented(START)) + 1, lines.indexOf(indented(END)));
        int indent = block.get(0).indexOf("try");
        String example = block.stream().map(line -> line.length() > indent ? line.substring(indent) : line.strip())
                .collect(Collectors.joining("\n"));

        assertThat(Files.readString(Path.of("../README.md"))).contains("```java\n" + example + "\n```");
    }

    private static String indented(String marker) {
        return " ".repeat(8) + marker;
    }
}
