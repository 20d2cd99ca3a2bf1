package dev.audiorouting.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.audiorouting.server.contract.RawHttp;
import dev.audiorouting.server.contract.ServerUnderTest;
import dev.audiorouting.server.contract.Spec;
import dev.audiorouting.server.store.InMemoryAudioRoutingGroupStore;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A stop lets requests in flight finish, and tells clients it cut short to retry. */
class GracefulShutdownTest {
    private static final String PATH = "/communications/calls/c/audioRoutingGroups";

    @Test
    void aRequestInFlightCompletesDuringStop() throws Exception {
        CountDownLatch inStore = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        InMemoryAudioRoutingGroupStore groups = new InMemoryAudioRoutingGroupStore();
        ServerUnderTest server = ServerUnderTest.start((callId, group) -> {
            inStore.countDown();
            awaitQuietly(release);
            return groups.putIfAbsent(callId, group);
        });
        CompletableFuture<HttpResponse<String>> inFlight = CompletableFuture.supplyAsync(() ->
                server.post(PATH, "application/json", Spec.get().example("oneToOne")));
        assertThat(inStore.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> stopping = CompletableFuture.runAsync(() -> closeQuietly(server));
        Thread.sleep(200);
        assertThat(stopping).as("the stop waits for the request in flight").isNotDone();
        release.countDown();

        assertThat(inFlight.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        stopping.get(10, TimeUnit.SECONDS);
    }

    @Test
    void anUploadInProgressIsAnsweredOrToldToRetryNeverFailed() throws Exception {
        ServerUnderTest server = ServerUnderTest.start();
        byte[] body = Spec.get().example("multicast").getBytes(StandardCharsets.UTF_8);
        String head = "POST /beta" + PATH + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
        try (RawHttp.Connection upload = RawHttp.open(server.baseUri())) {
            upload.send(head.getBytes(StandardCharsets.US_ASCII));
            upload.send(java.util.Arrays.copyOf(body, 10));

            CompletableFuture<Void> stopping = CompletableFuture.runAsync(() -> closeQuietly(server));
            Thread.sleep(300);
            sendQuietly(upload, java.util.Arrays.copyOfRange(body, 10, body.length));
            RawHttp.Response response = upload.response();

            assertThat(response.status()).isIn(200, 503);
            if (response.status() == 503) {
                assertThat(response.headers()).containsEntry("retry-after", "1").containsEntry("content-type", "application/json");
                assertThat(new ObjectMapper().readTree(response.body()).at("/error/code").asText()).isEqualTo("serviceNotAvailable");
            }
            stopping.get(15, TimeUnit.SECONDS);
        }
    }

    private static void sendQuietly(RawHttp.Connection connection, byte[] bytes) {
        try {
            connection.send(bytes);
        } catch (java.io.IOException closedAlready) {
            // The server may have answered and closed before the rest arrived; its answer is what counts.
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(ServerUnderTest server) {
        try {
            server.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
