package io.coebot.trackers;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The {@code tracker_issue} rows: which item belongs in which tracker, its issue once it exists, and what is still to
 * be pushed there ({@code wanted > pushed}). The claim, lease and "still ours" checks follow the Slack outbox's:
 * SKIP LOCKED so two instances never hold one row, a lease so a sender that died leaves the row to another, and a
 * claim number so a late answer cannot overwrite the work of whoever took over.
 */
@Singleton
class TrackerIssues {
    /** One row; {@code wasSending}: a previous sender's lease ran out while it held the row (it may have created the issue). */
    public record Row(long itemId, String teamId, String tracker, String target, String remoteId, String key, String url,
                      boolean linked, int wanted, int pushed, int attempts, boolean maybeCreated, String lastError,
                      String creator, boolean toldCreator, boolean wasSending) {
        public boolean hasIssue() {
            return remoteId != null;
        }

        public boolean pending() {
            return wanted > pushed;
        }
    }

    /** A row this sender holds, with the version of the item it is pushing. */
    public record Claimed(Row row, long claim) {}

    private final JdbcOperations jdbc;
    private final TrackerIssueRepository issues;
    private final SecureRandom claims = new SecureRandom();

    TrackerIssues(JdbcOperations jdbc, TrackerIssueRepository issues) {
        this.jdbc = jdbc;
        this.issues = issues;
    }

    /** A new item to create as an issue; pushed by the worker after this transaction commits. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void add(String teamId, long itemId, String tracker, String target, String creator, Instant now) {
        insert(teamId, itemId, tracker, target, null, null, creator, now);
    }

    /**
     * An existing issue someone linked: never created; its id (and its link, when only its key was given) is looked up,
     * and its state pushed, by the worker.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void addLinked(String teamId, long itemId, String tracker, String target, String key, String url, String creator,
                          Instant now) {
        insert(teamId, itemId, tracker, target, key, url, creator, now);
    }

    private void insert(String teamId, long itemId, String tracker, String target, String key, String url, String creator,
                        Instant now) {
        issues.add(itemId, teamId, tracker, target, key, url, key != null, creator, now);
    }

    /**
     * The item changed in Slack: push it again. A row waiting out a back-off keeps its time (the next push sends the
     * item as it is then, this change included).
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public boolean bump(long itemId, Instant now) {
        return issues.bump(itemId, now) == 1;
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public Optional<Claimed> claimNext(Instant now, Duration lease) {
        long claim = claims.nextLong();
        // Hand-written: FOR UPDATE SKIP LOCKED inside an UPDATE … RETURNING, which Micronaut Data cannot say.
        return jdbc.prepareStatement("""
                WITH next AS (
                  SELECT item_id, sending_until IS NOT NULL AS was_sending FROM tracker_issue
                  WHERE wanted > pushed AND next_attempt_at <= ? AND (sending_until IS NULL OR sending_until <= ?)
                  ORDER BY next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED)
                UPDATE tracker_issue t SET sending_until = ?, sending_claim = ?, attempts = t.attempts + 1
                FROM next WHERE t.item_id = next.item_id
                RETURNING t.*, next.was_sending""", ps -> {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setTimestamp(3, Timestamp.from(now.plus(lease)));
            ps.setLong(4, claim);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Claimed(read(rs, rs.getBoolean("was_sending")), claim)) : Optional.empty();
            }
        });
    }

    /**
     * The tracker has the item as it was at claim time: record the issue (first push) and the version pushed, in one
     * statement with the check that this sender still holds the row. False when the claim was lost.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public boolean succeeded(Claimed c, RemoteIssue issue) {
        return issues.succeeded(c.row().itemId(), c.claim(), issue.remoteId(), issue.ref().key(), issue.ref().url(),
                c.row().wanted()) == 1;
    }

    /**
     * Back to the queue until {@code when}. A wait the tracker asked for is not a failed attempt; {@code maybeCreated}
     * makes the next attempt look for the issue before creating one.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public boolean retryAt(Claimed c, Instant when, String error, boolean maybeCreated, boolean countAttempt) {
        return issues.retryAt(c.row().itemId(), c.claim(), when, error, maybeCreated, countAttempt ? 0 : 1) == 1;
    }

    /** The creator has been told why the item is not in the tracker yet; they are told once. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void told(long itemId) {
        issues.update(itemId, true);
    }

    @Transactional
    public Optional<Row> ofItem(long itemId) {
        return issues.findById(itemId).map(TrackerIssueRow::toRow);
    }

    /** The item an issue belongs to, locked: a webhook and the reconcile reporting one change apply it once. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public Optional<Row> lockByKey(String tracker, String target, String key) {
        return issues.lockByKey(tracker, target, key).map(TrackerIssueRow::toRow);
    }

    /** Whether an issue is an item's (the reconcile sees every issue of a repository that changed). */
    @Transactional
    public boolean tracked(String tracker, String target, String key) {
        return issues.tracked(tracker, target, key);
    }

    /** The workspace of the item an issue belongs to: the Slack asked who its assignee is (each has its own token). */
    @Transactional
    public Optional<String> teamOf(String tracker, String target, String key) {
        return issues.teamOf(tracker, target, key);
    }

    /** A tracker and target that holds issues of items, and the oldest of them (the reconcile's first look). */
    @Introspected
    public record SyncTarget(String tracker, String target, Instant oldest) {}

    @Transactional
    public List<SyncTarget> targets() {
        return issues.targets();
    }

    /** How many of a channel's items are not in their tracker yet (for the card). */
    @Transactional
    public int notYetCreated(long coeId) {
        return issues.notYetCreated(coeId);
    }

    private static Row read(ResultSet rs, boolean wasSending) throws SQLException {
        return new Row(rs.getLong("item_id"), rs.getString("team_id"), rs.getString("tracker"), rs.getString("target"),
                rs.getString("remote_id"), rs.getString("issue_key"), rs.getString("issue_url"), rs.getBoolean("linked"),
                rs.getInt("wanted"), rs.getInt("pushed"), rs.getInt("attempts"), rs.getBoolean("maybe_created"),
                rs.getString("last_error"), rs.getString("creator"), rs.getBoolean("told_creator"), wasSending);
    }
}
