package dev.audiorouting.server.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.audiorouting.server.contract.Spec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OperationsTest {

    @Test
    void namesEveryOperationOfTheSpecByItsOperationId() throws Exception {
        JsonNode paths = new YAMLMapper().readTree(Spec.file().toFile()).get("paths");
        List<String> checked = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            String example = "/beta" + path.getKey().replace("{call-id}", "call%2F1").replace("{audioRoutingGroup-id}", "group 1");
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (operation.getValue().has("operationId")) {
                    String method = operation.getKey().toUpperCase(Locale.ROOT);
                    assertThat(Operations.of(method, example)).as("%s %s", method, example)
                            .isEqualTo(operation.getValue().get("operationId").asText());
                    checked.add(operation.getValue().get("operationId").asText());
                }
            }
        }
        assertThat(checked).hasSize(10);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "PUT, /beta/communications/calls/c/audioRoutingGroups/g",
            "POST, /beta/communications/calls/c/audioRoutingGroups/g",
            "DELETE, /beta/communications/calls/c/audioRoutingGroups",
            "GET, /beta/communications/calls//audioRoutingGroups",
            "GET, /beta/communications/calls/c/audioRoutingGroups/",
            "GET, /beta/communications/calls/c/audioRoutingGroups/g/more",
            "GET, /beta/other/calls/c/audioRoutingGroups",
            "GET, /v1.0/communications/calls/c/audioRoutingGroups",
            "GET, /docs/",
            "GET, /openapi.yaml",
            "GET, /",
    })
    void namesAnythingElseOther(String method, String path) {
        assertThat(Operations.of(method, path)).isEqualTo(Operations.OTHER);
    }
}
