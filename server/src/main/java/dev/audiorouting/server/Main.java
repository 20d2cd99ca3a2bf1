package dev.audiorouting.server;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Starts the server from the command line: {@code java -jar server/target/audio-routing-server.jar --help}. */
@Command(name = "audio-routing-server",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        sortOptions = false,
        description = "Serves the Microsoft Graph (beta) audioRoutingGroup API under /beta.%n"
                + "Every option can also be set with the environment variable shown.%n")
public final class Main implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

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

    public static void main(String[] args) {
        // Jersey logs through java.util.logging; send it to SLF4J like everything else.
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        System.exit(new CommandLine(new Main())
                .setExecutionExceptionHandler((e, command, parsed) -> {
                    // A port in use or a bad address: one clear line, not a stack trace.
                    LOG.error("Could not start: {}", e.getMessage());
                    LOG.debug("Start-up failure", e);
                    return 1;
                })
                .execute(args));
    }

    @Spec
    private CommandSpec command;

    @Override
    public Integer call() throws Exception {
        ServerConfig config = config();
        AudioRoutingServer server = AudioRoutingServer.start(config);
        LOG.info("Listening on {}", server.baseUri());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server, config), "shutdown"));
        server.join();
        return 0;
    }

    /** The options as a checked configuration; a bad value is a usage error, not a stack trace. */
    private ServerConfig config() {
        try {
            return new ServerConfig(host, port, ServerConfig.DEFAULT_MAX_BODY_BYTES, Duration.ofSeconds(shutdownTimeoutSeconds));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(command.commandLine(), e.getMessage(), e);
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
