package io.coebot.actions;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

/**
 * Nudges are claimed here before they are sent: a row per (workspace, kind, key), written in the transaction
 * that queues the DM. A second instance or a second run finds the row and sends nothing; a send Slack refused
 * for good releases its claim for a retry later that day.
 */
// Joins the caller's transaction; a read outside one gets its own.
@Transactional
@Singleton
class NudgeClaimStore {
    static final String DIGEST = "digest";
    static final String OVERDUE_REPORT = "overdue-report";
    static final String REASSIGN = "reassign";
    /** Old claims no longer matter to the planner, which only plans for today and this week. */
    private static final Duration LOOK_BACK = Duration.ofDays(10);

    private final NudgeClaimRepository rows;
    private final JdbcOperations jdbc;

    NudgeClaimStore(NudgeClaimRepository rows, JdbcOperations jdbc) {
        this.rows = rows;
        this.jdbc = jdbc;
    }

    /**
     * Hand-written: an upsert that takes over only a failed claim due for a retry and says whether it did
     * (ON CONFLICT … WHERE … RETURNING), which Micronaut Data cannot say.
     *
     * @return whether this caller now holds the claim (new, or a failed one whose retry time has come) */
    boolean claim(String teamId, String kind, String key, Instant now) {
        return jdbc.prepareStatement("""
                INSERT INTO nudge_claim (team_id, kind, claim_key, status, claimed_at) VALUES (?, ?, ?, 'SENDING', ?)
                ON CONFLICT (team_id, kind, claim_key) DO UPDATE SET status = 'SENDING', retry_after = NULL,
                                                                     claimed_at = excluded.claimed_at
                WHERE nudge_claim.status = 'FAILED' AND nudge_claim.retry_after <= excluded.claimed_at
                RETURNING 1""", ps -> {
            ps.setString(1, teamId);
            ps.setString(2, kind);
            ps.setString(3, key);
            ps.setTimestamp(4, Timestamp.from(now));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        });
    }

    void sent(String teamId, String kind, String key) {
        set(teamId, kind, key, "SENT", null);
    }

    void failed(String teamId, String kind, String key, Instant retryAfter) {
        set(teamId, kind, key, "FAILED", retryAfter);
    }

    /** What the planner must not plan again: everything claimed lately, except failures due for a retry. */
    NudgeClaims held(String teamId, Instant now) {
        Set<DigestKey> digests = new HashSet<>();
        Set<WeekKey> reports = new HashSet<>();
        Set<ReassignKey> reassigns = new HashSet<>();
        for (NudgeClaimRow row : rows.findHeld(teamId, now.minus(LOOK_BACK), now)) {
            String[] k = row.claimKey().split("\\|");
            switch (row.kind()) {
                case DIGEST -> digests.add(new DigestKey(k[0], LocalDate.parse(k[1])));
                case OVERDUE_REPORT -> reports.add(week(k, 0));
                case REASSIGN -> reassigns.add(new ReassignKey(Long.parseLong(k[0]), week(k, 1)));
                default -> { }
            }
        }
        return new NudgeClaims(digests, reports, reassigns);
    }

    static String key(DigestKey k) {
        return k.owner() + "|" + k.localDate();
    }

    static String key(WeekKey k) {
        return k.person() + "|" + k.weekBasedYear() + "|" + k.week();
    }

    static String key(ReassignKey k) {
        return k.itemId() + "|" + key(k.week());
    }

    private static WeekKey week(String[] k, int from) {
        return new WeekKey(k[from], Integer.parseInt(k[from + 1]), Integer.parseInt(k[from + 2]));
    }

    private void set(String teamId, String kind, String key, String status, Instant retryAfter) {
        rows.settle(teamId, kind, key, status, retryAfter);
    }
}
