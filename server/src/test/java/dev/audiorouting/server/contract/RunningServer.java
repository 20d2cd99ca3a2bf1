package dev.audiorouting.server.contract;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a {@link ServerUnderTest} parameter: one server for the whole test run, closed at its end.
 * Tests stay independent by using their own call ids ({@link ServerUnderTest#newCallId()}).
 */
public final class RunningServer implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ServerUnderTest.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(ServerUnderTest.class, key -> ServerUnderTest.start(), ServerUnderTest.class);
    }
}
