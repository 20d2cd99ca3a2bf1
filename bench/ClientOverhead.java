import dev.audiorouting.client.ApiClient;
import dev.audiorouting.client.BearerAuthentication;
import dev.audiorouting.client.api.AudioRoutingGroupsApi;
import dev.audiorouting.client.model.AudioRoutingGroup;
import dev.audiorouting.client.model.RoutingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The generated client's overhead: the same create, one at a time, through the generated client and through a raw
 * java.net.http call (which sends ready-made JSON and reads the answer as a string), against a running server.
 * Both warm up first; then rounds alternate so that both see the same machine. Prints the median time per create
 * of each and their ratio.
 * Run with the client's class path: java -cp CLASSPATH bench/ClientOverhead.java BASE_URI TOKEN [CALLS_PER_ROUND]
 */
public class ClientOverhead {
    private static final String SOURCE = "632899f8-2ea1-4604-8413-27bd2892079f";
    private static final List<String> RECEIVERS = List.of("550fae72-d251-43ec-868c-373732c2704f", "72f988bf-86f1-41af-91ab-2d7cd011db47");
    private static final String BODY = "{\"routingMode\":\"multicast\",\"sources\":[\"" + SOURCE + "\"],\"receivers\":[\""
            + String.join("\",\"", RECEIVERS) + "\"]}";
    private static final int ROUNDS = 7;

    interface Create {
        void once() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        int calls = args.length > 2 ? Integer.parseInt(args[2]) : 3000;

        ApiClient apiClient = new ApiClient();
        apiClient.updateBaseUri(base);
        BearerAuthentication.install(apiClient, () -> token);
        AudioRoutingGroupsApi api = new AudioRoutingGroupsApi(apiClient);
        Create generated = () -> api.createAudioRoutingGroup(callId(), new AudioRoutingGroup()
                .routingMode(RoutingMode.MULTICAST).sources(Set.of(SOURCE)).receivers(new LinkedHashSet<>(RECEIVERS)));

        HttpClient http = HttpClient.newHttpClient();
        Create raw = () -> {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/communications/calls/" + callId() + "/audioRoutingGroups"))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(BODY)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("raw create answered " + response.statusCode() + ": " + response.body());
            }
        };

        time(raw, calls);
        time(generated, calls);
        double[] rawMicros = new double[ROUNDS];
        double[] generatedMicros = new double[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            rawMicros[round] = time(raw, calls);
            generatedMicros[round] = time(generated, calls);
        }
        double rawMedian = median(rawMicros);
        double generatedMedian = median(generatedMicros);
        System.out.printf("RESULT raw %.1f us, generated client %.1f us per create, ratio %.3f (%d rounds of %d creates each, medians)%n",
                rawMedian, generatedMedian, generatedMedian / rawMedian, ROUNDS, calls);
    }

    private static String callId() {
        return "client-bench-" + ThreadLocalRandom.current().nextInt(1000);
    }

    /** Microseconds per create, on average over {@code calls} creates. */
    private static double time(Create create, int calls) throws Exception {
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            create.once();
        }
        return (System.nanoTime() - start) / 1e3 / calls;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
