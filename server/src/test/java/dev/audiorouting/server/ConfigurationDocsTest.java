package dev.audiorouting.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** Every option of the server can come from an environment variable, and the README's table says which. */
class ConfigurationDocsTest {
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{env:(AUDIO_ROUTING_[A-Z_]+)");

    @Test
    void everyOptionHasItsEnvironmentVariableInTheReadmeTable() throws Exception {
        String readme = Files.readString(Path.of("../README.md"));
        List<OptionSpec> options = new CommandLine(new Main()).getCommandSpec().options().stream()
                .filter(option -> !option.usageHelp() && !option.versionHelp()).toList();
        assertThat(options).hasSizeGreaterThanOrEqualTo(19);
        for (OptionSpec option : options) {
            // As written in the annotation: picocli's own accessor gives the value the variable resolved to.
            String declared = ((Field) option.userObject()).getAnnotation(CommandLine.Option.class).defaultValue();
            Matcher variable = VARIABLE.matcher(declared);
            assertThat(variable.find()).as("%s has an environment variable", option.longestName()).isTrue();
            assertThat(readme).as("the README's configuration table").contains(
                    "| `" + option.longestName() + "` | `" + variable.group(1) + "` |");
        }
    }
}
