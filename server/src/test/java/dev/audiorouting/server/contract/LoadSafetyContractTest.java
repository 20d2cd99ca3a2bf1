package dev.audiorouting.server.contract;

import static dev.audiorouting.server.contract.CreateAudioRoutingGroupContractTest.groups;
import static org.assertj.core.api.Assertions.assertThat;

import dev.audiorouting.server.Concurrently;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Concurrent and hostile clients over real HTTP: racing creates settle on one group, and slow or oversized
 * requests cannot starve the others.
 */
@ExtendWith(RunningServer.class)
class LoadSafetyContractTest {
    private static final int CLIENTS = 16;
    private static final String JSON = "Content-Type: application/json\r\n";

    private static String body(String receiver) {
        return "{\"id\":\"contested\",\"routingMode\":\"multicast\",\"sources\":[\"s\"],\"receivers\":[\"" + receiver + "\"]}";
    }

    @Test
    void identicalConcurrentCreatesAllAnswerTheSameGroup(ServerUnderTest server) throws Exception {
        String path = groups("communications", ServerUnderTest.newCallId());

        List<HttpResponse<String>> answers = Concurrently.run(CLIENTS, i -> server.post(path, "application/json", body("r")));

        assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).isEqualTo(200));
        assertThat(answers.stream().map(HttpResponse::body).distinct()).hasSize(1);
    }

    @Test
    void differentConcurrentCreatesLetExactlyOneBodyWin(ServerUnderTest server) throws Exception {
        String path = groups("communications", ServerUnderTest.newCallId());

        List<HttpResponse<String>> answers = Concurrently.run(CLIENTS, i -> server.post(path, "application/json", body("r" + i)));

        List<HttpResponse<String>> winners = answers.stream().filter(answer -> answer.statusCode() == 200).toList();
        assertThat(winners).hasSize(1);
        assertThat(answers).filteredOn(answer -> answer.statusCode() != 200)
                .allSatisfy(answer -> assertThat(answer.statusCode()).isEqualTo(409));
        HttpResponse<String> stored = server.send(server.request(path + "/contested").GET());
        assertThat(stored.body()).as("the stored group is the winner's, whole").isEqualTo(winners.get(0).body());
    }

    @Test
    void aDeclaredOversizedBodyIs413BeforeItIsSent(ServerUnderTest server) throws Exception {
        String headers = "POST /beta" + groups("communications", "c") + " HTTP/1.1\r\nHost: x\r\nAuthorization: "
                + ServerUnderTest.authorization() + "\r\nContent-Type: application/json\r\nContent-Length: 100000000\r\n\r\n";
        try (RawHttp.Connection connection = RawHttp.open(server.baseUri())) {
            connection.send(headers.getBytes(StandardCharsets.US_ASCII));

            RawHttp.Response response = CompletableFuture.supplyAsync(() -> read(connection)).get(5, TimeUnit.SECONDS);

            assertThat(response.status()).isEqualTo(413);
            assertThat(response.body()).contains("\"code\":\"requestEntityTooLarge\"");
        }
    }

    @Test
    void aClientStillSendingAnOversizedBodyGetsIts413(ServerUnderTest server) throws Exception {
        byte[] body = ("{\"id\":\"" + "x".repeat(600 * 1024) + "\"}").getBytes(StandardCharsets.US_ASCII);

        RawHttp.Response response = sendSlowly(server, JSON + "Content-Length: " + body.length, body, ServerUnderTest.authorization());

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.body()).contains("\"code\":\"requestEntityTooLarge\"");
    }

    @Test
    void aClientStillSendingAnOversizedChunkedBodyGetsIts413(ServerUnderTest server) throws Exception {
        byte[] body = ("{\"id\":\"" + "x".repeat(600 * 1024) + "\"}").getBytes(StandardCharsets.US_ASCII);

        RawHttp.Response response = sendSlowly(server, JSON + "Transfer-Encoding: chunked", chunked(body), ServerUnderTest.authorization());

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.decodedBody()).contains("\"code\":\"requestEntityTooLarge\"");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "a rejected token,         Bearer not-a-token, application/json, 401, InvalidAuthenticationToken",
            "JSON broken at its start, valid,              application/json, 400, invalidRequest",
            "a type it does not take,  valid,              text/plain,       415, unsupportedMediaType"})
    void aClientStillSendingABodyRefusedBeforeItWasReadGetsItsAnswer(String refusal, String authorization, String type, int status,
                                                                      String code, ServerUnderTest server) throws Exception {
        byte[] body = ("{\"id\":!" + "x".repeat(300 * 1024) + "\"}").getBytes(StandardCharsets.US_ASCII);
        String token = authorization.equals("valid") ? ServerUnderTest.authorization() : authorization;

        RawHttp.Response response = sendSlowly(server, "Content-Type: " + type + "\r\nContent-Length: " + body.length, body, token);

        assertThat(response.status()).isEqualTo(status);
        assertThat(response.body()).contains("\"code\":\"" + code + "\"");
    }

    @Test
    void aClientSendingABodyToAPathNobodyServesGetsIts404(ServerUnderTest server) throws Exception {
        String head = "POST /nothing/here HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 300000\r\n\r\n";

        RawHttp.Response response = RawHttp.exchangeSlowly(server.baseUri(), head, new byte[300_000]);

        assertThat(response.status()).isEqualTo(404);
    }

    @Test
    void aClientThatWaitsFor100ContinueIsAnsweredByTheRefusalAndNeedNotSend(ServerUnderTest server) throws Exception {
        try (RawHttp.Connection connection = RawHttp.open(server.baseUri())) {
            connection.send(head("Bearer not-a-token", "Expect: 100-continue\r\n" + JSON + "Content-Length: 300000"));

            assertThat(CompletableFuture.supplyAsync(() -> read(connection)).get(5, TimeUnit.SECONDS).status()).isEqualTo(401);
        }
    }

    @Test
    void aClientThatWaitsFor100ContinueAndThenSendsBrokenJsonGetsIts400(ServerUnderTest server) throws Exception {
        byte[] body = ("{\"id\":!" + "x".repeat(300 * 1024) + "\"}").getBytes(StandardCharsets.US_ASCII);
        try (RawHttp.Connection connection = RawHttp.open(server.baseUri())) {
            connection.send(head(ServerUnderTest.authorization(), "Expect: 100-continue\r\n" + JSON + "Content-Length: " + body.length));
            assertThat(connection.readStatus()).isEqualTo(100);

            connection.sendSlowly(body);

            assertThat(connection.response().status()).isEqualTo(400);
        }
    }

    @Test
    void anAnswerWithoutABodyIsSentWhileTheRequestBodyIsStillComing(ServerUnderTest server) throws Exception {
        String call = ServerUnderTest.newCallId();
        assertThat(server.post(groups("communications", call), "application/json",
                "{\"id\":\"g\",\"routingMode\":\"oneToOne\",\"sources\":[\"a\"],\"receivers\":[\"b\"]}").statusCode()).isEqualTo(200);
        try (RawHttp.Connection connection = RawHttp.open(server.baseUri())) {
            connection.send(("DELETE /beta" + groups("communications", call) + "/g HTTP/1.1\r\nHost: x\r\nAuthorization: "
                    + ServerUnderTest.authorization() + "\r\nContent-Length: 100000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            connection.send(new byte[10_000]);

            assertThat(CompletableFuture.supplyAsync(() -> status(connection)).get(3, TimeUnit.SECONDS)).isEqualTo(204);
        }
    }

    @Test
    void aClientTricklingARefusedBodyIsCutOffAfterTheIdleTimeout() throws Exception {
        try (ServerUnderTest server = ServerUnderTest.start(config -> config.withIdleTimeout(Duration.ofMillis(800)));
             RawHttp.Connection connection = RawHttp.open(server.baseUri())) {
            connection.send(head("Bearer not-a-token", JSON + "Content-Length: 300000"));
            // A byte at a time, each well within the idle timeout: only the bound on reading the whole rest ends it.
            CompletableFuture<Integer> trickled = CompletableFuture.supplyAsync(() -> {
                int sent = 0;
                try {
                    for (; sent < 300; sent++) {
                        Thread.sleep(100);
                        connection.send(new byte[1]);
                    }
                } catch (IOException | InterruptedException cutOff) {
                    // What the test expects.
                }
                return sent;
            });

            assertThat(CompletableFuture.supplyAsync(() -> read(connection)).get(5, TimeUnit.SECONDS).status()).isEqualTo(401);
            assertThat(trickled.get(5, TimeUnit.SECONDS)).as("bytes sent before the server closed").isLessThan(300);
        }
    }

    @Test
    void clientsThatStallMidRequestDoNotBlockOthers(ServerUnderTest server) throws Exception {
        List<RawHttp.Connection> stalled = new ArrayList<>();
        try {
            String path = "/beta" + groups("communications", "stalled");
            for (int i = 0; i < 250; i++) {
                // Headers that never end.
                stalled.add(sendAndStall(server, "POST " + path + " HTTP/1.1\r\nHost: x\r\nX-Slow: "));
            }
            for (int i = 0; i < 50; i++) {
                // Complete headers, then a body that stops after a few bytes.
                stalled.add(sendAndStall(server, "POST " + path + " HTTP/1.1\r\nHost: x\r\nAuthorization: " + ServerUnderTest.authorization()
                        + "\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"id\":"));
            }

            long started = System.nanoTime();
            HttpResponse<String> answer = server.post(groups("communications", ServerUnderTest.newCallId()), "application/json", body("r"));

            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        } finally {
            for (RawHttp.Connection connection : stalled) {
                connection.close();
            }
        }
    }

    @Test
    void aStalledRequestIsClosedAfterTheIdleTimeout() throws Exception {
        try (ServerUnderTest server = ServerUnderTest.start(config -> config.withIdleTimeout(Duration.ofMillis(500)));
             RawHttp.Connection stalled = sendAndStall(server, "POST /beta" + groups("communications", "c") + " HTTP/1.1\r\nHost: x\r\n")) {
            long started = System.nanoTime();

            RawHttp.Response answer = CompletableFuture.supplyAsync(() -> read(stalled)).get(5, TimeUnit.SECONDS);

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
            assertThat(answer.status()).as("closed, with a 408 or nothing at all").isIn(408, 0);
        }
    }

    private static RawHttp.Response sendSlowly(ServerUnderTest server, String framing, byte[] body, String authorization) throws Exception {
        return RawHttp.exchangeSlowly(server.baseUri(), head(authorization, framing), body);
    }

    private static String head(String authorization, String framing) {
        return RawHttp.postHead("/beta" + groups("communications", "c"), authorization, "Connection: close\r\n" + framing + "\r\n");
    }

    private static byte[] chunked(byte[] body) {
        ByteArrayOutputStream framed = new ByteArrayOutputStream();
        int size = 8 * 1024;
        for (int at = 0; at < body.length; at += size) {
            int length = Math.min(size, body.length - at);
            framed.writeBytes((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            framed.write(body, at, length);
            framed.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        framed.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return framed.toByteArray();
    }

    private static RawHttp.Connection sendAndStall(ServerUnderTest server, String start) throws IOException {
        RawHttp.Connection connection = RawHttp.open(server.baseUri());
        connection.send(start.getBytes(StandardCharsets.US_ASCII));
        return connection;
    }

    private static int status(RawHttp.Connection connection) {
        try {
            return connection.readStatus();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RawHttp.Response read(RawHttp.Connection connection) {
        try {
            return connection.response();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
