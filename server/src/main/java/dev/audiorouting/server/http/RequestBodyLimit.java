package dev.audiorouting.server.http;

import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Bounds request bodies, and makes sure a client still sending one receives the answer it was given.
 *
 * <p>A body declared longer than the limit is answered 413 at once; one sent chunked fails with a 413 when
 * reading passes the limit. Either way, and whenever an answer comes before the body was read (a 401 for an
 * expired token, a 400 for JSON broken at byte 10 of 500 KiB), the client may still be sending. Closing the
 * connection on unread data resets it, and a reset can destroy the answer on its way: the client sees a broken
 * connection instead of the 413 or 401 it could act on. So after the answer, what is left of the body is read
 * and thrown away, asynchronously (no thread waits for a slow client; the idle timeout bounds one that stalls).
 *
 * <p>Only up to eight times the limit is read that way (4 MiB by default: more than any client sends by
 * mistake); a larger body is cut off. A client that asked with {@code Expect: 100-continue} is answered before
 * it sends its body, and then sends none: nothing is read for it.
 */
public final class RequestBodyLimit extends Handler.Wrapper {
    private final long maxBodyBytes;
    private final long maxDrainBytes;

    public RequestBodyLimit(long maxBodyBytes, Handler next) {
        super(next);
        this.maxBodyBytes = maxBodyBytes;
        this.maxDrainBytes = 8 * maxBodyBytes;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        boolean drained = drainsTheRest(request);
        Request limited = new LimitedBody(request, maxBodyBytes, drained);
        Callback exchange = drained ? new DrainThenComplete(request, callback, maxDrainBytes) : callback;
        if (request.getLength() > maxBodyBytes) {
            Response.writeError(limited, response, exchange, HttpStatus.PAYLOAD_TOO_LARGE_413, tooLarge(request.getLength()));
            return true;
        }
        return super.handle(limited, response, exchange);
    }

    private boolean drainsTheRest(Request request) {
        boolean waitsToSend = request.getHeaders().contains(HttpHeader.EXPECT, HttpHeaderValue.CONTINUE.asString());
        return !waitsToSend && request.getLength() <= maxDrainBytes;
    }

    private String tooLarge(long length) {
        return "The request body is " + length + " bytes; at most " + maxBodyBytes + " are accepted";
    }

    /**
     * Reading past the limit fails with a 413, like Jetty's own size limit, but without failing the request
     * underneath: what is left stays readable, for {@link DrainThenComplete}.
     */
    private static final class LimitedBody extends Request.Wrapper {
        private final long limit;
        private final boolean drainedAfter;
        private long read;
        private Content.Chunk failure;

        LimitedBody(Request request, long limit, boolean drainedAfter) {
            super(request);
            this.limit = limit;
            this.drainedAfter = drainedAfter;
        }

        /**
         * Jetty's error answers (a 413 or 503 written before the body was read) consume only what has arrived,
         * and then fail the body for good, so that nothing more could be read; when the rest is read after the
         * answer, that is left to {@link DrainThenComplete}.
         */
        @Override
        public boolean consumeAvailable() {
            return !drainedAfter && super.consumeAvailable();
        }

        /**
         * A reader giving up fails the body (Jetty's input stream does when closed before the end, as Jersey
         * closes it after broken JSON at byte 10): it ends here, for that reader, and the rest is read after the
         * answer instead.
         */
        @Override
        public void fail(Throwable cause) {
            if (drainedAfter) {
                failure = Content.Chunk.from(cause, true);
            } else {
                super.fail(cause);
            }
        }

        @Override
        public Content.Chunk read() {
            if (failure != null) {
                return failure;
            }
            Content.Chunk chunk = super.read();
            if (chunk == null || Content.Chunk.isFailure(chunk)) {
                return chunk;
            }
            read += chunk.remaining();
            if (read <= limit) {
                return chunk;
            }
            chunk.release();
            failure = Content.Chunk.from(new HttpException.RuntimeException(HttpStatus.PAYLOAD_TOO_LARGE_413,
                    "The request body is over " + limit + " bytes"), true);
            return failure;
        }
    }

    /** Once the answer is written, reads what is left of the body (up to a bound), then ends the exchange. */
    private static final class DrainThenComplete implements Callback, Runnable {
        private final Request request;
        private final Callback exchange;
        private long left;

        DrainThenComplete(Request request, Callback exchange, long maxDrainBytes) {
            this.request = request;
            this.exchange = exchange;
            this.left = maxDrainBytes;
        }

        @Override
        public void succeeded() {
            run();
        }

        @Override
        public void failed(Throwable failure) {
            exchange.failed(failure);
        }

        /** Reads what has arrived; asks to be run again when more does. */
        @Override
        public void run() {
            while (true) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    request.demand(this);
                    return;
                }
                left -= chunk.remaining();
                chunk.release();
                // At the end, on a failure (the client hung up, or stalled past the idle timeout) or past the
                // bound, the exchange ends; Jetty closes the connection if anything is still unread.
                if (chunk.isLast() || Content.Chunk.isFailure(chunk) || left < 0) {
                    exchange.succeeded();
                    return;
                }
            }
        }
    }
}
