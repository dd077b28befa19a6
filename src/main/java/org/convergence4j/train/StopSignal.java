package org.convergence4j.train;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A cooperative request to stop training after the current mini-batch, as the seminar's helper
 * tolerates a keyboard interrupt and keeps what was completed. It is raised by Ctrl-C (when
 * created by {@link #onCtrlC(PrintStream)}), by {@link #request()}, or by interrupting the training thread.
 */
public final class StopSignal {

    /** How long Ctrl-C waits for the current batch to finish and results to be written. */
    private static final long GRACE_SECONDS = 120;

    private final AtomicBoolean requested = new AtomicBoolean();
    /** Runs being trained now, by {@link Trainer}s that watch this signal. */
    private final AtomicInteger training = new AtomicInteger();
    private final CountDownLatch finished = new CountDownLatch(1);

    /** A signal raised only by {@link #request()} or a thread interrupt. */
    public StopSignal() {
    }

    /**
     * A signal that Ctrl-C (SIGINT, or SIGTERM) raises, saying so on {@code out}. The JVM's shutdown then waits (up to
     * two minutes) until the program calls {@link #finished()}, so that finished runs, the summary and any file
     * being written are complete before exit.
     */
    public static StopSignal onCtrlC(PrintStream out) {
        StopSignal signal = new StopSignal();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (signal.finished.getCount() == 0) {
                return;
            }
            out.println(signal.stoppingMessage());
            signal.request();
            try {
                signal.finished.await(GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "convergence4j-stop"));
        return signal;
    }

    /** What Ctrl-C is about to do, for the line it prints: it speaks of runs in progress only when there are some. */
    String stoppingMessage() {
        int n = training.get();
        return n > 0 ? "stopping: the " + n + " run(s) in progress end after their current batch and are not kept; "
                + "finished runs are kept"
                : "stopping: no run is being trained; what is being written is finished or not kept, never left "
                        + "half-made";
    }

    /** A run starts training ({@link Trainer}); pair with {@link #trainingEnded()}. */
    void trainingStarted() {
        training.incrementAndGet();
    }

    /** A run's training ended, finished or not. */
    void trainingEnded() {
        training.decrementAndGet();
    }

    /** Asks training to stop after the current mini-batch. */
    public void request() {
        requested.set(true);
    }

    /** True once a stop was requested or the calling thread was interrupted. */
    public boolean isRequested() {
        return requested.get() || Thread.currentThread().isInterrupted();
    }

    /** Tells a pending Ctrl-C that the program has saved its work and may exit. */
    public void finished() {
        finished.countDown();
    }
}
