package dev.audiorouting.client;

import java.net.http.HttpRequest;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Sends {@code Authorization: Bearer <token>} with every request of a generated {@link ApiClient}.
 *
 * <p>The supplier is asked once per request, never cached here: access tokens expire (Microsoft Entra ID's after
 * about an hour), so give it whatever caches and renews yours, e.g. MSAL's {@code acquireToken} for the
 * {@code https://graph.microsoft.com/.default} scope.
 *
 * <pre>{@code
 * ApiClient client = new ApiClient();
 * client.updateBaseUri("http://localhost:8080/beta");
 * BearerAuthentication.install(client, () -> tokens.current());
 * new AudioRoutingGroupsApi(client).createAudioRoutingGroup(callId, group);
 * }</pre>
 */
public final class BearerAuthentication {
    private BearerAuthentication() {
    }

    /** Adds the header after whatever request interceptor the client already has. */
    public static ApiClient install(ApiClient client, Supplier<String> tokens) {
        Objects.requireNonNull(tokens, "tokens");
        Consumer<HttpRequest.Builder> earlier = client.getRequestInterceptor();
        return client.setRequestInterceptor(request -> {
            if (earlier != null) {
                earlier.accept(request);
            }
            request.setHeader("Authorization", "Bearer " + Objects.requireNonNull(tokens.get(), "the token supplier gave null"));
        });
    }
}
