package dev.audiorouting.client;

import dev.audiorouting.client.api.AudioRoutingGroupsApi;
import dev.audiorouting.client.model.AudioRoutingGroup;
import dev.audiorouting.client.model.AudioRoutingGroupCollection;
import dev.audiorouting.client.model.AudioRoutingGroupUpdate;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The audio routing groups of calls, for Java services: one object, built once and shared, over the generated
 * {@link AudioRoutingGroupsApi} and its model types.
 *
 * <ul>
 *   <li>Failures are one unchecked {@link AudioRoutingGroupsException} with the status, Graph's code and message,
 *       and the request's ids.</li>
 *   <li>Throttled (429) and busy (503) calls are retried after the server's {@code Retry-After}, and so are calls
 *       whose connection failed when repeating them is harmless. A create without an {@code id} gets one here,
 *       so its retries can never make a second group.</li>
 *   <li>Every call sends a new {@code client-request-id} (its retries share it), reported by the exception.</li>
 * </ul>
 *
 * <pre>{@code
 * try (AudioRoutingGroupsClient groups = AudioRoutingGroupsClient.builder()
 *         .baseUri(URI.create("http://localhost:8080/beta"))
 *         .tokenSupplier(() -> tokens.current())
 *         .build()) {
 *     AudioRoutingGroup created = groups.create(callId, new AudioRoutingGroup()
 *             .routingMode(RoutingMode.ONE_TO_ONE).sources(Set.of(source)).receivers(Set.of(receiver)));
 * }
 * }</pre>
 */
public final class AudioRoutingGroupsClient implements AutoCloseable {
    static final String CLIENT_REQUEST_ID = "client-request-id";

    private final AudioRoutingGroupsApi api;
    private final RetryAfter retries;
    private final ExecutorService threads;

    private AudioRoutingGroupsClient(Builder builder) {
        // Our own threads for the HTTP client, so that close() has something to release.
        this.threads = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "audio-routing-groups-client");
            thread.setDaemon(true);
            return thread;
        });
        ApiClient client = new ApiClient()
                .setHttpClientBuilder(HttpClient.newBuilder().executor(threads))
                .setConnectTimeout(builder.connectTimeout)
                .setReadTimeout(builder.requestTimeout);
        client.updateBaseUri(builder.baseUri.toString());
        BearerAuthentication.install(client, builder.tokens);
        this.api = new AudioRoutingGroupsApi(client);
        this.retries = builder.retries;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Creates the group in the call. Without an {@code id}, the group is given a new UUID first (the caller's
     * object is not changed), which makes the create safe to retry.
     *
     * @return the group as stored
     */
    public AudioRoutingGroup create(String callId, AudioRoutingGroup group) {
        AudioRoutingGroup withId = group.getId() != null ? group : new AudioRoutingGroup().id(UUID.randomUUID().toString())
                .atOdataType(group.getAtOdataType()).routingMode(group.getRoutingMode()).sources(group.getSources())
                .receivers(group.getReceivers());
        return call(headers -> api.createAudioRoutingGroup(callId, withId, headers), true);
    }

    public AudioRoutingGroup get(String callId, String groupId) {
        return call(headers -> api.getAudioRoutingGroup(callId, groupId, headers), true);
    }

    /** Every group of the call, in the order they were created, following the server's pages. */
    public List<AudioRoutingGroup> list(String callId) {
        List<AudioRoutingGroup> groups = new ArrayList<>();
        String skipToken = null;
        do {
            String page = skipToken;
            AudioRoutingGroupCollection collection = call(headers -> api.listAudioRoutingGroups(callId, null, page, headers), true);
            groups.addAll(collection.getValue());
            skipToken = SkipTokens.of(collection.getAtOdataNextLink());
        } while (skipToken != null);
        return groups;
    }

    /** Changes the group's receivers, whatever its version. */
    public AudioRoutingGroup update(String callId, String groupId, AudioRoutingGroupUpdate changes) {
        return update(callId, groupId, changes, null);
    }

    /**
     * Changes the group's receivers if its version is still {@code ifMatch} (an {@code ETag}, or the group's
     * {@code @odata.etag}); otherwise fails with status 412.
     */
    public AudioRoutingGroup update(String callId, String groupId, AudioRoutingGroupUpdate changes, String ifMatch) {
        // Without If-Match, repeating the same change gives the same group; with it, a repeat after a lost answer
        // would fail with 412 though the change was made.
        return call(headers -> api.updateAudioRoutingGroup(callId, groupId, changes, ifMatch, headers), ifMatch == null);
    }

    /** Deletes the group, whatever its version. */
    public void delete(String callId, String groupId) {
        delete(callId, groupId, null);
    }

    /** Deletes the group if its version is still {@code ifMatch}; otherwise fails with status 412. */
    public void delete(String callId, String groupId, String ifMatch) {
        boolean[] unansweredBefore = {false};
        call(headers -> {
            try {
                api.deleteAudioRoutingGroup(callId, groupId, ifMatch, headers);
            } catch (ApiException e) {
                // An earlier try whose answer was lost deleted it.
                if (e.getCode() == 404 && unansweredBefore[0]) {
                    return null;
                }
                unansweredBefore[0] |= RetryAfter.unanswered(e);
                throw e;
            }
            return null;
        }, true);
    }

    /** The generated API on this client's configuration (base URI, tokens, timeouts), for anything else. */
    public AudioRoutingGroupsApi generated() {
        return api;
    }

    /** Releases the client's threads; calls made afterwards fail. */
    @Override
    public void close() {
        threads.shutdownNow();
    }

    private interface Request<T> {
        T send(Map<String, String> headers) throws ApiException;
    }

    private <T> T call(Request<T> request, boolean repeatable) {
        if (threads.isShutdown()) {
            throw new IllegalStateException("this AudioRoutingGroupsClient is closed");
        }
        Map<String, String> headers = Map.of(CLIENT_REQUEST_ID, UUID.randomUUID().toString());
        try {
            return retries.call(() -> request.send(headers), repeatable);
        } catch (ApiException e) {
            throw new AudioRoutingGroupsException(e, headers.get(CLIENT_REQUEST_ID));
        }
    }

    /** How to reach the server, and how patient to be. */
    public static final class Builder {
        private URI baseUri;
        private Supplier<String> tokens;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(30);
        private RetryAfter retries = new RetryAfter(RetryAfter.DEFAULT_MAX_RETRIES, Duration.ofSeconds(30));

        private Builder() {
        }

        /** The API's base, e.g. {@code http://localhost:8080/beta} (or Graph's {@code https://graph.microsoft.com/beta}). */
        public Builder baseUri(URI baseUri) {
            this.baseUri = Objects.requireNonNull(baseUri, "baseUri");
            return this;
        }

        /**
         * Gives the access token, asked before every request and never cached here: give it whatever caches and
         * renews yours (MSAL's {@code acquireToken} for {@code https://graph.microsoft.com/.default}, say).
         */
        public Builder tokenSupplier(Supplier<String> tokens) {
            this.tokens = Objects.requireNonNull(tokens, "tokens");
            return this;
        }

        /** How long connecting may take (default 10 s). */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        /** How long one request may wait for its answer (default 30 s). */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = positive(timeout, "requestTimeout");
            return this;
        }

        /**
         * Retries after 429, 503 and harmless-to-repeat connection failures: at most {@code maxRetries} (default 3,
         * as Graph's SDKs; 0 turns retries off), each after the server's {@code Retry-After} but never longer than
         * {@code maxWait} (default 30 s).
         */
        public Builder retries(int maxRetries, Duration maxWait) {
            this.retries = new RetryAfter(maxRetries, positive(maxWait, "maxWait"));
            return this;
        }

        public AudioRoutingGroupsClient build() {
            Objects.requireNonNull(baseUri, "baseUri is required");
            Objects.requireNonNull(tokens, "tokenSupplier is required");
            return new AudioRoutingGroupsClient(this);
        }

        private static Duration positive(Duration duration, String name) {
            if (duration == null || duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException(name + " must be positive");
            }
            return duration;
        }
    }
}
