package dev.audiorouting.server.contract;

import static dev.audiorouting.server.contract.CreateAudioRoutingGroupContractTest.content;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Examples that cannot rot: every request example of openapi.yaml is sent to the server, which must answer
 * success and, where the spec documents a response example of the same name, that very body (apart from the
 * version the server adds). Lint checks each example against its schema; this checks them against the server.
 */
@ExtendWith(RunningServer.class)
class SpecExamplesContractTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The group the examples' paths name, created first for operations on an existing group. */
    private static final String GROUP = "multicast";

    static Stream<Arguments> requestExamples() {
        return Spec.get().api().getPaths().entrySet().stream().flatMap(path ->
                path.getValue().readOperationsMap().entrySet().stream()
                        .filter(operation -> operation.getValue().getRequestBody() != null)
                        .flatMap(operation -> examples(path.getKey(), operation.getKey(), operation.getValue())));
    }

    private static Stream<Arguments> examples(String path, PathItem.HttpMethod method, Operation operation) {
        MediaType request = operation.getRequestBody().getContent().get("application/json");
        return request.getExamples().entrySet().stream().map(example -> Arguments.of(method.name(), path, example.getKey(),
                valueOf(example.getValue()), documentedAnswer(operation, example.getKey())));
    }

    /** The 200 response's example of the same name, if the spec documents one. */
    private static JsonNode documentedAnswer(Operation operation, String name) {
        ApiResponse ok = operation.getResponses().get("200");
        Map<String, io.swagger.v3.oas.models.examples.Example> examples =
                ok == null || ok.getContent() == null ? null : ok.getContent().get("application/json").getExamples();
        return examples == null || !examples.containsKey(name) ? null : valueOf(examples.get(name));
    }

    /** An example's value, looked up in components.examples when it is a reference. */
    private static JsonNode valueOf(io.swagger.v3.oas.models.examples.Example example) {
        if (example.getValue() == null && example.get$ref() != null) {
            String name = example.get$ref().substring(example.get$ref().lastIndexOf('/') + 1);
            return JSON.valueToTree(Spec.get().api().getComponents().getExamples().get(name).getValue());
        }
        return JSON.valueToTree(example.getValue());
    }

    @ParameterizedTest(name = "{0} {1} with example {2}")
    @MethodSource("requestExamples")
    void answerAsDocumented(String method, String template, String name, JsonNode example, JsonNode documented,
                            ServerUnderTest server) throws Exception {
        String callId = ServerUnderTest.newCallId();
        String path = template.replace("{call-id}", callId).replace("{audioRoutingGroup-id}", GROUP);
        if (template.contains("{audioRoutingGroup-id}")) {
            server.post(template.substring(0, template.indexOf("/{audioRoutingGroup-id}")).replace("{call-id}", callId),
                    "application/json", Spec.get().example(GROUP));
        }

        HttpResponse<String> response = server.send(server.request(path).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(example))));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        if (documented != null) {
            JsonNode answered = content(response);
            if (!example.has("id")) {
                ((ObjectNode) answered).remove("id"); // generated
                ((ObjectNode) documented).remove("id");
            }
            assertThat(answered).isEqualTo(documented);
        }
    }
}
