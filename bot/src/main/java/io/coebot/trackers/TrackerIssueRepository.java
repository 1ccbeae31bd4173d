package io.coebot.trackers;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The tracker_issue queue. Most statements are native: the queue's writes are conditional on the sender still
 * holding its claim (the count says whether it did), and targets are matched case-insensitively.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface TrackerIssueRepository extends GenericRepository<TrackerIssueRow, Long> {

    /** Native: an item is queued once (ON CONFLICT). */
    @Query("""
            INSERT INTO tracker_issue (item_id, team_id, tracker, target, issue_key, issue_url, linked, next_attempt_at,
                                       creator, created_at)
            VALUES (:itemId, :teamId, :tracker, :target, :key, :url, :linked, :now, :creator, :now)
            ON CONFLICT (item_id) DO NOTHING""")
    void add(long itemId, String teamId, String tracker, String target, @Nullable String key, @Nullable String url,
             boolean linked, String creator, Instant now);

    /** Native: wanted grows in place; a row waiting out a back-off keeps its time. */
    @Query("""
            UPDATE tracker_issue SET wanted = wanted + 1,
                   next_attempt_at = CASE WHEN wanted = pushed THEN CAST(:now AS timestamptz) ELSE next_attempt_at END
            WHERE item_id = :itemId""")
    int bump(long itemId, Instant now);

    /** Native: recorded only while this sender holds the claim. */
    @Query("""
            UPDATE tracker_issue SET remote_id = :remoteId, issue_key = :key, issue_url = COALESCE(issue_url, :url),
                   pushed = :pushed, attempts = 0, last_error = NULL, maybe_created = FALSE, sending_until = NULL,
                   sending_claim = NULL
            WHERE item_id = :itemId AND sending_claim = :claim""")
    int succeeded(long itemId, long claim, String remoteId, String key, @Nullable String url, int pushed);

    /** Native: back to the queue only while this sender holds the claim; a wait asked for is no failed attempt. */
    @Query("""
            UPDATE tracker_issue SET next_attempt_at = :when, last_error = :error,
                   maybe_created = maybe_created OR :maybeCreated, attempts = attempts - :uncounted,
                   sending_until = NULL, sending_claim = NULL
            WHERE item_id = :itemId AND sending_claim = :claim""")
    int retryAt(long itemId, long claim, Instant when, @Nullable String error, boolean maybeCreated, int uncounted);

    void update(@Id long itemId, boolean toldCreator);

    Optional<TrackerIssueRow> findById(long itemId);

    /** Native: the target matched case-insensitively, under the row lock (FOR UPDATE). */
    @Query("""
            SELECT * FROM tracker_issue WHERE tracker = :tracker AND lower(target) = lower(:target) AND issue_key = :key
            FOR UPDATE""")
    Optional<TrackerIssueRow> lockByKey(String tracker, String target, String key);

    /** Native: the target matched case-insensitively. */
    @Query("""
            SELECT EXISTS (SELECT 1 FROM tracker_issue
                           WHERE tracker = :tracker AND lower(target) = lower(:target) AND issue_key = :key)""")
    boolean tracked(String tracker, String target, String key);

    /** Native: the workspace of the item an issue belongs to (the target matched case-insensitively). */
    @Query("""
            SELECT team_id FROM tracker_issue
            WHERE tracker = :tracker AND lower(target) = lower(:target) AND issue_key = :key LIMIT 1""")
    Optional<String> teamOf(String tracker, String target, String key);

    /** Native: grouped per tracker and target. */
    @Query("""
            SELECT tracker, target, min(created_at) AS oldest FROM tracker_issue WHERE issue_key IS NOT NULL
            GROUP BY tracker, target""")
    List<TrackerIssues.SyncTarget> targets();

    /** Native: joined with the COE's action items. */
    @Query("""
            SELECT count(*) FROM tracker_issue t JOIN action_item a ON a.id = t.item_id
            WHERE a.coe_id = :coeId AND t.remote_id IS NULL""")
    int notYetCreated(long coeId);
}
