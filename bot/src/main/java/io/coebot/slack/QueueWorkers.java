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

/**
 * The workers of a queue kept in PostgreSQL (the outbox's senders, the message inbox's handlers): up to {@code size}
 * at once, started when a commit queues something (the fast path) and by a poll (the safety net: what a previous
 * run left, retries that fell due, another instance's queue). A worker keeps claiming while there is something to
 * claim; when it finds work, one more worker starts to look for another channel's (one such newcomer at a time, so
 * a burst across many channels spreads over the pool while a quiet queue costs one empty look, not one per worker).
 * A worker stops when a claim finds nothing and no wake-up came meanwhile. The queue's claims keep one channel to one
 * worker, in order (see {@code Outbox.claimNext}, {@code MessageInbox.claimNext}).
 */
final class QueueWorkers {
    private static final Logger LOG = LoggerFactory.getLogger(QueueWorkers.class);

    private final String name;
    private final int size;
    private final Work work;
    private final ExecutorService workers;
    private final ScheduledExecutorService timer;
    private final AtomicInteger busy = new AtomicInteger();
    /**
     * Workers started to look for more work that have not looked yet: while one is on its way, finding work does not
     * start another, so a quiet queue costs one empty look, not one per worker.
     */
    private final AtomicInteger lookingAhead = new AtomicInteger();
    /** Counts wake-ups, so a worker that found nothing can tell whether something was queued since it looked. */
    private final AtomicLong wakes = new AtomicLong();
    private volatile boolean running;

    /** What a worker does, over and over. */
    interface Work {
        /**
         * Claims one item and handles it (sending it to Slack can take a while); calls {@code claimed} as soon as it
         * holds an item, before handling it, so that another worker starts on another channel meanwhile.
         *
         * @return false when there was nothing to claim
         */
        boolean handleOne(Runnable claimed);
    }

    /** @param name names the threads and the log lines */
    QueueWorkers(String name, int size, Work work) {
        this.name = name;
        this.size = Math.max(1, size);
        this.work = work;
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
        if (lookingAhead.get() == 0) {
            startWorker(true); // else the worker on its way will find it
        }
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

    /** @param lookAhead started to look for more work; counted in {@link #lookingAhead} until it has looked */
    private void startWorker(boolean lookAhead) {
        if (!running) {
            return;
        }
        for (int b = busy.get(); b < size; b = busy.get()) {
            if (busy.compareAndSet(b, b + 1)) {
                if (lookAhead) {
                    lookingAhead.incrementAndGet();
                }
                try {
                    workers.execute(() -> drain(lookAhead));
                } catch (RejectedExecutionException stopped) {
                    busy.decrementAndGet();
                    if (lookAhead) {
                        lookingAhead.decrementAndGet();
                    }
                }
                return;
            }
        }
    }

    private void drain(boolean startedToLookAhead) {
        long seen = wakes.get();
        boolean[] ahead = {startedToLookAhead};
        Runnable looked = () -> {
            if (ahead[0]) {
                ahead[0] = false;
                lookingAhead.decrementAndGet();
            }
        };
        try {
            while (running) {
                boolean found = work.handleOne(() -> {
                    looked.run();
                    if (lookingAhead.get() == 0) {
                        startWorker(true); // there is work: one more worker looks for another channel's
                    }
                });
                looked.run(); // also when it found nothing
                if (!found && wakes.get() == seen) {
                    break;
                }
                seen = wakes.get();
            }
        } catch (RuntimeException e) {
            if (running) {
                // The class only: a database error's text can quote the row (answers, response_url).
                LOG.warn("A {} worker stopped until the next wake-up: {}", name, e.getClass().getSimpleName());
            }
        } finally {
            looked.run();
            busy.decrementAndGet();
        }
        if (running && wakes.get() != seen) {
            startWorker(true); // a wake-up came while this worker was leaving and found the pool full
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
