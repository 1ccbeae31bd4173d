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
 * Up to {@code size} outbox senders at once, started when a commit queues a message (the fast path) and by a poll
 * (the safety net: what a previous run left, retries that fell due, another instance's queue). A sender keeps
 * claiming while there is something to claim and starts one more sender each time it finds work, so a burst across
 * many channels spreads over the pool; it stops when a claim finds nothing and no wake-up came meanwhile. The
 * claims themselves keep one channel to one sender (see {@code Outbox.claimNext}).
 */
final class SenderPool {
    private static final Logger LOG = LoggerFactory.getLogger(SenderPool.class);

    private final int size;
    private final BooleanSupplier sendOne;
    private final ExecutorService senders;
    private final ScheduledExecutorService timer;
    private final AtomicInteger busy = new AtomicInteger();
    /** Counts wake-ups, so a sender that found nothing can tell whether something was queued since it looked. */
    private final AtomicLong wakes = new AtomicLong();
    private volatile boolean running;

    /** @param sendOne claims and handles one message; false when there was nothing to claim */
    SenderPool(int size, BooleanSupplier sendOne) {
        this.size = Math.max(1, size);
        this.sendOne = sendOne;
        AtomicInteger n = new AtomicInteger();
        this.senders = Executors.newFixedThreadPool(this.size, r -> daemon(r, "slack-outbox-" + n.incrementAndGet()));
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "slack-outbox-poll"));
    }

    void start(Duration pollEvery) {
        running = true;
        timer.scheduleWithFixedDelay(this::wake, 0, pollEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Something may be claimable now. */
    void wake() {
        wakes.incrementAndGet();
        startSender();
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
        senders.shutdownNow();
        senders.awaitTermination(5, TimeUnit.SECONDS);
    }

    private void startSender() {
        if (!running) {
            return;
        }
        for (int b = busy.get(); b < size; b = busy.get()) {
            if (busy.compareAndSet(b, b + 1)) {
                try {
                    senders.execute(this::drain);
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
                if (sendOne.getAsBoolean()) {
                    startSender(); // there is work: let another sender look for another channel's
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
                LOG.warn("An outbox sender stopped until the next wake-up: {}", e.getClass().getSimpleName());
            }
        } finally {
            busy.decrementAndGet();
        }
        if (running && wakes.get() != seen) {
            startSender(); // a wake-up came while this sender was leaving and found the pool full
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
