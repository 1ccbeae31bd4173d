package io.coebot.slack;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * The workers of a queue kept in PostgreSQL (the outbox's senders, the message inbox's handlers): up to {@code size}
 * at once, started when a commit queues something (the fast path) and by a poll (the safety net: what a previous
 * run left, retries that fell due, another instance's queue). A worker keeps claiming while there is something to
 * claim and starts one more worker each time it finds work, so a burst across many channels spreads over the pool;
 * it stops when a claim finds nothing and no wake-up came meanwhile. The queue's claims keep one channel to one
 * worker, in order (see {@code Outbox.claimNext}, {@code MessageInbox.claimNext}).
 */
final class QueueWorkers {
    private static final Logger LOG = LoggerFactory.getLogger(QueueWorkers.class);

    private final String name;
    private final int size;
    private final BooleanSupplier handleOne;
    private final ExecutorService workers;
    private final ScheduledExecutorService timer;
    private final AtomicInteger busy = new AtomicInteger();
    /** Counts wake-ups, so a worker that found nothing can tell whether something was queued since it looked. */
    private final AtomicLong wakes = new AtomicLong();
    private volatile boolean running;

    /**
     * @param name      names the threads and the log lines
     * @param handleOne claims and handles one item; false when there was nothing to claim
     */
    QueueWorkers(String name, int size, BooleanSupplier handleOne) {
        this.name = name;
        this.size = Math.max(1, size);
        this.handleOne = handleOne;
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(this.size, r -> daemon(r, name + "-" + n.incrementAndGet()));
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, name + "-poll"));
    }

    void start(Duration pollEvery) {
        running = true;
        timer.scheduleWithFixedDelay(this::wake, 0, pollEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Something may be claimable now. */
    void wake() {
        wakes.incrementAndGet();
        startWorker();
    }

    /** Something becomes claimable at a known moment (a pause ends): wake then rather than at the next poll. */
    void wakeAfter(Duration delay) {
        try {
            timer.schedule(this::wake, Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopped) {
            // shutting down
        }
    }

    void stop() throws InterruptedException {
        running = false;
        timer.shutdownNow();
        workers.shutdownNow();
        workers.awaitTermination(5, TimeUnit.SECONDS);
    }

    private void startWorker() {
        if (!running) {
            return;
        }
        for (int b = busy.get(); b < size; b = busy.get()) {
            if (busy.compareAndSet(b, b + 1)) {
                try {
                    workers.execute(this::drain);
                } catch (RejectedExecutionException stopped) {
                    busy.decrementAndGet();
                }
                return;
            }
        }
    }

    private void drain() {
        long seen = wakes.get();
        try {
            while (running) {
                if (handleOne.getAsBoolean()) {
                    startWorker(); // there is work: let another worker look for another channel's
                    seen = wakes.get();
                } else if (wakes.get() == seen) {
                    break;
                } else {
                    seen = wakes.get();
                }
            }
        } catch (RuntimeException e) {
            if (running) {
                // The class only: a database error's text can quote the row (answers, response_url).
                LOG.warn("A {} worker stopped until the next wake-up: {}", name, e.getClass().getSimpleName());
            }
        } finally {
            busy.decrementAndGet();
        }
        if (running && wakes.get() != seen) {
            startWorker(); // a wake-up came while this worker was leaving and found the pool full
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
