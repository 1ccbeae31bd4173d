package io.coebot.copies;

import io.coebot.coe.Coe;
import io.coebot.coe.Coes;
import io.coebot.publish.CoeFigure;
import io.coebot.publish.CoeFigures;
import io.coebot.publish.MarkdownRendering;
import io.coebot.publish.PublishService;
import io.coebot.slack.EchoedText;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Writes what a publish recorded in {@code coe_copy}: one row at a time, claimed under a lease (committed before the
 * remote is called), the remote called outside any transaction, and the outcome committed after together with the
 * edit of the one message (the link, or the reason). Woken after each publish commits, and by a poll (retries that
 * fell due, another instance's work). As the trackers' pushes do (TrackerPushes).
 */
@Singleton
class CopyWriter {
    private static final Logger LOG = LoggerFactory.getLogger(CopyWriter.class);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(30);
    /** A refusal (a plan without canvases, a bad token) is fixed by a person, so it is asked again slowly. */
    private static final Duration MAX_REFUSED_BACKOFF = Duration.ofHours(6);

    private final CopyRows rows;
    private final Copies copies;
    private final Coes coes;
    private final List<CoeFigures> figures;
    private final PublishService publish;
    private final TransactionOperations<Connection> tx;
    private final Clock clock;
    private final Duration pollEvery;
    private final Duration firstBackoff;
    private final Duration lease;
    private final ScheduledExecutorService worker;
    private final AtomicBoolean draining = new AtomicBoolean();
    private volatile boolean running;

    CopyWriter(CopyRows rows, Copies copies, Coes coes, List<CoeFigures> figures, PublishService publish,
               TransactionOperations<Connection> tx, Clock clock,
               @Value("${coe.copies.poll-millis:2000}") long pollMillis,
               @Value("${coe.copies.first-backoff-millis:2000}") long firstBackoffMillis,
               @Value("${coe.copies.timeout-millis:15000}") long timeoutMillis) {
        this.rows = rows;
        this.copies = copies;
        this.coes = coes;
        this.figures = List.copyOf(figures);
        this.publish = publish;
        this.tx = tx;
        this.clock = clock;
        this.pollEvery = Duration.ofMillis(pollMillis);
        this.firstBackoff = Duration.ofMillis(firstBackoffMillis);
        // Longer than one write can take (a look-up, a create or update, attachments; a fetch, rebase and push), each
        // cut at the timeout, so a live writer never has its row taken over and the copy made twice.
        this.lease = Duration.ofMillis(timeoutMillis * 8 + 10_000);
        this.worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "coe-copies");
            t.setDaemon(true);
            return t;
        });
    }

    @EventListener
    void onStartup(StartupEvent event) {
        running = true;
        worker.scheduleWithFixedDelay(this::drain, pollEvery.toMillis(), pollEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
    void onPublished(Copies.Wanted wanted) {
        wake();
    }

    void wake() {
        if (running) {
            try {
                worker.execute(this::drain);
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                // shutting down
            }
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        running = false;
        worker.shutdownNow();
        worker.awaitTermination(5, TimeUnit.SECONDS);
    }

    private void drain() {
        if (!draining.compareAndSet(false, true)) {
            return;
        }
        try {
            while (running && writeOne()) {
                // next
            }
        } catch (RuntimeException e) {
            // The class only: a database error's text can quote the row.
            LOG.warn("COE copies stopped until the next poll: {}", e.getClass().getSimpleName());
        } finally {
            draining.set(false);
        }
    }

    /** @return false when nothing was due */
    boolean writeOne() {
        Instant now = clock.instant();
        Optional<CopyRows.Claimed> claimed = tx.executeWrite(s -> rows.claimNext(now, lease));
        if (claimed.isEmpty()) {
            return false;
        }
        CopyRows.Claimed c = claimed.get();
        CopyRows.Row row = c.row();
        Optional<Coe> coe = coes.byId(row.coeId());
        Optional<CopyTarget> target = copies.target(row.target()).filter(CopyTarget::configured);
        if (coe.isEmpty() || target.isEmpty()) {
            String why = coe.isEmpty() ? "the COE is gone." : "this place is no longer configured.";
            tx.executeWrite(s -> rows.retryAt(c, now.plus(MAX_REFUSED_BACKOFF), why, true, false, true));
            return true;
        }
        try {
            Written done = target.get().write(job(coe.get(), row));
            tx.executeWrite(s -> {
                if (rows.succeeded(c, done)) {
                    publish.copiesChanged(row.coeId(), clock.instant());
                }
                return null;
            });
        } catch (CopyFailure f) {
            failed(c, target.get(), f);
        } catch (RuntimeException e) {
            // a bug or a library's surprise: the row is retried, and the message says only what kind of failure it was
            failed(c, target.get(), new CopyFailure(CopyFailure.Kind.DOWN, "an unexpected error ("
                    + e.getClass().getSimpleName() + ").", null));
        }
        return true;
    }

    private CopyJob job(Coe coe, CopyRows.Row row) {
        List<CopyJob.Figure> pngs = new ArrayList<>();
        for (CoeFigures feature : figures) {
            for (CoeFigure f : feature.of(coe.id())) {
                feature.png(coe.id(), f).ifPresent(png -> pngs.add(new CopyJob.Figure(f.name(), f.title(), png)));
            }
        }
        return new CopyJob(coe.id(), coe.teamId(), coe.channelId(), coe.label(), EchoedText.plain(coe.title()),
                MarkdownRendering.figureFolder(coe), row.body(), row.remoteId(), row.url(),
                row.maybeCreated() || row.wasSending(), row.version(), row.publishedBy(), pngs);
    }

    private void failed(CopyRows.Claimed c, CopyTarget target, CopyFailure f) {
        CopyRows.Row row = c.row();
        Instant now = clock.instant();
        boolean rateLimited = f.kind() == CopyFailure.Kind.RATE_LIMITED;
        boolean refused = f.kind() == CopyFailure.Kind.REFUSED;
        Instant when = rateLimited && f.retryAt() != null ? f.retryAt() : now.plus(backoff(f.kind(), row.attempts()));
        // Without a clear answer the remote may have made the copy: the next attempt looks for it first.
        boolean maybeCreated = (f.kind() == CopyFailure.Kind.TIMEOUT || f.kind() == CopyFailure.Kind.DOWN) && row.remoteId() == null;
        LOG.info("{} did not take COE {} (attempt {}): {}", target.title(), row.coeId(), row.attempts(), f.kind());
        tx.executeWrite(s -> {
            // the one message shows the reason when it changes, not at every retry
            if (rows.retryAt(c, when, f.reason(), refused, maybeCreated, !rateLimited)
                    && (!Objects.equals(row.lastError(), f.reason()) || row.refused() != refused)) {
                publish.copiesChanged(row.coeId(), now);
            }
            return null;
        });
        wakeAt(when);
    }

    private Duration backoff(CopyFailure.Kind kind, int attempts) {
        int shift = Math.min(Math.max(attempts - 1, 0), 16);
        Duration d = firstBackoff.multipliedBy(1L << shift);
        Duration cap = kind == CopyFailure.Kind.REFUSED ? MAX_REFUSED_BACKOFF : MAX_BACKOFF;
        return d.compareTo(cap) > 0 ? cap : d;
    }

    private void wakeAt(Instant when) {
        long delay = Math.max(0, Duration.between(clock.instant(), when).toMillis());
        if (running && delay < pollEvery.toMillis() * 10) {
            try {
                worker.schedule(this::drain, delay, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                // shutting down
            }
        }
    }
}
