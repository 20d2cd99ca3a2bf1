package dev.audiorouting.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The packaged jar, started as the README says: no configuration, one command. */
class ServerJarIT {
    private static final Path JAR = Path.of(System.getProperty("server.jar", "target/audio-routing-server.jar"));
    private static final Pattern LISTENING = Pattern.compile("Listening on (http://\\S+/beta)");
    private static final String SEED = "{\"id\":\"oneToOne\",\"routingMode\":\"oneToOne\",\"sources\":[\"632899f8-2ea1-4604-8413-27bd2892079f\"],\"receivers\":[\"550fae72-d251-43ec-868c-373732c2704f\"]}";

    private final BlockingQueue<String> output = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();
    private Process process;

    private Process start(Map<String, String> environment, String... options) throws IOException {
        List<String> command = new ArrayList<>(List.of("java", "-jar", JAR.toString()));
        command.addAll(List.of(options));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        process = builder.start();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                lines.lines().forEach(output::add);
            } catch (IOException | java.io.UncheckedIOException ignored) {
                // the process ended
            }
        });
        reader.setDaemon(true);
        reader.start();
        return process;
    }

    private String awaitLine(Pattern pattern) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            String line = output.poll(100, TimeUnit.MILLISECONDS);
            if (line != null) {
                seen.add(line);
                Matcher matcher = pattern.matcher(line);
                if (matcher.find()) {
                    return matcher.groupCount() > 0 ? matcher.group(1) : line;
                }
            }
        }
        throw new AssertionError("No line matching " + pattern + " in:\n" + String.join("\n", seen));
    }

    @AfterEach
    void stop() {
        if (process != null) {
            process.destroyForcibly();
        }
    }

    @Test
    void startsWithoutConfigurationServesTheSeedRequestAndStopsGracefullyOnSigterm() throws Exception {
        start(Map.of("AUDIO_ROUTING_PORT", "0"));
        String baseUrl = awaitLine(LISTENING);
        assertThat(seen).as("the base URL is among the first lines of the log").hasSizeLessThanOrEqualTo(3);

        for (String root : List.of("communications", "app")) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl + "/" + root + "/calls/c1/audioRoutingGroups"))
                    .timeout(Duration.ofSeconds(5))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(SEED)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo(SEED);
        }

        process.toHandle().destroy(); // SIGTERM, keeping its output readable (Process.destroy closes it)
        awaitLine(Pattern.compile("Stopped"));
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void optionsOverrideEnvironmentVariables() throws Exception {
        start(Map.of("AUDIO_ROUTING_PORT", "1"), "--port", "0", "--host", "127.0.0.1");

        assertThat(awaitLine(LISTENING)).startsWith("http://127.0.0.1:").doesNotContain(":1/");
    }

    @Test
    void helpListsEveryOption() throws Exception {
        start(Map.of(), "--help");

        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        String help = String.join("\n", drain());
        assertThat(help).contains("--host", "--port", "--shutdown-timeout", "--help", "--version",
                "AUDIO_ROUTING_HOST", "AUDIO_ROUTING_PORT", "AUDIO_ROUTING_SHUTDOWN_TIMEOUT");
    }

    @Test
    void rejectsAnInvalidPortWithAClearMessage() throws Exception {
        start(Map.of(), "--port", "70000");

        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isNotZero();
        assertThat(String.join("\n", drain())).contains("port must be 0 to 65535").doesNotContain("\tat ");
    }

    private List<String> drain() throws InterruptedException {
        Thread.sleep(200);
        List<String> lines = new ArrayList<>();
        output.drainTo(lines);
        return lines;
    }
}
