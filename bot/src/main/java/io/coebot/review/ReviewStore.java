package io.coebot.review;

import io.coebot.coe.Coe;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The review of each COE: its row (status, round, deadline set by hand), reviewers, notes and audit. */
// Joins the caller's transaction; a read outside one gets its own.
@Transactional
@Singleton
class ReviewStore {
    private final JdbcOperations jdbc;

    ReviewStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param dueOn        set by `/coe deadline`; null: due by severity
     * @param overdueShownOn the last day the card was redrawn to say "overdue"
     */
    record Row(long coeId, ReviewStatus status, int round, LocalDate dueOn, String dueReason, String dueSetBy,
               LocalDate overdueShownOn, Instant enteredReviewAt) {
        static Row none(long coeId) {
            return new Row(coeId, ReviewStatus.DRAFTING, 1, null, null, null, null, null);
        }
    }

    /** An audit line: who did what, when. */
    record AuditLine(String actor, String what, Instant at) {}

    Optional<Row> row(long coeId) {
        return jdbc.prepareStatement("SELECT * FROM coe_review WHERE coe_id = ?", ps -> {
            ps.setLong(1, coeId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        });
    }

    /**
     * The COE's review row, created if needed and locked until the transaction ends: every review event of one COE
     * runs one at a time, so two reviewers pressing at the same instant leave one consistent status.
     */
    Row lock(Coe coe, Instant now) {
        jdbc.prepareStatement("""
                INSERT INTO coe_review (coe_id, team_id, status, round, updated_at) VALUES (?, ?, 'DRAFTING', 1, ?)
                ON CONFLICT (coe_id) DO NOTHING""", ps -> {
            ps.setLong(1, coe.id());
            ps.setString(2, coe.teamId());
            ps.setTimestamp(3, Timestamp.from(now));
            return ps.executeUpdate();
        });
        return jdbc.prepareStatement("SELECT * FROM coe_review WHERE coe_id = ? FOR UPDATE", ps -> {
            ps.setLong(1, coe.id());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return read(rs);
            }
        });
    }

    ReviewState state(Coe coe, int approvalsNeeded, int round) {
        return new ReviewState(coe.ownerUserId(), approvalsNeeded, round, reviewers(coe.id()), notes(coe.id()),
                coe.status() == Coe.Status.PUBLISHED);
    }

    List<Reviewer> reviewers(long coeId) {
        return jdbc.prepareStatement("SELECT * FROM coe_reviewer WHERE coe_id = ? ORDER BY asked_at, user_id", ps -> {
            ps.setLong(1, coeId);
            List<Reviewer> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Reviewer(rs.getString("user_id"), Verdict.valueOf(rs.getString("verdict")),
                            rs.getBoolean("stale"), rs.getString("asked_by"), instant(rs, "asked_at"), instant(rs, "decided_at")));
                }
            }
            return out;
        });
    }

    List<ReviewNote> notes(long coeId) {
        return jdbc.prepareStatement("SELECT * FROM coe_review_note WHERE coe_id = ? ORDER BY id", ps -> {
            ps.setLong(1, coeId);
            List<ReviewNote> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ReviewNote(rs.getLong("id"), ReviewNote.Kind.valueOf(rs.getString("kind")),
                            rs.getString("author"), rs.getString("section"), rs.getString("body"),
                            instant(rs, "created_at"), rs.getString("resolved_by"), instant(rs, "resolved_at"),
                            rs.getString("source_key")));
                }
            }
            return out;
        });
    }

    /** Writes what the event changed: status and round, every reviewer, resolved notes. New notes: {@link #add}. */
    void save(Coe coe, ReviewState after, Instant now) {
        jdbc.prepareStatement("""
                UPDATE coe_review SET status = ?, round = ?, updated_at = ?,
                    entered_review_at = COALESCE(entered_review_at, CASE WHEN ? THEN ?::timestamptz END)
                WHERE coe_id = ?""", ps -> {
            ps.setString(1, after.status().name());
            ps.setInt(2, after.round());
            ps.setTimestamp(3, Timestamp.from(now));
            ps.setBoolean(4, !after.reviewers().isEmpty());
            ps.setTimestamp(5, Timestamp.from(now));
            ps.setLong(6, coe.id());
            return ps.executeUpdate();
        });
        for (Reviewer r : after.reviewers()) {
            jdbc.prepareStatement("""
                    INSERT INTO coe_reviewer (coe_id, team_id, user_id, verdict, stale, asked_by, asked_at, decided_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (coe_id, user_id) DO UPDATE SET verdict = excluded.verdict, stale = excluded.stale,
                        decided_at = excluded.decided_at""", ps -> {
                ps.setLong(1, coe.id());
                ps.setString(2, coe.teamId());
                ps.setString(3, r.userId());
                ps.setString(4, r.verdict().name());
                ps.setBoolean(5, r.stale());
                ps.setString(6, r.askedBy());
                ps.setTimestamp(7, Timestamp.from(r.askedAt()));
                ps.setTimestamp(8, r.decidedAt() == null ? null : Timestamp.from(r.decidedAt()));
                return ps.executeUpdate();
            });
        }
        for (ReviewNote n : after.notes()) {
            if (n.id() != null && !n.open()) {
                jdbc.prepareStatement("UPDATE coe_review_note SET resolved_by = ?, resolved_at = ? WHERE id = ? AND resolved_at IS NULL", ps -> {
                    ps.setString(1, n.resolvedBy());
                    ps.setTimestamp(2, Timestamp.from(n.resolvedAt()));
                    ps.setLong(3, n.id());
                    return ps.executeUpdate();
                });
            }
        }
    }

    /** Stores a new comment or change request; @return it with its id. */
    ReviewNote add(Coe coe, ReviewNote n) {
        long id = jdbc.prepareStatement("""
                INSERT INTO coe_review_note (coe_id, team_id, kind, author, section, body, created_at, source_key)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""", ps -> {
            ps.setLong(1, coe.id());
            ps.setString(2, coe.teamId());
            ps.setString(3, n.kind().name());
            ps.setString(4, n.author());
            ps.setString(5, n.section());
            ps.setString(6, n.text());
            ps.setTimestamp(7, Timestamp.from(n.createdAt()));
            ps.setString(8, n.sourceKey());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
        return new ReviewNote(id, n.kind(), n.author(), n.section(), n.text(), n.createdAt(), null, null, n.sourceKey());
    }

    void audit(Coe coe, String actor, String what, Instant at) {
        jdbc.prepareStatement("INSERT INTO coe_review_audit (coe_id, team_id, actor, what, at) VALUES (?, ?, ?, ?, ?)", ps -> {
            ps.setLong(1, coe.id());
            ps.setString(2, coe.teamId());
            ps.setString(3, actor);
            ps.setString(4, what);
            ps.setTimestamp(5, Timestamp.from(at));
            return ps.executeUpdate();
        });
    }

    List<AuditLine> audit(long coeId) {
        return jdbc.prepareStatement("SELECT actor, what, at FROM coe_review_audit WHERE coe_id = ? ORDER BY id", ps -> {
            ps.setLong(1, coeId);
            List<AuditLine> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new AuditLine(rs.getString(1), rs.getString(2), instant(rs, "at")));
                }
            }
            return out;
        });
    }

    void setDue(long coeId, LocalDate due, String reason, String by) {
        jdbc.prepareStatement("UPDATE coe_review SET due_on = ?, due_reason = ?, due_set_by = ?, overdue_shown_on = NULL WHERE coe_id = ?", ps -> {
            ps.setDate(1, Date.valueOf(due));
            ps.setString(2, reason);
            ps.setString(3, by);
            ps.setLong(4, coeId);
            return ps.executeUpdate();
        });
    }

    /**
     * Remembers that the card now says "overdue" (since {@code day}), so it is redrawn once, not every run; moving
     * the deadline clears it. @return whether this caller is the one that marked it
     */
    boolean markOverdueShown(long coeId, LocalDate day) {
        return jdbc.prepareStatement("""
                UPDATE coe_review SET overdue_shown_on = ? WHERE coe_id = ? AND overdue_shown_on IS NULL""", ps -> {
            ps.setDate(1, Date.valueOf(day));
            ps.setLong(2, coeId);
            return ps.executeUpdate() == 1;
        });
    }

    private static Row read(ResultSet rs) throws SQLException {
        Date due = rs.getDate("due_on");
        Date shown = rs.getDate("overdue_shown_on");
        return new Row(rs.getLong("coe_id"), ReviewStatus.valueOf(rs.getString("status")), rs.getInt("round"),
                due == null ? null : due.toLocalDate(), rs.getString("due_reason"), rs.getString("due_set_by"),
                shown == null ? null : shown.toLocalDate(), instant(rs, "entered_review_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
