package dev.audiorouting.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The client is light to depend on: what Maven resolves for consumers at run time (listed by the build). */
class RuntimeClasspathTest {

    @Test
    void bringsAtMostFiveJarsBesideItselfAndNoServerSideOnes() throws Exception {
        List<String> dependencies = Files.readAllLines(Path.of("target/runtime-dependencies.txt")).stream()
                .map(String::strip).filter(line -> line.matches("[\\w.-]+:[\\w.-]+:jar:.*")).toList();

        assertThat(dependencies).hasSizeBetween(1, 5)
                .noneMatch(jar -> jar.contains("jersey") || jar.contains("grizzly") || jar.contains("hk2")
                        || jar.contains("jetty") || jar.contains("jakarta.ws.rs"));
    }
}
