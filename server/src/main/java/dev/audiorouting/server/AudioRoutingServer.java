package dev.audiorouting.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.audiorouting.server.auth.AccessTokenVerifier;
import dev.audiorouting.server.admin.AdminEndpoints;
import dev.audiorouting.server.admin.Readiness;
import dev.audiorouting.server.domain.AudioRoutingGroupStore;
import dev.audiorouting.server.domain.AudioRoutingGroups;
import dev.audiorouting.server.error.GraphErrorHandler;
import dev.audiorouting.server.json.ApiJson;
import dev.audiorouting.server.http.CompletedExchanges;
import dev.audiorouting.server.http.DocsPages;
import dev.audiorouting.server.http.PathInContextHandler;
import dev.audiorouting.server.http.SpecDocuments;
import dev.audiorouting.server.http.RequestBodyLimit;
import dev.audiorouting.server.http.RequestIdHandler;
import dev.audiorouting.server.observability.AccessLog;
import dev.audiorouting.server.observability.ObservedRequests;
import dev.audiorouting.server.observability.ServerMetrics;
import dev.audiorouting.server.observability.TimedAudioRoutingGroupStore;
import dev.audiorouting.server.store.InMemoryAudioRoutingGroupStore;
import dev.audiorouting.server.store.JdbcAudioRoutingGroupStore;
import dev.audiorouting.server.store.OpeningAudioRoutingGroupStore;
import dev.audiorouting.server.throttling.LoadShedding;
import dev.audiorouting.server.throttling.TokenBuckets;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.GracefulHandler;
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
    /**
     * Jetty's default; above the default bound on requests in flight, so that threads are left to answer the
     * requests shed past it.
     */
    private static final int API_THREADS = 200;
    /** Probes and scrapes are few and quick; a handful of threads serve them. */
    private static final int ADMIN_THREADS = 8;

    private final Server jetty;
    private final Server admin;
    private final URI baseUri;
    private final Readiness readiness;
    private final ServerMetrics metrics;
    private final AutoCloseable ownedStore;
    private final Duration shutdownDelay;

    private AudioRoutingServer(Server jetty, Server admin, Readiness readiness, ServerMetrics metrics, AutoCloseable ownedStore,
                               Duration shutdownDelay) {
        this.jetty = jetty;
        this.admin = admin;
        this.baseUri = baseUri((ServerConnector) jetty.getConnectors()[0], BASE_PATH);
        this.readiness = readiness;
        this.metrics = metrics;
        this.ownedStore = ownedStore;
        this.shutdownDelay = shutdownDelay;
    }

    /**
     * Builds and starts a server with the store its configuration names (opened here, closed by {@link #close()});
     * it listens when this returns.
     */
    public static AudioRoutingServer start(ServerConfig config) throws Exception {
        ServerMetrics metrics = new ServerMetrics();
        if (config.database() == null) {
            return start(config, new InMemoryAudioRoutingGroupStore(), List.of(), metrics, () -> { });
        }
        // Opened beside the listener: the two take about as long, and together were most of the start-up time.
        OpeningAudioRoutingGroupStore store = OpeningAudioRoutingGroupStore.open(config.database(), metrics.registry());
        List<Readiness.Check> checks = List.of(
                new Readiness.Check("store", () -> store.problem(JdbcAudioRoutingGroupStore::connectionProblem)),
                new Readiness.Check("schema", () -> store.problem(JdbcAudioRoutingGroupStore::schemaProblem)));
        AudioRoutingServer server;
        try {
            server = start(config, store, checks, metrics, store);
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
        return start(config, store, List.of(), new ServerMetrics(), () -> { });
    }

    private static AudioRoutingServer start(ServerConfig config, AudioRoutingGroupStore store, List<Readiness.Check> checks,
            ServerMetrics metrics, AutoCloseable ownedStore) throws Exception {
        ObjectMapper json = ApiJson.newMapper();
        // Beside the rest of the start-up; a failure here would show again on the first request.
        CompletableFuture.runAsync(() -> ApiJson.prepare(json));
        AudioRoutingGroups groups = new AudioRoutingGroups(new TimedAudioRoutingGroupStore(store, metrics));
        AccessTokenVerifier tokens = new AccessTokenVerifier(config.tokens());
        TokenBuckets buckets = new TokenBuckets(config.throttling().requestsPerSecond(), config.throttling().burst());
        AudioRoutingApplication application = new AudioRoutingApplication(groups, tokens, buckets, metrics, json);

        QueuedThreadPool threads = threadPool("http", API_THREADS);
        metrics.watch(threads);
        Server jetty = new Server(threads);
        jetty.addConnector(connector(jetty, config.host(), config.port(), config.idleTimeout()));
        jetty.setHandler(handlers(application, config, metrics));
        jetty.setErrorHandler(new GraphErrorHandler(json));
        jetty.setStopTimeout(config.shutdownTimeout().toMillis());

        Readiness readiness = new Readiness(checks);
        Server admin = new Server(threadPool("admin", ADMIN_THREADS));
        admin.addConnector(connector(admin, config.admin().host(), config.admin().port(), config.idleTimeout()));
        admin.setHandler(new AdminEndpoints(readiness, metrics));
        admin.setErrorHandler(new GraphErrorHandler(json));
        admin.start();
        try {
            jetty.start();
        } catch (Exception e) {
            admin.stop();
            throw e;
        }
        return new AudioRoutingServer(jetty, admin, readiness, metrics, ownedStore, config.shutdownDelay());
    }

    /** Where the API answers, e.g. {@code http://127.0.0.1:8080/beta}. */
    public URI baseUri() {
        return baseUri;
    }

    /** Where health and metrics are served, e.g. {@code http://127.0.0.1:8081}. */
    public URI adminUri() {
        return baseUri((ServerConnector) admin.getConnectors()[0], "");
    }

    private static URI baseUri(ServerConnector connector, String path) {
        String host = connector.getHost();
        boolean anyInterface = host == null || host.isEmpty() || host.equals("0.0.0.0") || host.equals("::");
        String shown = anyInterface ? "localhost" : host.contains(":") ? "[" + host + "]" : host;
        return URI.create("http://" + shown + ":" + connector.getLocalPort() + path);
    }

    /** Blocks until the server has stopped. */
    public void join() throws InterruptedException {
        jetty.join();
    }

    /**
     * Stops gracefully: readiness turns 503 and the server keeps serving for the shutdown delay (while load
     * balancers notice), then no new requests are accepted, those in flight finish (up to the shutdown timeout),
     * the API listener closes, the store it opened, and last the admin listener, which answers probes until then.
     */
    @Override
    public void close() throws Exception {
        readiness.stopping();
        Thread.sleep(shutdownDelay.toMillis());
        try (AutoCloseable last = admin::stop; AutoCloseable meters = metrics; AutoCloseable store = ownedStore) {
            jetty.stop();
        }
    }

    private static QueuedThreadPool threadPool(String name, int maxThreads) {
        QueuedThreadPool threads = new QueuedThreadPool(maxThreads);
        threads.setName(name);
        return threads;
    }

    private static ServerConnector connector(Server jetty, String host, int port, Duration idleTimeout) {
        HttpConfiguration http = new HttpConfiguration();
        // Say nothing about the software we run on; Graph sends a Date header, and so do we.
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.setSendDateHeader(true);
        // Jetty remembers repeated header lines up to this length; looking a kilobyte-long Authorization line up
        // in that cache cost more than parsing it (a tenth of the CPU of a create). Short lines are still cached.
        http.setHeaderCacheSize(HEADER_CACHE_SIZE);
        ServerConnector connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        // Also bounds how long a stalled client holds a connection (and, mid-body, a request thread).
        connector.setIdleTimeout(idleTimeout.toMillis());
        return connector;
    }

    /**
     * Outermost first: the access log and request metrics, graceful shutdown, request ids, the body size limit
     * (outside the bound on requests in flight, so that a shed request's client gets its 503 too), the bound on
     * requests in flight, then Jersey under /beta, beside the contract (/openapi.yaml, /openapi.json)
     * and its docs (/docs/).
     */
    private static Handler handlers(AudioRoutingApplication application, ServerConfig config, ServerMetrics metrics) {
        JettyHttpContainer jersey = ContainerFactory.createContainer(JettyHttpContainer.class, application);
        ContextHandler api = new ContextHandler(new PathInContextHandler(new CompletedExchanges(jersey)), BASE_PATH);
        // /beta itself is answered by Jersey (a JSON 404), not redirected to /beta/.
        api.setAllowNullPathInContext(true);
        Handler served = new Handler.Sequence(api, SpecDocuments.fromClasspath(), DocsPages.handler());
        LoadShedding shedding = new LoadShedding(served, config.throttling().maxInFlight(), metrics);
        RequestBodyLimit bodyLimit = new RequestBodyLimit(config.maxBodyBytes(), config.idleTimeout(), shedding);
        return new ObservedRequests(new GracefulHandler(new RequestIdHandler(bodyLimit)), metrics, new AccessLog());
    }
}
