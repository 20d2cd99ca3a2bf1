package dev.audiorouting.api.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The gate itself: each fixture is the released contract with one change made to it, breaking or not.
 */
class ContractGateTest {
    private static final Path RELEASED = Path.of("src/contract/openapi-released.yaml");

    @TempDir
    Path dir;

    private Path changed(String from, String to) throws IOException {
        String released = Files.readString(RELEASED, StandardCharsets.UTF_8);
        assertThat(released).as("the fixture's anchor").contains(from);
        return Files.writeString(dir.resolve("openapi.yaml"), released.replace(from, to), StandardCharsets.UTF_8);
    }

    @Test
    void theCurrentContractPasses() {
        assertThat(ContractGate.check(RELEASED, Path.of("../openapi.yaml")).passes()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            renamed property     | "        receivers:\\n          $ref: '#/components/schemas/receivers'\\n"                 | "        listeners:\\n          $ref: '#/components/schemas/receivers'\\n"
            removed enum value   | "        - oneToOne\\n        - multicast\\n"                                              | "        - oneToOne\\n"
            new required field   | "        - routingMode\\n        - sources\\n        - receivers\\n"                      | "        - routingMode\\n        - sources\\n        - receivers\\n        - priority\\n"
            changed type         | "        type: integer\\n        minimum: 1\\n        maximum: 100\\n"                      | "        type: string\\n"
            removed path         | "  /app/calls/{call-id}/audioRoutingGroups/{audioRoutingGroup-id}:\\n"                    | "  /app/calls/{call-id}/audioRoutingGroupsGone/{audioRoutingGroup-id}:\\n"
            """)
    void refusesABreakingChangeWithAReportSayingWhat(String change, String from, String to) throws IOException {
        ContractGate.Verdict verdict = ContractGate.check(RELEASED, changed(unescape(from), unescape(to)));

        assertThat(verdict.passes()).as(verdict.report()).isFalse();
        assertThat(verdict.report()).contains("INCOMPATIBLE", "raise the major number of info.version");
    }

    @Test
    void refusesAPropertyRemovedFromAClosedRequestBody() throws IOException {
        String released = Files.readString(RELEASED, StandardCharsets.UTF_8);
        String update = "    audioRoutingGroupUpdate:";
        int at = released.indexOf(update);
        String patchSchema = released.substring(at, released.indexOf("\n    sources:\n", at));
        assertThat(patchSchema).contains("        receivers:");
        Path changed = Files.writeString(dir.resolve("openapi.yaml"), released.replace(patchSchema,
                patchSchema.replace("\n        receivers:\n          $ref: '#/components/schemas/receivers'", "")), StandardCharsets.UTF_8);

        ContractGate.Verdict verdict = ContractGate.check(RELEASED, changed);

        assertThat(verdict.passes()).as(verdict.report()).isFalse();
        assertThat(verdict.report()).contains("PATCH /communications/calls/{call-id}/audioRoutingGroups/{audioRoutingGroup-id}: receivers");
    }

    @Test
    void passesACompatibleAddition() throws IOException {
        Path added = changed("        receivers:\n          $ref: '#/components/schemas/receivers'\n",
                "        receivers:\n          $ref: '#/components/schemas/receivers'\n        displayName:\n          type: string\n");

        ContractGate.Verdict verdict = ContractGate.check(RELEASED, added);

        assertThat(verdict.passes()).as(verdict.report()).isTrue();
        assertThat(verdict.report()).contains("compatible changes");
    }

    @Test
    void acceptsABreakWhenTheMajorVersionIsRaised() throws IOException {
        String released = Files.readString(RELEASED, StandardCharsets.UTF_8);
        Path bumped = Files.writeString(dir.resolve("openapi.yaml"), released
                .replace("        - oneToOne\n        - multicast\n", "        - oneToOne\n")
                .replaceFirst("  version: 1\\.[0-9.]+\n", "  version: 2.0.0\n"), StandardCharsets.UTF_8);

        ContractGate.Verdict verdict = ContractGate.check(RELEASED, bumped);

        assertThat(verdict.passes()).as(verdict.report()).isTrue();
        assertThat(verdict.report()).contains("breaking changes accepted by the major version");
    }

    private static String unescape(String text) {
        return text.replace("\\n", "\n");
    }
}
