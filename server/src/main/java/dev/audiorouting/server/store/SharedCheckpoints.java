package dev.audiorouting.server.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

/**
 * Makes committed H2 writes reach the file before they are answered, with one {@code CHECKPOINT} shared by every
 * write that committed while the previous one ran (group commit).
 *
 * <p>A checkpoint writes everything committed before it starts, whichever connection committed it. So a writer
 * takes a ticket after its commit and waits: when a checkpoint that started after its ticket ends, its write is on
 * file. If no checkpoint is running, the writer runs one itself, covering every ticket given out so far; when it
 * ends, every writer it covered returns at once. Under load, one checkpoint serves many writes instead of each
 * paying for its own.
 */
final class SharedCheckpoints implements Durability {
    private final long timeoutNanos;
    private final int timeoutSeconds;
    /** The last ticket given out, the last ticket known to be on file, and whether a checkpoint is running. */
    private long committed;
    private long onFile;
    private boolean running;

    /** @param timeoutSeconds how long a writer waits for its write to be on file */
    SharedCheckpoints(int timeoutSeconds) {
        this.timeoutSeconds = timeoutSeconds;
        this.timeoutNanos = TimeUnit.SECONDS.toNanos(timeoutSeconds);
    }

    @Override
    public void afterCommit(Connection connection) throws SQLException {
        long deadline = System.nanoTime() + timeoutNanos;
        long covered;
        synchronized (this) {
            long ticket = ++committed;
            while (running && onFile < ticket) {
                awaitCheckpoint(deadline);
            }
            if (onFile >= ticket) {
                return;
            }
            running = true;
            // Every ticket up to here belongs to a write committed before the checkpoint below starts.
            covered = committed;
        }
        boolean written = false;
        try {
            checkpoint(connection);
            written = true;
        } finally {
            synchronized (this) {
                running = false;
                if (written) {
                    onFile = covered;
                }
                notifyAll();
            }
        }
    }

    private void awaitCheckpoint(long deadline) throws SQLException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new SQLTimeoutException("the write is committed but not yet on file: checkpoints are stuck");
        }
        try {
            TimeUnit.NANOSECONDS.timedWait(this, left);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for the write to reach the file", e);
        }
    }

    private void checkpoint(Connection connection) throws SQLException {
        try (Statement checkpoint = connection.createStatement()) {
            checkpoint.setQueryTimeout(timeoutSeconds);
            checkpoint.execute("CHECKPOINT");
        }
    }
}
