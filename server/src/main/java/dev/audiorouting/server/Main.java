package dev.audiorouting.server;

import dev.audiorouting.server.auth.LocalSigningKey;
import dev.audiorouting.server.auth.TokenPolicy;
import dev.audiorouting.server.auth.TrustedKeys;
import dev.audiorouting.server.logging.LogFormat;
import dev.audiorouting.server.store.DatabaseConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Starts the server from the command line: {@code java -jar server/target/audio-routing-server.jar --help}. */
@Command(name = "audio-routing-server",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        sortOptions = false,
        subcommands = TokenCommand.class,
        description = "Serves the Microsoft Graph (beta) audioRoutingGroup API under /beta.%n"
                + "Requests need an app-only access token. Without --jwks-url or --jwks-file, the server trusts "
                + "only its local key (created in --data-dir), and the token subcommand mints tokens for it.%n"
                + "Every option can also be set with the environment variable shown.%n")
public final class Main implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(Main.class);
    private static final String IN_MEMORY = "memory";

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "${env:AUDIO_ROUTING_HOST:-0.0.0.0}",
            description = "Interface to listen on; 0.0.0.0 for all (env AUDIO_ROUTING_HOST, default ${DEFAULT-VALUE}).")
    private String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "${env:AUDIO_ROUTING_PORT:-8080}",
            description = "TCP port; 0 picks a free one (env AUDIO_ROUTING_PORT, default ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--shutdown-timeout", paramLabel = "SECONDS",
            defaultValue = "${env:AUDIO_ROUTING_SHUTDOWN_TIMEOUT:-10}",
            description = "On SIGTERM, how long requests in flight may take to finish "
                    + "(env AUDIO_ROUTING_SHUTDOWN_TIMEOUT, default ${DEFAULT-VALUE}).")
    private long shutdownTimeoutSeconds;

    @Option(names = "--shutdown-delay", paramLabel = "SECONDS", defaultValue = "${env:AUDIO_ROUTING_SHUTDOWN_DELAY:-0}",
            description = "On SIGTERM, how long to keep serving with readiness already 503, so a load balancer stops "
                    + "sending requests first (env AUDIO_ROUTING_SHUTDOWN_DELAY, default ${DEFAULT-VALUE}).")
    private long shutdownDelaySeconds;

    @Option(names = "--idle-timeout", paramLabel = "SECONDS", defaultValue = "${env:AUDIO_ROUTING_IDLE_TIMEOUT:-30}",
            description = "Close a connection that sends nothing for this long, mid-request or between requests "
                    + "(env AUDIO_ROUTING_IDLE_TIMEOUT, default ${DEFAULT-VALUE}).")
    private long idleTimeoutSeconds;

    @Option(names = "--admin-host", paramLabel = "HOST", defaultValue = "${env:AUDIO_ROUTING_ADMIN_HOST:-127.0.0.1}",
            description = "Interface of the admin listener (health, metrics; no token needed) "
                    + "(env AUDIO_ROUTING_ADMIN_HOST, default ${DEFAULT-VALUE}).")
    private String adminHost;

    @Option(names = "--admin-port", paramLabel = "PORT", defaultValue = "${env:AUDIO_ROUTING_ADMIN_PORT:-8081}",
            description = "TCP port of the admin listener; 0 picks a free one (env AUDIO_ROUTING_ADMIN_PORT, default ${DEFAULT-VALUE}).")
    private int adminPort;

    @Option(names = "--rate-limit", paramLabel = "PER_SECOND", defaultValue = "${env:AUDIO_ROUTING_RATE_LIMIT:-1000}",
            description = "Requests per second each application of a tenant may send; past it, 429 with Retry-After "
                    + "(env AUDIO_ROUTING_RATE_LIMIT, default ${DEFAULT-VALUE}).")
    private double rateLimit;

    @Option(names = "--rate-burst", paramLabel = "N", defaultValue = "${env:AUDIO_ROUTING_RATE_BURST:-2000}",
            description = "Requests an application may send at once after a quiet spell (env AUDIO_ROUTING_RATE_BURST, "
                    + "default ${DEFAULT-VALUE}).")
    private int rateBurst;

    @Option(names = "--max-in-flight", paramLabel = "N", defaultValue = "${env:AUDIO_ROUTING_MAX_IN_FLIGHT:-128}",
            description = "Requests worked on at once; past it, 503 with Retry-After at once "
                    + "(env AUDIO_ROUTING_MAX_IN_FLIGHT, default ${DEFAULT-VALUE}).")
    private int maxInFlight;

    @Option(names = "--log-format", paramLabel = "FORMAT", defaultValue = "${env:AUDIO_ROUTING_LOG_FORMAT:-text}",
            description = "text, or json for one JSON object per line (env AUDIO_ROUTING_LOG_FORMAT, default ${DEFAULT-VALUE}).")
    private LogFormat logFormat;

    @Mixin
    private LocalTokenOptions trust;

    @Option(names = "--database-url", paramLabel = "JDBC_URL", defaultValue = "${env:AUDIO_ROUTING_DATABASE_URL}",
            description = "Where groups are kept: jdbc:postgresql://HOST/DB to share them between servers, or jdbc:h2:...; "
                    + "'memory' keeps them in memory only (env AUDIO_ROUTING_DATABASE_URL, default: an H2 file in --data-dir).")
    private String databaseUrl;

    @Option(names = "--database-user", paramLabel = "USER", defaultValue = "${env:AUDIO_ROUTING_DATABASE_USER}",
            description = "Database user (env AUDIO_ROUTING_DATABASE_USER).")
    private String databaseUser;

    @Option(names = "--database-password", paramLabel = "PASSWORD", defaultValue = "${env:AUDIO_ROUTING_DATABASE_PASSWORD}",
            description = "Database password; prefer the environment variable, which other users cannot see in ps "
                    + "(env AUDIO_ROUTING_DATABASE_PASSWORD).")
    private String databasePassword;

    @Option(names = "--database-pool-size", paramLabel = "N", defaultValue = "${env:AUDIO_ROUTING_DATABASE_POOL_SIZE:-10}",
            description = "Most database connections held open (env AUDIO_ROUTING_DATABASE_POOL_SIZE, default ${DEFAULT-VALUE}).")
    private int databasePoolSize;

    @Option(names = "--jwks-url", paramLabel = "URL", defaultValue = "${env:AUDIO_ROUTING_JWKS_URL}",
            description = "Trust the keys published here, e.g. Microsoft Entra ID's "
                    + "https://login.microsoftonline.com/common/discovery/v2.0/keys; needs --issuer and --audience "
                    + "(env AUDIO_ROUTING_JWKS_URL).")
    private URI jwksUrl;

    @Option(names = "--jwks-file", paramLabel = "FILE", defaultValue = "${env:AUDIO_ROUTING_JWKS_FILE}",
            description = "Trust the keys in this JWKS file; needs --issuer and --audience (env AUDIO_ROUTING_JWKS_FILE).")
    private Path jwksFile;

    public static void main(String[] args) {
        // Jersey logs through java.util.logging; send it to SLF4J like everything else.
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        System.exit(new CommandLine(new Main())
                .setCaseInsensitiveEnumValuesAllowed(true)
                // A mistyped option: one line naming it, not the whole usage.
                .setParameterExceptionHandler((e, arguments) -> {
                    e.getCommandLine().getErr().println(e.getCommandLine().getCommandName() + ": " + e.getMessage()
                            + " (see --help)");
                    return 2;
                })
                .setExecutionExceptionHandler((e, command, parsed) -> {
                    // A port in use or a bad address: one clear line, not a stack trace.
                    if (command.getCommand() instanceof Main) {
                        LOG.error("Could not start: {}", e.getMessage());
                        LOG.debug("Start-up failure", e);
                    } else {
                        command.getErr().println(command.getCommandName() + ": " + e.getMessage());
                    }
                    return 1;
                })
                .execute(args));
    }

    @Spec
    private CommandSpec command;

    @Override
    public Integer call() throws Exception {
        logFormat.apply();
        ServerConfig config = config();
        AudioRoutingServer server = AudioRoutingServer.start(config);
        LOG.info("Listening on {}; health and metrics on {}", server.baseUri(), server.adminUri());
        LOG.info("Accepting access tokens signed by {}, issuer {}, audience {}", config.tokens().keys(),
                config.tokens().issuer(), String.join(",", config.tokens().audiences()));
        LOG.info("Keeping groups {}", config.database() == null ? "in memory only" : "in " + config.database());
        if (usesLocalKey()) {
            LOG.info("Get a token with: java -jar {} token --data-dir {}", jarPath(), trust.dataDir);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server, config), "shutdown"));
        server.join();
        return 0;
    }

    /**
     * The options as a checked configuration; a bad value is a usage error, not a stack trace. The plain values are
     * checked before anything is created on disk (the data directory, the local key).
     */
    private ServerConfig config() throws IOException {
        try {
            AdminListener admin = new AdminListener(adminHost, adminPort);
            Throttling throttling = new Throttling(rateLimit, rateBurst, maxInFlight);
            Duration shutdownTimeout = Duration.ofSeconds(shutdownTimeoutSeconds);
            Duration shutdownDelay = Duration.ofSeconds(shutdownDelaySeconds);
            Duration idleTimeout = Duration.ofSeconds(idleTimeoutSeconds);
            ServerConfig.requireValid(port, ServerConfig.DEFAULT_MAX_BODY_BYTES, shutdownTimeout, shutdownDelay, idleTimeout);
            DatabaseConfig database = database();
            return new ServerConfig(host, port, ServerConfig.DEFAULT_MAX_BODY_BYTES, shutdownTimeout, shutdownDelay, idleTimeout, tokenPolicy(),
                    database, admin, throttling);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(command.commandLine(), e.getMessage(), e);
        }
    }

    /** {@code null} (in memory) for {@code --database-url memory}. */
    private DatabaseConfig database() throws IOException {
        if (databaseUrl == null || databaseUrl.isBlank()) {
            DatabaseConfig embedded = DatabaseConfig.embedded(trust.dataDir).withPoolSize(databasePoolSize);
            DataDirectory.create(trust.dataDir);
            return embedded;
        }
        if (databaseUrl.equals(IN_MEMORY)) {
            return null;
        }
        return new DatabaseConfig(databaseUrl, databaseUser, databasePassword, databasePoolSize);
    }

    private boolean usesLocalKey() {
        return jwksUrl == null && jwksFile == null;
    }

    private TokenPolicy tokenPolicy() throws IOException {
        if (usesLocalKey()) {
            LocalSigningKey key = LocalSigningKey.loadOrCreate(trust.dataDir);
            if (key.created()) {
                LOG.info("Created the local signing key {}", key.file());
            }
            return new TokenPolicy(trust.issuerOrLocal(), trust.audiencesOrDefault(), key.trustedKeys(),
                    TokenPolicy.DEFAULT_CLOCK_SKEW);
        }
        if (jwksUrl != null && jwksFile != null) {
            throw new IllegalArgumentException("use --jwks-url or --jwks-file, not both");
        }
        if (trust.issuer == null || trust.audiences == null) {
            throw new IllegalArgumentException((jwksUrl != null ? "--jwks-url" : "--jwks-file")
                    + " needs --issuer and --audience: which tokens of that issuer are meant for this server");
        }
        TrustedKeys keys = jwksUrl != null ? TrustedKeys.fromUrl(jwksUrl) : TrustedKeys.fromFile(jwksFile);
        return new TokenPolicy(trust.issuer, trust.audiencesOrDefault(), keys, TokenPolicy.DEFAULT_CLOCK_SKEW);
    }

    /** How the user ran us, for the hint that says how to get a token. */
    private static String jarPath() {
        try {
            Path jar = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path here = Path.of("").toAbsolutePath();
            return jar.startsWith(here) ? here.relativize(jar).toString() : jar.toString();
        } catch (Exception e) {
            return "server/target/audio-routing-server.jar";
        }
    }

    private static void stop(AudioRoutingServer server, ServerConfig config) {
        LOG.info("Stopping: finishing requests in flight (up to {}s)", config.shutdownTimeout().toSeconds());
        try {
            server.close();
            LOG.info("Stopped");
        } catch (Exception e) {
            LOG.error("Stop failed", e);
        }
    }

    /** The version Maven wrote into the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"audio-routing-server " + (version == null ? "(development build)" : version)};
        }
    }
}
