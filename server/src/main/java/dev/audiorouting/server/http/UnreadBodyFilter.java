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
 * Reads the request body that a refusal left unread, so that a client still sending gets its answer: closing the
 * connection on unread data resets it, and the client sees an error instead. Two cases: a refusal before the body
 * was read (404, 405, 415...), and a body whose reading failed part way (a JSON error at byte 10 of 500 KiB).
 *
 * <p>Reading blocks a thread while the client sends, so it is done only for an authenticated caller (who could
 * hold a thread with a slow body anyway, and whom the idle timeout bounds), and only for a body whose declared
 * length is within the limit. A 401 or 403 never waits for anyone's body.
 */
public final class UnreadBodyFilter implements ReaderInterceptor, ContainerResponseFilter {
    private static final String READ = UnreadBodyFilter.class.getName() + ".read";

    private final long maxBodyBytes;

    public UnreadBodyFilter(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    /** Notes that Jersey reads the body, which it then owns; if that reading fails, reads what is left. */
    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        context.setProperty(READ, Boolean.TRUE);
        try {
            return context.proceed();
        } catch (IOException | RuntimeException e) {
            drain(context.getInputStream());
            throw e;
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        int status = response.getStatus();
        if (status < 400 || status == 401 || status == 403 || request.getProperty(READ) != null || !request.hasEntity()) {
            return;
        }
        int declared = request.getLength();
        if (declared >= 0 && declared <= maxBodyBytes) {
            drain(request.getEntityStream());
        }
    }

    private static void drain(InputStream rest) {
        try (rest) {
            rest.transferTo(OutputStream.nullOutputStream());
        } catch (IOException | RuntimeException e) {
            // The client is gone, or sent more than the limit: the refusal goes out as it is.
        }
    }
}
