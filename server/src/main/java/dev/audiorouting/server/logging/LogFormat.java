package dev.audiorouting.server.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** How log events are written on standard output: {@code --log-format}. */
public enum LogFormat {
    /** One readable line per event. */
    TEXT,
    /** One JSON object per event and line, with the access log's fields as key-value pairs, for log collectors. */
    JSON;

    /** Switches the console to this format; leaves an operator's own Logback configuration alone. */
    public void apply() {
        if (this == TEXT || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)
                || !(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(ConsoleLogging.APPENDER)
                        instanceof ConsoleAppender<ILoggingEvent> console)) {
            return;
        }
        JsonEncoder encoder = new JsonEncoder();
        encoder.setContext(context);
        // The message as read, and the fields as key-value pairs; not the template, its arguments or the context.
        encoder.setWithFormattedMessage(true);
        encoder.setWithMessage(false);
        encoder.setWithArguments(false);
        encoder.setWithContext(false);
        encoder.setWithSequenceNumber(false);
        encoder.setWithNanoseconds(false);
        encoder.start();
        console.stop();
        console.setEncoder(encoder);
        console.start();
    }
}
