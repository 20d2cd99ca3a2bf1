package dev.audiorouting.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.audiorouting.server.auth.AccessTokenVerifier;
import dev.audiorouting.server.domain.AudioRoutingGroupStore;
import dev.audiorouting.server.domain.AudioRoutingGroups;
import dev.audiorouting.server.error.GraphErrorHandler;
import dev.audiorouting.server.json.ApiJson;
import dev.audiorouting.server.http.DocsPages;
import dev.audiorouting.server.http.PathInContextHandler;
import dev.audiorouting.server.http.SpecDocuments;
import dev.audiorouting.server.http.RequestIdHandler;
import dev.audiorouting.server.store.InMemoryAudioRoutingGroupStore;
import dev.audiorouting.server.store.OpeningAudioRoutingGroupStore;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.server.handler.SizeLimitHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.glassfish.jersey.jetty.JettyHttpContainer;
import org.glassfish.jersey.server.ContainerFactory;

/**
 * The composition root: builds the whole server from a {@link ServerConfig}. {@code Main} and the tests
 * both start it here, so what is tested is what runs.
 *
 * <pre>{@code
 * try (AudioRoutingServer server = AudioRoutingServer.start(ServerConfig.of("127.0.0.1", 0, tokenPolicy))) {
 *     URI base = server.baseUri(); // http://127.0.0.1:PORT/beta
 * }
 * }</pre>
 */
public final class AudioRoutingServer implements AutoCloseable {
    /** Graph clients' base URL ends in /beta; so does ours. */
    public static final String BASE_PATH = "/beta";
    /** The longest header line Jetty caches (its default is 1024): shorter than any access token. */
    static final int HEADER_CACHE_SIZE = 256;

    private final Server jetty;
    private final URI baseUri;
    private final AutoCloseable ownedStore;

    private AudioRoutingServer(Server jetty, URI baseUri, AutoCloseable ownedStore) {
        this.jetty = jetty;
        this.baseUri = baseUri;
        this.ownedStore = ownedStore;
    }

    /**
     * Builds and starts a server with the store its configuration names (opened here, closed by {@link #close()});
     * it listens when this returns.
     */
    public static AudioRoutingServer start(ServerConfig config) throws Exception {
        if (config.database() == null) {
            return start(config, new InMemoryAudioRoutingGroupStore());
        }
        OpeningAudioRoutingGroupStore store = OpeningAudioRoutingGroupStore.open(config.database());
        AudioRoutingServer server;
        try {
            server = start(config, store, store);
        } catch (Exception e) {
            store.close();
            throw e;
        }
        try {
            store.awaitOpen();
            return server;
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** Builds and starts a server keeping its groups in {@code store}, which the caller closes. */
    public static AudioRoutingServer start(ServerConfig config, AudioRoutingGroupStore store) throws Exception {
        return start(config, store, () -> { });
    }

    private static AudioRoutingServer start(ServerConfig config, AudioRoutingGroupStore store, AutoCloseable ownedStore)
            throws Exception {
        ObjectMapper json = ApiJson.newMapper();
        CompletableFuture.runAsync(() -> ApiJson.prepare(json));
        AudioRoutingGroups groups = new AudioRoutingGroups(store);

        Server jetty = new Server(threadPool());
        ServerConnector connector = connector(jetty, config);
        jetty.addConnector(connector);
        AccessTokenVerifier tokens = new AccessTokenVerifier(config.tokens());
        jetty.setHandler(handlers(new AudioRoutingApplication(groups, tokens, json, config.maxBodyBytes()), config));
        jetty.setErrorHandler(new GraphErrorHandler(json));
        jetty.setStopTimeout(config.shutdownTimeout().toMillis());
        jetty.start();
        return new AudioRoutingServer(jetty, baseUri(connector), ownedStore);
    }

    /** Where the API answers, e.g. {@code http://127.0.0.1:8080/beta}. */
    public URI baseUri() {
        return baseUri;
    }

    private static URI baseUri(ServerConnector connector) {
        String host = connector.getHost();
        boolean anyInterface = host == null || host.isEmpty() || host.equals("0.0.0.0") || host.equals("::");
        String shown = anyInterface ? "localhost" : host.contains(":") ? "[" + host + "]" : host;
        return URI.create("http://" + shown + ":" + connector.getLocalPort() + BASE_PATH);
    }

    /** Blocks until the server has stopped. */
    public void join() throws InterruptedException {
        jetty.join();
    }

    /**
     * Stops gracefully: no new requests are accepted, those in flight finish (up to the configured
     * shutdown timeout), then the server closes, and last the store it opened.
     */
    @Override
    public void close() throws Exception {
        try {
            jetty.stop();
        } finally {
            ownedStore.close();
        }
    }

    private static QueuedThreadPool threadPool() {
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("http");
        return threads;
    }

    private static ServerConnector connector(Server jetty, ServerConfig config) {
        HttpConfiguration http = new HttpConfiguration();
        // Say nothing about the software we run on; Graph sends a Date header, and so do we.
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.setSendDateHeader(true);
        // Before closing on a body over the limit (413), read up to 128 chunks of what has already arrived
        // (Jetty's default is 16), without waiting for more: closing on unread data resets the connection, and a
        // client whose answer is lost in a reset sees an error instead of the 413.
        http.setMaxUnconsumedRequestContentReads(128);
        // Jetty remembers repeated header lines up to this length; looking a kilobyte-long Authorization line up
        // in that cache cost more than parsing it (a tenth of the CPU of a create). Short lines are still cached.
        http.setHeaderCacheSize(HEADER_CACHE_SIZE);
        ServerConnector connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
        connector.setHost(config.host());
        connector.setPort(config.port());
        // Also bounds how long a stalled client holds a connection (and, mid-body, a request thread).
        connector.setIdleTimeout(config.idleTimeout().toMillis());
        return connector;
    }

    /**
     * Outermost first: graceful shutdown, request ids, the body size limit, then Jersey under /beta, beside the
     * contract (/openapi.yaml, /openapi.json) and its docs (/docs/).
     */
    private static GracefulHandler handlers(AudioRoutingApplication application, ServerConfig config) {
        JettyHttpContainer jersey = ContainerFactory.createContainer(JettyHttpContainer.class, application);
        ContextHandler api = new ContextHandler(new PathInContextHandler(jersey), BASE_PATH);
        // /beta itself is answered by Jersey (a JSON 404), not redirected to /beta/.
        api.setAllowNullPathInContext(true);
        SizeLimitHandler sizeLimit = new SizeLimitHandler(config.maxBodyBytes(), -1);
        sizeLimit.setHandler(new Handler.Sequence(api, SpecDocuments.fromClasspath(), DocsPages.handler()));
        return new GracefulHandler(new RequestIdHandler(sizeLimit));
    }
}
