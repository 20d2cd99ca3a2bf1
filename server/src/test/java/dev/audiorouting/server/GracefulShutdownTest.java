package dev.audiorouting.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.audiorouting.server.contract.ServerUnderTest;
import dev.audiorouting.server.contract.Spec;
import dev.audiorouting.server.domain.Call;
import dev.audiorouting.server.domain.StoredGroup;
import dev.audiorouting.server.store.ForwardingAudioRoutingGroupStore;
import java.net.URI;
import java.time.Duration;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A stop lets the requests in flight finish before the server closes. */
class GracefulShutdownTest {
    private static final String PATH = "/communications/calls/c/audioRoutingGroups";

    @Test
    void aRequestInFlightCompletesDuringStop() throws Exception {
        CountDownLatch inStore = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ServerUnderTest server = ServerUnderTest.start(new ForwardingAudioRoutingGroupStore() {
            @Override
            public Optional<StoredGroup> putIfAbsent(Call call, StoredGroup group) {
                inStore.countDown();
                awaitQuietly(release);
                return super.putIfAbsent(call, group);
            }
        });
        CompletableFuture<HttpResponse<String>> inFlight = CompletableFuture.supplyAsync(() ->
                server.post(PATH, "application/json", Spec.get().example("oneToOne")));
        assertThat(inStore.await(10, TimeUnit.SECONDS)).isTrue();

        URI admin = server.adminUri();
        CompletableFuture<Void> stopping = CompletableFuture.runAsync(() -> closeQuietly(server));
        Thread.sleep(200);
        assertThat(stopping).as("the stop waits for the request in flight").isNotDone();
        HttpResponse<String> ready = probe(admin.resolve("/health/ready"));
        assertThat(ready.statusCode()).as("not ready while stopping").isEqualTo(503);
        assertThat(ready.body()).contains("\"accepting\":\"shutting down\"");
        assertThat(probe(admin.resolve("/health/live")).statusCode()).as("still live").isEqualTo(200);
        release.countDown();

        assertThat(inFlight.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        stopping.get(10, TimeUnit.SECONDS);
    }

    @Test
    void keepsServingForTheShutdownDelayWhileReadinessSaysNotReady() throws Exception {
        ServerUnderTest server = ServerUnderTest.start(config -> config.withShutdownDelay(Duration.ofSeconds(2)));
        URI admin = server.adminUri();
        CompletableFuture<Void> stopping = CompletableFuture.runAsync(() -> closeQuietly(server));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (probe(admin.resolve("/health/ready")).statusCode() != 503 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(probe(admin.resolve("/health/ready")).statusCode()).isEqualTo(503);
        assertThat(server.send(server.request(PATH).GET()).statusCode()).as("still served meanwhile").isEqualTo(200);
        assertThat(stopping).isNotDone();
        stopping.get(10, TimeUnit.SECONDS);
    }

    private static HttpResponse<String> probe(URI uri) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
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
