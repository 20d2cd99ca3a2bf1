package dev.audiorouting.server.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Reads the request body that a refusal made before reading it (401, 404, 405, 415...) left unread. Otherwise
 * the connection is closed on a client still sending, which resets it, and the client never reads its answer.
 * The body size limit bounds what is read; a body over it, or a broken connection, is abandoned.
 */
public final class UnreadBodyFilter implements ReaderInterceptor, ContainerResponseFilter {
    private static final String READ = UnreadBodyFilter.class.getName() + ".read";

    /** Notes that Jersey reads the body, which it then owns: reading it again here would fail the request. */
    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        context.setProperty(READ, Boolean.TRUE);
        return context.proceed();
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() < 400 || request.getProperty(READ) != null || !request.hasEntity()) {
            return;
        }
        try (InputStream rest = request.getEntityStream()) {
            rest.transferTo(OutputStream.nullOutputStream());
        } catch (IOException | RuntimeException e) {
            // Too large, or the client is gone: the refusal goes out as it is.
        }
    }
}
