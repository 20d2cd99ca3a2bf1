package dev.audiorouting.server.contract;

import com.atlassian.oai.validator.model.Request;
import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;

/**
 * A {@link HttpClient} that checks every exchange against openapi.yaml ({@link Spec}) before handing the
 * response back. The generated client and the raw-HTTP tests both send through it, so no exchange of the
 * contract tests escapes validation.
 */
public final class SpecValidatingHttpClient extends HttpClient {
    private static final Duration BODY_TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient delegate;
    private final boolean requestsMustConform;

    private SpecValidatingHttpClient(HttpClient delegate, boolean requestsMustConform) {
        this.delegate = delegate;
        this.requestsMustConform = requestsMustConform;
    }

    /** Requests and responses must both conform: for calls a well-behaved client makes. */
    public static SpecValidatingHttpClient strict(HttpClient delegate) {
        return new SpecValidatingHttpClient(delegate, true);
    }

    /** Only responses must conform: for tests that send what the spec forbids, on purpose. */
    public static SpecValidatingHttpClient responsesOnly(HttpClient delegate) {
        return new SpecValidatingHttpClient(delegate, false);
    }

    /** A builder whose {@code build()} returns this client, for the generated {@code ApiClient}. */
    public HttpClient.Builder asBuilder() {
        return new FixedBuilder(this);
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        byte[] requestBody = bodyOf(request);
        HttpResponse<byte[]> response = delegate.send(request, HttpResponse.BodyHandlers.ofByteArray());
        Spec.get().check(new Spec.Exchange(Request.Method.valueOf(request.method()), request.uri().getRawPath(),
                request.headers(), requestBody, response.statusCode(), response.headers(), response.body()),
                requestsMustConform);
        return new BufferedResponse<>(response, decode(response, handler));
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return send(request, handler);
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
                                                            HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
        return sendAsync(request, handler);
    }

    private static byte[] bodyOf(HttpRequest request) {
        return request.bodyPublisher().map(publisher -> {
            HttpResponse.BodySubscriber<byte[]> collector = HttpResponse.BodySubscribers.ofByteArray();
            publisher.subscribe(new Flow.Subscriber<>() {
                @Override
                public void onSubscribe(Flow.Subscription subscription) {
                    collector.onSubscribe(subscription);
                }

                @Override
                public void onNext(ByteBuffer item) {
                    collector.onNext(List.of(item));
                }

                @Override
                public void onError(Throwable throwable) {
                    collector.onError(throwable);
                }

                @Override
                public void onComplete() {
                    collector.onComplete();
                }
            });
            return await(collector);
        }).orElse(new byte[0]);
    }

    /** Feeds the already-read body to the caller's handler, as if it came off the wire. */
    private static <T> T decode(HttpResponse<byte[]> response, HttpResponse.BodyHandler<T> handler) {
        HttpResponse.BodySubscriber<T> subscriber = handler.apply(new HttpResponse.ResponseInfo() {
            @Override
            public int statusCode() {
                return response.statusCode();
            }

            @Override
            public HttpHeaders headers() {
                return response.headers();
            }

            @Override
            public Version version() {
                return response.version();
            }
        });
        subscriber.onSubscribe(new Flow.Subscription() {
            private boolean done;

            @Override
            public void request(long n) {
                if (!done) {
                    done = true;
                    subscriber.onNext(List.of(ByteBuffer.wrap(response.body())));
                    subscriber.onComplete();
                }
            }

            @Override
            public void cancel() {
                done = true;
            }
        });
        return await(subscriber);
    }

    private static <T> T await(HttpResponse.BodySubscriber<T> subscriber) {
        try {
            return subscriber.getBody().toCompletableFuture().get(BODY_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not read a body", e);
        }
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
        return delegate.cookieHandler();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        return delegate.connectTimeout();
    }

    @Override
    public Redirect followRedirects() {
        return delegate.followRedirects();
    }

    @Override
    public Optional<ProxySelector> proxy() {
        return delegate.proxy();
    }

    @Override
    public SSLContext sslContext() {
        return delegate.sslContext();
    }

    @Override
    public SSLParameters sslParameters() {
        return delegate.sslParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
        return delegate.authenticator();
    }

    @Override
    public Version version() {
        return delegate.version();
    }

    @Override
    public Optional<Executor> executor() {
        return delegate.executor();
    }

    private record BufferedResponse<T>(HttpResponse<byte[]> wire, T body) implements HttpResponse<T> {
        @Override
        public int statusCode() {
            return wire.statusCode();
        }

        @Override
        public HttpRequest request() {
            return wire.request();
        }

        @Override
        public Optional<HttpResponse<T>> previousResponse() {
            return Optional.empty();
        }

        @Override
        public HttpHeaders headers() {
            return wire.headers();
        }

        @Override
        public Optional<SSLSession> sslSession() {
            return wire.sslSession();
        }

        @Override
        public URI uri() {
            return wire.uri();
        }

        @Override
        public Version version() {
            return wire.version();
        }
    }

    /** The generated ApiClient asks a builder for its HttpClient; this one always answers with ours. */
    private record FixedBuilder(HttpClient client) implements HttpClient.Builder {
        @Override
        public HttpClient build() {
            return client;
        }

        @Override
        public Builder cookieHandler(CookieHandler cookieHandler) {
            throw unsupported();
        }

        @Override
        public Builder connectTimeout(Duration duration) {
            throw unsupported();
        }

        @Override
        public Builder sslContext(SSLContext sslContext) {
            throw unsupported();
        }

        @Override
        public Builder sslParameters(SSLParameters sslParameters) {
            throw unsupported();
        }

        @Override
        public Builder executor(Executor executor) {
            throw unsupported();
        }

        @Override
        public Builder followRedirects(Redirect policy) {
            throw unsupported();
        }

        @Override
        public Builder version(Version version) {
            throw unsupported();
        }

        @Override
        public Builder priority(int priority) {
            throw unsupported();
        }

        @Override
        public Builder proxy(ProxySelector proxySelector) {
            throw unsupported();
        }

        @Override
        public Builder authenticator(Authenticator authenticator) {
            throw unsupported();
        }

        private static UnsupportedOperationException unsupported() {
            return new UnsupportedOperationException("configure the delegate HttpClient instead");
        }
    }
}
