package io.newsstream.app;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C (SIGINT) and SIGTERM as a request to stop: a long-running command waits on {@link #await()},
 * then closes what it runs and returns its exit code like any other command (0 after a clean stop),
 * instead of the JVM starting its shutdown and exiting with 130 or 143 while the command is still
 * closing. A second signal while the command is closing exits at once (128 + the signal's number).
 *
 * <p>Where the JVM does not let a program handle these signals, a shutdown hook requests the stop
 * and waits up to {@link #HOOK_WAIT} for the command to say it is done ({@link #done()}).
 */
final class StopSignal implements AutoCloseable {

    /** How long a shutdown hook (the fallback) waits for the command to finish closing. */
    static final Duration HOOK_WAIT = Duration.ofSeconds(45);

    private final CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch done = new CountDownLatch(1);
    private final List<Runnable> restore = new ArrayList<>();
    private final Thread hook;
    private volatile String reason;

    private StopSignal(boolean handleSignals) {
        boolean handled = false;
        if (handleSignals) {
            handled = handle("INT", 2) & handle("TERM", 15);
        }
        if (handled) {
            hook = null;
        } else {
            hook = new Thread(() -> {
                request("shutdown");
                try {
                    done.await(HOOK_WAIT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "newsstream-stop");
            Runtime.getRuntime().addShutdownHook(hook);
        }
    }

    /** Takes over SIGINT and SIGTERM until {@link #close()}. */
    static StopSignal install() {
        return new StopSignal(true);
    }

    /** A stop requested only through {@link #request(String)} or JVM shutdown (tests, embedded use). */
    static StopSignal manual() {
        return new StopSignal(false);
    }

    @SuppressWarnings("removal")
    private boolean handle(String name, int number) {
        try {
            sun.misc.Signal signal = new sun.misc.Signal(name);
            sun.misc.SignalHandler previous = sun.misc.Signal.handle(signal, s -> {
                if (stop.getCount() == 0) {
                    // asked twice: stop closing and go
                    Runtime.getRuntime().halt(128 + number);
                }
                request("SIG" + name);
            });
            restore.add(() -> sun.misc.Signal.handle(signal, previous));
            return true;
        } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
            // the signal is reserved (e.g. -Xrs) or unknown on this platform: the shutdown hook covers it
            return false;
        }
    }

    /** Asks the command to stop, e.g. because what it runs failed; {@code why} is kept for {@link #reason()}. */
    void request(String why) {
        if (stop.getCount() > 0) {
            reason = why;
            stop.countDown();
        }
    }

    /** Whether a stop was requested. */
    boolean requested() {
        return stop.getCount() == 0;
    }

    /** What asked to stop ({@code SIGINT}, {@code SIGTERM}, ...), or null. */
    String reason() {
        return reason;
    }

    /** Blocks until a stop is requested. */
    void await() throws InterruptedException {
        stop.await();
    }

    /** Blocks until a stop is requested or {@code timeout} passed; returns whether one was. */
    boolean await(Duration timeout) throws InterruptedException {
        return stop.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Tells a waiting shutdown hook that the command has closed what it ran. */
    void done() {
        done.countDown();
    }

    /** Gives SIGINT and SIGTERM back to the JVM. */
    @Override
    public void close() {
        done();
        restore.forEach(Runnable::run);
        restore.clear();
        if (hook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is shutting down already; the hook has been released by done()
            }
        }
    }
}
