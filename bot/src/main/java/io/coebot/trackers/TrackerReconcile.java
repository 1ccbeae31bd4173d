package io.coebot.trackers;

import io.micronaut.context.annotation.Value;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The periodic reconcile (every {@code COE_TRACKER_SYNC_EVERY}, 10 minutes by default): asks each tracker for the
 * issues changed since the last run and applies them, so a webhook that never arrived is caught within one period.
 * Each tracker and target is claimed in {@code tracker_sync} (one instance runs it; a claim lasts at most the
 * lease), and a run that finished less than half a period ago is not repeated by another instance.
 */
@Singleton
class TrackerReconcile {
    private static final Logger LOG = LoggerFactory.getLogger(TrackerReconcile.class);
    /** Tracker clocks and search indexes lag a little: each run looks this far before the last one's start. */
    private static final Duration OVERLAP = Duration.ofMinutes(2);
    private static final Duration LEASE = Duration.ofMinutes(10);

    /** What one run did. */
    public record Report(int targets, int seen, int applied) {}

    private final TrackerIssues issues;
    private final TrackerChoice choice;
    private final TrackerInbound inbound;
    private final TrackerPeople people;
    private final JdbcOperations jdbc;
    private final TrackerSyncRepository syncs;
    private final TransactionOperations<Connection> tx;
    private final Clock clock;
    private final Duration every;
    private final boolean enabled;

    TrackerReconcile(TrackerIssues issues, TrackerChoice choice, TrackerInbound inbound, TrackerPeople people,
                            JdbcOperations jdbc, TrackerSyncRepository syncs,
                            TransactionOperations<Connection> tx, Clock clock,
                            @Value("${coe.trackers.sync-every:10m}") Duration every,
                            @Value("${coe.trackers.sync-enabled:true}") boolean enabled) {
        this.issues = issues;
        this.choice = choice;
        this.inbound = inbound;
        this.people = people;
        this.jdbc = jdbc;
        this.syncs = syncs;
        this.tx = tx;
        this.clock = clock;
        this.every = every;
        this.enabled = enabled;
    }

    @Scheduled(fixedDelay = "${coe.trackers.sync-every:10m}", initialDelay = "${coe.trackers.sync-initial-delay:1m}")
    void scheduled() {
        if (!enabled) {
            return;
        }
        try {
            run();
        } catch (RuntimeException e) {
            LOG.warn("The tracker reconcile failed and will run again: {}", e.getClass().getSimpleName());
        }
    }

    /** One run now (what the schedule does; public so a test can run it without waiting). */
    public Report run() {
        int targets = 0;
        int seen = 0;
        int applied = 0;
        for (TrackerIssues.SyncTarget t : issues.targets()) {
            Optional<Tracker> tracker = choice.byId(t.tracker()).filter(Tracker::configured);
            if (tracker.isEmpty()) {
                continue;
            }
            Instant started = clock.instant();
            Optional<Instant> since = claim(t, started);
            if (since.isEmpty()) {
                continue; // another instance runs it, or ran it a moment ago
            }
            List<RemoteIssue> changed;
            try {
                changed = tracker.get().changedSince(t.target(), since.get());
            } catch (TrackerFailure f) {
                LOG.info("The reconcile could not ask {} for changes: {}", tracker.get().name(), f.kind());
                release(t, null);
                continue;
            }
            targets++;
            for (RemoteIssue issue : changed) {
                seen++;
                if (!issues.tracked(t.tracker(), t.target(), issue.ref().key())) {
                    continue; // not an item's issue: no need to ask who its assignee is
                }
                Optional<String> assignee = people.slackUserOf(tracker.get(), t.target(), issue);
                if (tx.executeWrite(s -> inbound.apply(tracker.get(), t.target(), issue, assignee).isPresent())) {
                    applied++;
                }
            }
            release(t, started);
        }
        return new Report(targets, seen, applied);
    }

    /** @return since when to ask, when this instance may run the target now */
    private Optional<Instant> claim(TrackerIssues.SyncTarget t, Instant now) {
        return tx.executeWrite(s -> {
            syncs.ensure(t.tracker(), t.target());
            // Hand-written: a conditional UPDATE … RETURNING (the lease is taken only if free), whose value a native
            // @Query cannot give back.
            return jdbc.prepareStatement("""
                    UPDATE tracker_sync SET running_until = ?
                    WHERE tracker = ? AND target = ? AND (running_until IS NULL OR running_until <= ?)
                      AND (synced_until IS NULL OR synced_until <= ?)
                    RETURNING synced_until""", ps -> {
                ps.setTimestamp(1, Timestamp.from(now.plus(LEASE)));
                ps.setString(2, t.tracker());
                ps.setString(3, t.target());
                ps.setTimestamp(4, Timestamp.from(now));
                ps.setTimestamp(5, Timestamp.from(now.minus(every.dividedBy(2))));
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<Instant>empty();
                    }
                    Timestamp last = rs.getTimestamp(1);
                    return Optional.of(last == null ? t.oldest().minus(OVERLAP) : last.toInstant().minus(OVERLAP));
                }
            });
        });
    }

    /** @param syncedUntil the run's start when it finished, null when it failed (the next run asks from the same time) */
    private void release(TrackerIssues.SyncTarget t, Instant syncedUntil) {
        tx.executeWrite(s -> {
            syncs.release(t.tracker(), t.target(), syncedUntil);
            return null;
        });
    }
}
