package dev.audiorouting.server;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.assertj.core.api.InstanceOfAssertFactories;

/**
 * The packaged jar, started as the README says: no configuration, one command, in a fresh directory; and its
 * {@code token} subcommand, whose token that server accepts.
 */
class ServerJarIT {
    private static final Path JAR = Path.of(System.getProperty("server.jar", "target/audio-routing-server.jar")).toAbsolutePath();
    private static final Pattern LISTENING = Pattern.compile("Listening on (http://\\S+/beta)");
    private static final Pattern JWT = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    private static final String SEED = "{\"id\":\"oneToOne\",\"routingMode\":\"oneToOne\",\"sources\":[\"632899f8-2ea1-4604-8413-27bd2892079f\"],\"receivers\":[\"550fae72-d251-43ec-868c-373732c2704f\"]}";

    @TempDir
    Path workingDirectory;

    private final BlockingQueue<String> output = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();
    private Process process;

    private Process start(Map<String, String> environment, String... options) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command(options)).redirectErrorStream(true).directory(workingDirectory.toFile());
        // Any free port for the admin listener, unless a test says otherwise: another server may hold 8081.
        builder.environment().put("AUDIO_ROUTING_ADMIN_PORT", "0");
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

    private static List<String> command(String... options) {
        List<String> command = new ArrayList<>(List.of("java", "-jar", JAR.toString()));
        command.addAll(List.of(options));
        return command;
    }

    /** Runs {@code token ...} to its end; what it printed to stdout, line by line. */
    private List<String> token(String... options) throws Exception {
        List<String> arguments = new ArrayList<>(List.of("token"));
        arguments.addAll(List.of(options));
        Process token = new ProcessBuilder(command(arguments.toArray(String[]::new)))
                .directory(workingDirectory.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        List<String> lines = new String(token.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertThat(token.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(token.exitValue()).isZero();
        return lines;
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

    private static HttpResponse<String> post(String url, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(SEED));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @AfterEach
    void stop() {
        if (process != null) {
            process.destroyForcibly();
        }
    }

    @Test
    void startsWithoutConfigurationAcceptsOnlyItsOwnTokensAndStopsGracefullyOnSigterm() throws Exception {
        start(Map.of("AUDIO_ROUTING_PORT", "0"));
        String baseUrl = awaitLine(LISTENING);
        assertThat(seen).as("the base URL is among the first lines of the log").hasSizeLessThanOrEqualTo(3);
        assertThat(awaitLine(Pattern.compile("Get a token with: (.*)"))).endsWith(JAR.getFileName() + " token --data-dir data");

        List<String> printed = token();
        assertThat(printed).as("only the token, for $(...)").hasSize(1);
        assertThat(printed.get(0)).matches(JWT);
        for (String root : List.of("communications", "app")) {
            String url = baseUrl + "/" + root + "/calls/c1/audioRoutingGroups";
            assertThat(post(url, null).statusCode()).isEqualTo(401);
            HttpResponse<String> response = post(url, printed.get(0));
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).endsWith(SEED.substring(1));
        }
        assertThat(post(baseUrl + "/communications/calls/c1/audioRoutingGroups", token("--role", "Calls.AccessMedia.All").get(0))
                .statusCode()).isEqualTo(403);

        process.toHandle().destroy(); // SIGTERM, keeping its output readable (Process.destroy closes it)
        awaitLine(Pattern.compile("Stopped"));
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void keepsItsKeyOwnerOnlyInTheDataDirectoryAcrossRestarts() throws Exception {
        String earlierToken = token("--data-dir", "state").get(0);
        Path dataDir = workingDirectory.resolve("state");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("local-signing-key.json"))))
                .isEqualTo("rw-------");

        start(Map.of("AUDIO_ROUTING_DATA_DIR", "state"), "--port", "0");

        assertThat(post(awaitLine(LISTENING) + "/communications/calls/c1/audioRoutingGroups", earlierToken).statusCode())
                .isEqualTo(200);
    }

    /**
     * The default store, and an H2 URL of the operator's without any durability settings: the store itself
     * makes every answered write durable.
     */
    @ParameterizedTest
    @ValueSource(strings = {"", "jdbc:h2:file:./data/custom"})
    void everyAnsweredCreateSurvivesAKill9UnderLoad(String databaseUrl) throws Exception {
        String token = token().get(0);
        Map<String, String> database = databaseUrl.isEmpty() ? Map.of() : Map.of("AUDIO_ROUTING_DATABASE_URL", databaseUrl);
        start(database, "--port", "0");
        String groups = awaitLine(LISTENING) + "/communications/calls/crash/audioRoutingGroups";
        Set<String> answered = ConcurrentHashMap.newKeySet();
        AtomicInteger sequence = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 8; i++) {
            clients.submit(() -> {
                HttpClient http = HttpClient.newHttpClient();
                while (!Thread.currentThread().isInterrupted()) {
                    String id = "g" + sequence.incrementAndGet();
                    try {
                        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(groups))
                                .timeout(Duration.ofSeconds(5))
                                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"id\":\"" + id + "\",\"routingMode\":\"multicast\",\"sources\":[\"s\"],\"receivers\":[\"r\"]}"))
                                .build(), HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() == 200) {
                            answered.add(id);
                        }
                    } catch (IOException e) {
                        return null; // the server is gone
                    }
                }
                return null;
            });
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (answered.size() < 300) {
            assertThat(System.nanoTime()).as("300 creates answered within 30 s").isLessThan(deadline);
            Thread.sleep(10);
        }

        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // SIGKILL: no shutdown hook, no flush
        clients.shutdownNow();
        assertThat(clients.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        start(database, "--port", "0");
        Set<String> stored = listAll(awaitLine(LISTENING) + "/communications/calls/crash/audioRoutingGroups", token);

        assertThat(stored).containsAll(answered);
    }

    /** Every group id of the list, following @odata.nextLink. */
    private static Set<String> listAll(String url, String token) throws Exception {
        Set<String> ids = new HashSet<>();
        String next = url;
        while (next != null) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(next))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode page = new ObjectMapper().readTree(response.body());
            page.get("value").forEach(group -> ids.add(group.get("id").asText()));
            next = page.has("@odata.nextLink") ? page.get("@odata.nextLink").asText() : null;
        }
        return ids;
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
        assertThat(help).contains("--host", "--port", "--shutdown-timeout", "--idle-timeout", "AUDIO_ROUTING_IDLE_TIMEOUT", "--data-dir", "--issuer", "--audience",
                "--jwks-url", "--jwks-file", "--help", "--version", "token",
                "AUDIO_ROUTING_HOST", "AUDIO_ROUTING_PORT", "AUDIO_ROUTING_SHUTDOWN_TIMEOUT", "AUDIO_ROUTING_DATA_DIR",
                "AUDIO_ROUTING_ISSUER", "AUDIO_ROUTING_AUDIENCE", "AUDIO_ROUTING_JWKS_URL", "AUDIO_ROUTING_JWKS_FILE");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "--port, 70000, --port must be 0 to 65535",
            "--admin-port, -1, --admin-port must be 0 to 65535",
            "--admin-host, '', --admin-host cannot be empty",
            "--idle-timeout, 0, --idle-timeout must be 1 to",
            "--rate-limit, 0, --rate-limit must be a positive number",
            "--rate-burst, 0, --rate-burst must be at least 1",
            "--max-in-flight, lots, Invalid value for option '--max-in-flight'",
            "--log-format, xml, Invalid value for option '--log-format'",
            "--database-pool-size, 0, --database-pool-size must be at least 1",
    })
    void rejectsAnInvalidOptionInOneLineNamingIt(String option, String value, String message) throws Exception {
        start(Map.of(), option, value);

        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isNotZero();
        assertThat(drain()).filteredOn(line -> !line.isBlank()).singleElement(as(InstanceOfAssertFactories.STRING))
                .contains(message);
    }

    @Test
    void writesOneJsonObjectPerLineWithLogFormatJson() throws Exception {
        start(Map.of("AUDIO_ROUTING_LOG_FORMAT", "json"), "--port", "0");
        String baseUrl = new ObjectMapper().readTree(awaitLine(Pattern.compile("Listening on"))).get("formattedMessage").asText()
                .replaceFirst("Listening on (http://\\S+/beta).*", "$1");
        String token = token().get(0);
        assertThat(post(baseUrl + "/communications/calls/c1/audioRoutingGroups", token).statusCode()).isEqualTo(200);
        awaitLine(Pattern.compile("\"loggerName\":\"access\""));

        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : seen) {
            lines.add(json.readTree(line));
        }
        JsonNode access = lines.stream().filter(line -> line.path("loggerName").asText().equals("access")).findFirst().orElseThrow();
        assertThat(access.toString()).contains("\"operation\":\"createAudioRoutingGroup\"", "\"status\":\"200\"", "\"requestId\"")
                .doesNotContain(token);
    }

    /**
     * Eight clients create groups as fast as they can while the server gets SIGTERM: every answer that starts
     * arrives whole, and every group answered 200 is there after a restart.
     */
    @Test
    void aSigtermUnderLoadCutsNoAnswerShortAndLosesNoAnsweredCreate() throws Exception {
        start(Map.of(), "--port", "0", "--host", "127.0.0.1");
        URI base = URI.create(awaitLine(LISTENING));
        String token = token().get(0);
        Queue<String> stored = new ConcurrentLinkedQueue<>();
        Queue<String> cut = new ConcurrentLinkedQueue<>();
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean stopped = new AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 8; i++) {
            clients.execute(() -> {
                while (!stopped.get()) {
                    String id = "group-" + next.incrementAndGet();
                    String answer = rawCreate(base, token, id);
                    if (answer.startsWith("HTTP/1.1 200 ")) {
                        stored.add(id);
                    } else if (answer.startsWith("cut:")) {
                        cut.add(id + " " + answer);
                    }
                }
            });
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (stored.size() < 200 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        process.toHandle().destroy(); // SIGTERM
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        stopped.set(true);
        clients.shutdown();
        assertThat(clients.awaitTermination(20, TimeUnit.SECONDS)).isTrue();

        assertThat(cut).as("answers cut short").isEmpty();
        assertThat(stored).hasSizeGreaterThanOrEqualTo(200);
        start(Map.of(), "--port", "0", "--host", "127.0.0.1");
        String restarted = awaitLine(LISTENING);
        HttpClient http = HttpClient.newHttpClient();
        for (String id : stored) {
            HttpResponse<String> group = http.send(HttpRequest.newBuilder(URI.create(restarted + "/communications/calls/c/audioRoutingGroups/" + id))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(group.statusCode()).as("group %s, answered 200 before the stop", id).isEqualTo(200);
        }
    }

    /**
     * One create on a fresh connection: the status line of an answer that arrived whole (by its Content-Length
     * or chunked framing), {@code "none"} if nothing arrived (refused, or closed before answering), or
     * {@code "cut: ..."} if an answer started but the connection ended before all of it arrived.
     */
    private static String rawCreate(URI base, String token, String id) {
        byte[] content = SEED.replace("{\"id\":\"oneToOne\"", "{\"id\":\"" + id + "\"").getBytes(StandardCharsets.UTF_8);
        String request = "POST " + base.getPath() + "/communications/calls/c/audioRoutingGroups HTTP/1.1\r\n"
                + "Host: " + base.getHost() + "\r\nAuthorization: Bearer " + token + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + content.length + "\r\n\r\n";
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(content);
            socket.getOutputStream().flush();
            byte[] buffer = new byte[8192];
            for (int read; (read = socket.getInputStream().read(buffer)) > 0; ) {
                answer.write(buffer, 0, read);
                if (isWhole(answer.toString(StandardCharsets.ISO_8859_1))) {
                    return statusLine(answer);
                }
            }
            // Closed cleanly. While stopping, Jetty ends answers with the connection (no length): whole if the
            // JSON body is.
            if (isWholeUntilClose(answer.toString(StandardCharsets.UTF_8))) {
                return statusLine(answer);
            }
        } catch (IOException e) {
            // Refused, reset or closed: judged by what arrived.
        }
        return answer.size() == 0 ? "none" : "cut: " + answer.toString(StandardCharsets.ISO_8859_1);
    }

    private static String statusLine(ByteArrayOutputStream answer) {
        String whole = answer.toString(StandardCharsets.ISO_8859_1);
        return whole.substring(0, whole.indexOf("\r\n"));
    }

    private static boolean isWholeUntilClose(String answer) {
        int headersEnd = answer.indexOf("\r\n\r\n");
        String headers = headersEnd < 0 ? "" : answer.substring(0, headersEnd).toLowerCase(Locale.ROOT);
        if (headersEnd < 0 || headers.contains("content-length:") || headers.contains("transfer-encoding:")) {
            return false;
        }
        try {
            return new ObjectMapper().readTree(answer.substring(headersEnd + 4)).isObject();
        } catch (IOException notWholeJson) {
            return false;
        }
    }

    private static boolean isWhole(String answer) {
        int headersEnd = answer.indexOf("\r\n\r\n");
        if (headersEnd < 0) {
            return false;
        }
        String headers = answer.substring(0, headersEnd).toLowerCase(Locale.ROOT);
        String body = answer.substring(headersEnd + 4);
        Matcher length = Pattern.compile("\r\ncontent-length: *(\\d+)").matcher(headers);
        if (length.find()) {
            return body.length() >= Integer.parseInt(length.group(1));
        }
        return headers.contains("transfer-encoding: chunked") && body.endsWith("0\r\n\r\n");
    }

    @Test
    void rejectsAJwksUrlWithoutIssuerAndAudience() throws Exception {
        start(Map.of(), "--port", "0", "--jwks-url", "https://login.microsoftonline.com/common/discovery/v2.0/keys");

        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isNotZero();
        assertThat(String.join("\n", drain())).contains("--jwks-url needs --issuer and --audience").doesNotContain("\tat ");
    }

    @Test
    void anUnreachableDatabaseIsOneClearLineAtStartUp() throws Exception {
        start(Map.of(), "--port", "0", "--database-url", "jdbc:postgresql://127.0.0.1:1/nowhere");

        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isNotZero();
        assertThat(String.join("\n", drain())).contains("Could not start: cannot open the database jdbc:postgresql://127.0.0.1:1/nowhere")
                .doesNotContain("\tat ");
    }

    private List<String> drain() throws InterruptedException {
        Thread.sleep(200);
        List<String> lines = new ArrayList<>();
        output.drainTo(lines);
        return lines;
    }
}
