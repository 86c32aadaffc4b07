package io.selfheal.emulator.core;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Counts asynchronous work in flight (bus deliveries, queued invocations) so the harness can wait until the cloud
 * is quiet: "nothing more will happen unless someone acts". Negative checks ("the function was never invoked")
 * are decided this way instead of by waiting an arbitrary time.
 */
public final class ActivityTracker {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition idle = lock.newCondition();
    private long inFlight;

    public void begin() {
        lock.lock();
        try {
            inFlight++;
        } finally {
            lock.unlock();
        }
    }

    public void end() {
        lock.lock();
        try {
            if (--inFlight <= 0) {
                inFlight = 0;
                idle.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    public long inFlight() {
        lock.lock();
        try {
            return inFlight;
        } finally {
            lock.unlock();
        }
    }

    /** Wraps a task so that it counts as in flight from now until it has run. */
    public Runnable track(Runnable task) {
        begin();
        return () -> {
            try {
                task.run();
            } finally {
                end();
            }
        };
    }

    /** @return true when idle was reached, false when the timeout passed first */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long remaining = timeout.toNanos();
        lock.lock();
        try {
            while (inFlight > 0) {
                if (remaining <= 0) {
                    return false;
                }
                remaining = idle.awaitNanos(remaining);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    public boolean awaitIdle(long timeout, TimeUnit unit) throws InterruptedException {
        return awaitIdle(Duration.ofNanos(unit.toNanos(timeout)));
    }
}
