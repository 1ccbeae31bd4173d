package io.coebot.trackers;

import io.coebot.actions.ActionItem;
import io.coebot.actions.ActionItems;
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
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends what {@link TrackerFollower} recorded: one row at a time, claimed under a lease (committed before the tracker
 * is called), the tracker called outside any transaction, and the outcome committed after. The issue's id is stored
 * with the success, so a restart never creates it again; a create that timed out is looked for by its marker first.
 * Started after each commit that queued work and by a poll (retries that fell due, another instance's work).
 */
@Singleton
class TrackerPushes {
    private static final Logger LOG = LoggerFactory.getLogger(TrackerPushes.class);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(30);
    /** A refusal (bad token, missing repository) is fixed by a person, so it is asked again slowly. */
    private static final Duration MAX_REFUSED_BACKOFF = Duration.ofHours(6);

    private final TrackerIssues issues;
    private final TrackerChoice choice;
    private final ActionItems items;
    private final TrackerPeople people;
    private final TrackerMessages messages;
    private final TransactionOperations<Connection> tx;
    private final Clock clock;
    private final Duration pollEvery;
    private final Duration firstBackoff;
    private final Duration lease;
    private final ScheduledExecutorService worker;
    private final AtomicBoolean draining = new AtomicBoolean();
    private volatile boolean running;

    public TrackerPushes(TrackerIssues issues, TrackerChoice choice, ActionItems items, TrackerPeople people,
                         TrackerMessages messages, TransactionOperations<Connection> tx, Clock clock,
                         @Value("${coe.trackers.poll-millis:2000}") long pollMillis,
                         @Value("${coe.trackers.first-backoff-millis:2000}") long firstBackoffMillis,
                         @Value("${coe.trackers.timeout-millis:10000}") long timeoutMillis) {
        this.issues = issues;
        this.choice = choice;
        this.items = items;
        this.people = people;
        this.messages = messages;
        this.tx = tx;
        this.clock = clock;
        this.pollEvery = Duration.ofMillis(pollMillis);
        this.firstBackoff = Duration.ofMillis(firstBackoffMillis);
        // Longer than one push can take (a search, a create, an update, each cut at the timeout), so a live sender
        // never has its row taken over and the issue created twice.
        this.lease = Duration.ofMillis(timeoutMillis * 4 + 10_000);
        this.worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tracker-pushes");
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
    void onQueued(TrackerFollower.Queued queued) {
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
            while (running && pushOne()) {
                // next
            }
        } catch (RuntimeException e) {
            // The class only: a database error's text can quote the row.
            LOG.warn("Tracker pushes stopped until the next poll: {}", e.getClass().getSimpleName());
        } finally {
            draining.set(false);
        }
    }

    /** @return false when nothing was due */
    boolean pushOne() {
        Instant now = clock.instant();
        Optional<TrackerIssues.Claimed> claimed = tx.executeWrite(s -> issues.claimNext(now, lease));
        if (claimed.isEmpty()) {
            return false;
        }
        TrackerIssues.Claimed c = claimed.get();
        TrackerIssues.Row row = c.row();
        Optional<ActionItem> item = items.find(row.itemId());
        Optional<Tracker> tracker = choice.byId(row.tracker()).filter(Tracker::configured);
        if (item.isEmpty() || tracker.isEmpty()) {
            String why = item.isEmpty() ? "the item is gone" : "this tracker is not configured";
            tx.executeWrite(s -> issues.retryAt(c, now.plus(MAX_REFUSED_BACKOFF), why, false, true));
            return true;
        }
        try {
            RemoteIssue done = push(tracker.get(), row, item.get());
            tx.executeWrite(s -> {
                if (issues.succeeded(c, done) && !row.hasIssue()) {
                    items.linkIssue(row.itemId(), row.linked() ? row.key() : done.ref().key(),
                            row.url() != null ? row.url() : done.ref().url());
                    if (!row.linked()) {
                        messages.inThread(row.teamId(), item.get(), "🔗 " + TrackerMessages.what(item.get()) + " is "
                                + TrackerMessages.link(done.ref()) + " in " + tracker.get().name() + ".", clock.instant());
                    }
                }
                return null;
            });
        } catch (TrackerFailure f) {
            failed(c, tracker.get(), item.get(), f);
        }
        return true;
    }

    private RemoteIssue push(Tracker tracker, TrackerIssues.Row row, ActionItem item) throws TrackerFailure {
        IssueDraft draft = IssueText.of(row.teamId(), item, people.owner(tracker, row.teamId(), item.owner()), tracker.name());
        String target = row.target();
        if (row.hasIssue()) {
            return tracker.update(target, row.remoteId(), draft, !row.linked());
        }
        if (row.linked()) {
            RemoteIssue found = tracker.get(target, new IssueRef(row.key(), row.url() == null ? "" : row.url()));
            return found.closed() == draft.closed() ? found : tracker.update(target, found.remoteId(), draft, false);
        }
        if (row.maybeCreated() || row.wasSending()) {
            // The last create's answer never came: the tracker may have the issue already.
            Optional<RemoteIssue> found = tracker.findByMarker(target, draft.marker());
            if (found.isPresent()) {
                RemoteIssue f = found.get();
                return f.closed() == draft.closed() ? f : tracker.update(target, f.remoteId(), draft, true);
            }
        }
        return tracker.create(target, draft);
    }

    private void failed(TrackerIssues.Claimed c, Tracker tracker, ActionItem item, TrackerFailure f) {
        TrackerIssues.Row row = c.row();
        Instant now = clock.instant();
        boolean rateLimited = f.kind() == TrackerFailure.Kind.RATE_LIMITED;
        Instant when = rateLimited && f.retryAt() != null ? f.retryAt() : now.plus(backoff(f.kind(), row.attempts()));
        // Without a clear answer (no answer in time, a dropped connection, a 5xx, a shutdown mid-call) the tracker may
        // have made the issue: the next attempt looks for it first. A search too many costs one call.
        boolean maybeCreated = (f.kind() == TrackerFailure.Kind.TIMEOUT || f.kind() == TrackerFailure.Kind.DOWN)
                && !row.hasIssue() && !row.linked();
        LOG.info("{} did not take action item {} (attempt {}): {}", tracker.name(), row.itemId(), row.attempts(), f.kind());
        // The creator hears why once: at once when the tracker refused, after a second failure when it is down, and
        // when a rate limit holds the item back for more than a minute. A quick retry that works needs no word.
        boolean tell = !row.toldCreator() && !row.hasIssue() && (f.kind() == TrackerFailure.Kind.REFUSED
                || (!rateLimited && row.attempts() >= 2)
                || (rateLimited && when.isAfter(now.plus(Duration.ofMinutes(1)))));
        tx.executeWrite(s -> {
            if (issues.retryAt(c, when, f.reason(), maybeCreated, !rateLimited) && tell) {
                issues.told(row.itemId());
                messages.dm(row.teamId(), row.creator(), "⏳ " + TrackerMessages.what(item) + " (COE-" + item.coeNumber()
                        + ") is not in " + tracker.name() + " yet: " + f.reason() + " It is kept here in the COE, and I'll "
                        + "keep trying; it shows as \"not yet in " + tracker.name() + "\" until then.", now);
            }
            return null;
        });
        wakeAt(when);
    }

    private Duration backoff(TrackerFailure.Kind kind, int attempts) {
        int shift = Math.min(Math.max(attempts - 1, 0), 16);
        Duration d = firstBackoff.multipliedBy(1L << shift);
        Duration cap = kind == TrackerFailure.Kind.REFUSED ? MAX_REFUSED_BACKOFF : MAX_BACKOFF;
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
