package dev.audiorouting.server.http;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Bounds request bodies, and makes sure a client still sending one receives the answer it was given.
 *
 * <p>A body declared longer than the limit is answered 413 at once; one sent chunked fails with a 413 when
 * reading passes the limit. Either way, and whenever an answer comes before the body was read (a 401 for an
 * expired token, a 400 for JSON broken at byte 10 of 500 KiB, a 404, a 503 when busy), the client may still be
 * sending. Closing the connection on unread data resets it, and a reset can destroy the answer on its way: the
 * client sees a broken connection instead of the answer it could act on. So after the answer, what is left of
 * the body is read and thrown away, asynchronously (no thread waits for a slow client).
 *
 * <p>That reading is bounded: eight times the limit (4 MiB by default: more than any client sends by mistake),
 * and a time within which the rest must arrive (the idle timeout, at most 5 s, so that a graceful stop never
 * waits on it). Past either, the connection is cut as before. A client that asked {@code Expect: 100-continue}
 * and was answered before its body was asked for sends none: nothing is read for it.
 */
public final class RequestBodyLimit extends Handler.Wrapper {
    private static final Duration MAX_DRAIN_TIME = Duration.ofSeconds(5);

    private final long maxBodyBytes;
    private final long maxDrainBytes;
    private final long drainMillis;

    public RequestBodyLimit(long maxBodyBytes, Duration idleTimeout, Handler next) {
        super(next);
        this.maxBodyBytes = maxBodyBytes;
        this.maxDrainBytes = maxBodyBytes > Long.MAX_VALUE / 8 ? Long.MAX_VALUE : 8 * maxBodyBytes;
        this.drainMillis = Math.min(idleTimeout.toMillis(), MAX_DRAIN_TIME.toMillis());
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        long length = request.getLength();
        boolean waitsToSend = request.getHeaders().contains(HttpHeader.EXPECT, HttpHeaderValue.CONTINUE.asString());
        LimitedBody body = new LimitedBody(request, maxBodyBytes, waitsToSend, length <= maxDrainBytes);
        Callback exchange = new DrainThenComplete(body, response, callback);
        if (length > maxBodyBytes) {
            Response.writeError(body, response, exchange, HttpStatus.PAYLOAD_TOO_LARGE_413, tooLarge(length));
        } else if (!super.handle(body, response, exchange)) {
            // Nothing serves the path: answered here rather than by Jetty, so that the body is read after it too.
            Response.writeError(body, response, exchange, HttpStatus.NOT_FOUND_404);
        }
        return true;
    }

    private String tooLarge(long length) {
        return "The request body is " + length + " bytes; at most " + maxBodyBytes + " are accepted";
    }

    /**
     * Reading past the limit fails with a 413, like Jetty's own size limit, but without failing the request
     * underneath: what is left stays readable, for {@link DrainThenComplete}. Read on one thread at a time (the
     * handler's, then Jersey's blocking reads), so its fields need no locking; {@code touched} is read at
     * completion, possibly on another thread.
     */
    private static final class LimitedBody extends Request.Wrapper {
        private final long limit;
        private final boolean waitsToSend;
        private final boolean drainable;
        private volatile boolean touched;
        private long read;
        private Content.Chunk failure;

        LimitedBody(Request request, long limit, boolean waitsToSend, boolean drainable) {
            super(request);
            this.limit = limit;
            this.waitsToSend = waitsToSend;
            this.drainable = drainable;
        }

        /**
         * Whether what is left is read after the answer: a client waiting for {@code 100 Continue} sends its body
         * only once someone asked for it (Jetty answers the expectation on the first read).
         */
        boolean drainedAfter() {
            return drainable && (!waitsToSend || touched);
        }

        /**
         * Jetty's error answers (a 413 or 503 written before the body was read) consume only what has arrived,
         * and then fail the body for good, so that nothing more could be read; when the rest is read after the
         * answer, that is left to {@link DrainThenComplete}.
         */
        @Override
        public boolean consumeAvailable() {
            return !drainedAfter() && super.consumeAvailable();
        }

        /**
         * A reader giving up fails the body (Jetty's input stream does when closed before the end, as Jersey
         * closes it after broken JSON at byte 10): it ends here, for that reader, and the rest is read after the
         * answer instead.
         */
        @Override
        public void fail(Throwable cause) {
            if (drainedAfter()) {
                failure = Content.Chunk.from(cause, true);
            } else {
                super.fail(cause);
            }
        }

        @Override
        public void demand(Runnable demandCallback) {
            touched = true;
            super.demand(demandCallback);
        }

        @Override
        public Content.Chunk read() {
            touched = true;
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

    /**
     * Once the answer is written, reads what is left of the body (within the bounds), then ends the exchange.
     * Usually nothing is left, and it ends at once. Everything ends through the reading loop: the time bound
     * fails the request, which wakes it.
     */
    private final class DrainThenComplete implements Callback, Runnable {
        private final LimitedBody body;
        private final Request request;
        private final Response response;
        private final Callback exchange;
        private final AtomicBoolean ended = new AtomicBoolean();
        private long left = maxDrainBytes;
        private Scheduler.Task deadline;

        DrainThenComplete(LimitedBody body, Response response, Callback exchange) {
            this.body = body;
            this.request = body.getWrapped();
            this.response = response;
            this.exchange = exchange;
        }

        @Override
        public void succeeded() {
            if (body.drainedAfter()) {
                run();
            } else {
                exchange.succeeded();
            }
        }

        @Override
        public void failed(Throwable failure) {
            if (ended.compareAndSet(false, true)) {
                cancelDeadline();
                exchange.failed(failure);
            }
        }

        /** Reads what has arrived; asks to be run again when more does. */
        @Override
        public void run() {
            while (true) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    waitForMore();
                    return;
                }
                left -= chunk.remaining();
                chunk.release();
                // At the end, on a failure (the client hung up, stalled past the idle timeout or took too long) or
                // past the bound, the exchange ends; Jetty closes the connection if anything is still unread.
                if (chunk.isLast() || Content.Chunk.isFailure(chunk) || left < 0) {
                    end();
                    return;
                }
            }
        }

        private void waitForMore() {
            if (deadline == null) {
                deadline = request.getComponents().getScheduler().schedule(this::tooLate, drainMillis, TimeUnit.MILLISECONDS);
                if (!response.hasLastWrite()) {
                    // An answer without a body (a 204) is sent when the exchange ends: send it now instead.
                    response.write(true, BufferUtil.EMPTY_BUFFER, Callback.from(() -> request.demand(this), this::failed));
                    return;
                }
            }
            request.demand(this);
        }

        private void tooLate() {
            if (!ended.get()) {
                request.fail(new TimeoutException("the rest of a refused request body took over " + drainMillis + " ms"));
            }
        }

        private void end() {
            if (ended.compareAndSet(false, true)) {
                cancelDeadline();
                exchange.succeeded();
            }
        }

        private void cancelDeadline() {
            if (deadline != null) {
                deadline.cancel();
            }
        }
    }
}
