package org.convergence4j.ui;

import java.net.BindException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.deeplearning4j.core.storage.StatsStorage;
import org.deeplearning4j.exception.DL4JException;
import org.deeplearning4j.ui.VertxUIServer;

/**
 * DL4J's training UI ({@link VertxUIServer}) on one port, in single-session mode: its overview, model and system
 * tabs show one run at a time, chosen in the page's session list. DL4J keeps a single UI server per JVM, so at most
 * one {@code UiServer} is open at a time. Like DL4J, it listens on every network interface of the machine.
 */
public final class UiServer implements AutoCloseable {

    /** DL4J's default port. */
    public static final int DEFAULT_PORT = VertxUIServer.DEFAULT_UI_PORT;

    /** How long a Ctrl-C waits for {@link #close()} after {@link #serveUntilCtrlC()} returned. */
    static final long CLOSE_GRACE_SECONDS = 30;

    private final VertxUIServer server;
    private final long startedFrom;
    private final long startedUntil;
    private final CountDownLatch closed = new CountDownLatch(1);

    /** {@code startedFrom} and {@code startedUntil}: the clock just before and just after DL4J's start. */
    private UiServer(VertxUIServer server, long startedFrom, long startedUntil) {
        this.server = server;
        this.startedFrom = startedFrom;
        this.startedUntil = startedUntil;
    }

    /**
     * Starts the UI.
     *
     * @param port 1–65535, or 0 for any free port
     * @throws BindException naming the port if another process listens on it
     * @throws IllegalStateException if a DL4J UI server already runs in this JVM
     */
    public static UiServer start(int port) throws BindException {
        if (port < 0 || port > 0xFFFF) {
            throw new IllegalArgumentException("port must be 0–65535, got " + port);
        }
        VertxUIServer running = VertxUIServer.getInstance();
        if (running != null && !running.isStopped()) {
            throw new IllegalStateException("a DL4J UI server already runs in this JVM at " + running.getAddress());
        }
        long from = System.currentTimeMillis();
        try {
            VertxUIServer started = VertxUIServer.getInstance(port, false, null);
            long until = System.currentTimeMillis();
            UploadFolders.deleteEmptyAtExit(from, until);
            return new UiServer(started, from, until);
        } catch (DL4JException e) {
            stopQuietly(); // a failed start leaves DL4J's instance registered and its Vert.x threads running
            UploadFolders.deleteEmpty(from, System.currentTimeMillis());
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof BindException b) {
                    BindException taken = new BindException("port " + port + " is taken (" + b.getMessage() + ")");
                    taken.initCause(e);
                    throw taken;
                }
            }
            throw e;
        }
    }

    /** The port it listens on. */
    public int port() {
        return server.getPort();
    }

    /** The overview page, e.g. {@code http://localhost:9000/train/overview}. */
    public String overviewUrl() {
        return "http://localhost:" + port() + "/train/overview";
    }

    /** Shows the sessions of {@code storage}, and those it receives from now on. */
    public void attach(StatsStorage storage) {
        server.attach(storage);
    }

    /**
     * Blocks until Ctrl-C (or another shutdown of the JVM), then returns so that the caller can finish and close
     * this server: the shutdown waits up to {@value #CLOSE_GRACE_SECONDS} s for {@link #close()}, so that what the
     * caller does before it (completing a file, saying where it is) is done. Returns at once if the shutdown has
     * already begun. An interrupt of the waiting thread ends the wait too (the thread keeps its interrupt flag).
     */
    public void serveUntilCtrlC() {
        CountDownLatch shutdown = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            shutdown.countDown();
            try {
                closed.await(CLOSE_GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "convergence4j-ui-stop");
        try {
            Runtime.getRuntime().addShutdownHook(hook);
        } catch (IllegalStateException shutdownInProgress) {
            return;
        }
        try {
            shutdown.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shutdownInProgress) {
                // the hook runs, or has run, with the others
            }
        }
    }

    /**
     * Stops the server, frees its port (DL4J's own shutdown hook does the same on Ctrl-C) and removes the empty upload
     * folder DL4J made for it ({@link UploadFolders}), also when DL4J's hook stopped the server first; on every exit of
     * the JVM the folder is removed once more at the very end, should a request in flight have made it again.
     */
    @Override
    public void close() {
        if (server.isStopped()) { // DL4J's shutdown hook stopped it first (Ctrl-C): its upload folder is still ours
            UploadFolders.deleteEmpty(startedFrom, startedUntil);
            closed.countDown();
            return;
        }
        // A thread interrupted earlier (e.g. to end serveUntilCtrlC) still gets the server stopped and keeps its flag.
        boolean interrupted = Thread.interrupted();
        try {
            server.stop();
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            UploadFolders.deleteEmpty(startedFrom, startedUntil);
            closed.countDown();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Unregisters DL4J's instance after a failed start, so that a later start begins afresh. */
    private static void stopQuietly() {
        try {
            VertxUIServer.stopInstance();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            throw new IllegalStateException("stopping DL4J's UI server failed: " + e, e);
        }
    }
}
