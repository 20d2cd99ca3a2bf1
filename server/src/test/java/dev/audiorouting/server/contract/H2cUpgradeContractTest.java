package dev.audiorouting.server.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A default {@link HttpClient} asks for HTTP/2 with {@code Upgrade: h2c} and sends the body alongside.
 * Some containers then never see the end of the body (Grizzly hangs for 30 s); ours must answer at once.
 */
@ExtendWith(RunningServer.class)
class H2cUpgradeContractTest {

    @Test
    void defaultJavaHttpClientPostGetsAnAnswerPromptly(ServerUnderTest server) throws Exception {
        HttpClient defaultClient = HttpClient.newHttpClient();
        assertThat(defaultClient.version()).isEqualTo(HttpClient.Version.HTTP_2);
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUri() + "/communications/calls/" + ServerUnderTest.newCallId() + "/audioRoutingGroups"))
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .header("Authorization", ServerUnderTest.authorization())
                .POST(HttpRequest.BodyPublishers.ofString(Spec.get().example("multicast")))
                .build();

        HttpResponse<String> response = SpecValidatingHttpClient.strict(defaultClient).send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"id\":\"multicast\"");
    }
}
