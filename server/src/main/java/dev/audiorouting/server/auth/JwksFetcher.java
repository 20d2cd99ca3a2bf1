package dev.audiorouting.server.auth;

import com.nimbusds.jose.util.Resource;
import com.nimbusds.jose.util.ResourceRetriever;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fetches a JWKS document with one deadline for the whole exchange (connect, headers and body), so a slow or
 * dribbling issuer cannot hold requests longer than that. Redirects are not followed: the configured URL is the
 * one trusted.
 */
final class JwksFetcher implements ResourceRetriever {
    private final HttpClient http;
    private final Duration deadline;
    private final int maxBytes;

    JwksFetcher(Duration deadline, int maxBytes) {
        this.http = HttpClient.newBuilder().connectTimeout(deadline).followRedirects(HttpClient.Redirect.NEVER).build();
        this.deadline = deadline;
        this.maxBytes = maxBytes;
    }

    @Override
    public Resource retrieveResource(URL url) throws IOException {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(url.toURI()).timeout(deadline).header("Accept", "application/json").GET().build();
        } catch (URISyntaxException e) {
            throw new IOException("not a valid URL: " + url, e);
        }
        CompletableFuture<HttpResponse<byte[]>> exchange = http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        try {
            HttpResponse<byte[]> response = exchange.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
            if (response.statusCode() != 200) {
                throw new IOException(url + " answered HTTP " + response.statusCode());
            }
            if (response.body().length > maxBytes) {
                throw new IOException(url + " sent more than " + maxBytes + " bytes");
            }
            return new Resource(new String(response.body(), StandardCharsets.UTF_8),
                    response.headers().firstValue("Content-Type").orElse(null));
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new IOException(url + " did not answer within " + deadline.toMillis() + " ms", e);
        } catch (ExecutionException e) {
            throw new IOException(url + ": " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching " + url, e);
        }
    }
}
