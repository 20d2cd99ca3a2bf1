package dev.audiorouting.server.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.jul.LevelChangePropagator;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.List;
import org.slf4j.Logger;

/**
 * Logback's configuration, in code: one line per event on standard output. Reading the same from a logback.xml
 * took a tenth of the start-up time. An operator's own file still wins: give it with
 * {@code -Dlogback.configurationFile=...}.
 */
public final class ConsoleLogging extends ContextAwareBase implements Configurator {
    static final String APPENDER = "CONSOLE";
    static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX,UTC} %-5level [%thread] %logger{36} - %msg%n";
    /** Their routine start-up chatter (Jetty's banner, the pool's and the migrations' progress); warnings still show. */
    private static final List<String> QUIET = List.of("org.eclipse.jetty", "org.glassfish.jersey", "com.zaxxer.hikari", "org.flywaydb");

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null || getClass().getResource("/logback-test.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        // Jersey logs through java.util.logging; Main bridges it, and this keeps the bridge cheap.
        LevelChangePropagator julLevels = new LevelChangePropagator();
        julLevels.setContext(context);
        julLevels.setResetJUL(true);
        context.addListener(julLevels);

        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName(APPENDER);
        console.setEncoder(encoder);
        console.start();

        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(console);
        QUIET.forEach(name -> context.getLogger(name).setLevel(Level.WARN));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
