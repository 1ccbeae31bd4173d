package io.coebot.actions;

import io.coebot.slack.TeamRef;
import io.coebot.whys.CauseRef;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Action items, read together with their COE (number, title, owner, channel), so a nudge needs nothing else. */
// Joins the caller's transaction; a read outside one gets its own.
@Transactional
@Singleton
public class ActionStore {
    private static final String SELECT = """
            SELECT a.*, c.number AS coe_number, c.title AS coe_title, c.owner_user_id AS coe_owner, c.channel_id
            FROM action_item a JOIN coe c ON c.id = a.coe_id""";

    private final JdbcOperations jdbc;

    public ActionStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String teamId, long coeId, String text, String owner, Priority priority, LocalDate due, ActionType type,
                CauseRef causeRef, String causeText, String trackerUrl, String createdBy, Instant now) {
        return jdbc.prepareStatement("""
                INSERT INTO action_item (team_id, coe_id, text, owner_user_id, priority, due, type, status, cause_ref,
                                         cause_text, tracker_url, created_by, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?, ?, ?, ?) RETURNING id""", ps -> {
            ps.setString(1, teamId);
            ps.setLong(2, coeId);
            ps.setString(3, text);
            ps.setString(4, owner);
            ps.setString(5, priority.key());
            ps.setDate(6, Date.valueOf(due));
            ps.setString(7, type == null ? null : type.key());
            ps.setString(8, causeRef == null ? null : causeRef.toString());
            ps.setString(9, causeText);
            ps.setString(10, trackerUrl);
            ps.setString(11, createdBy);
            ps.setTimestamp(12, Timestamp.from(now));
            ps.setTimestamp(13, Timestamp.from(now));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** Locks the item: two people pressing Done and Snooze at once are applied one after the other. */
    Optional<ActionItem> lock(long id) {
        return one(SELECT + " WHERE a.id = ? FOR UPDATE OF a", id);
    }

    public Optional<ActionItem> find(long id) {
        return one(SELECT + " WHERE a.id = ?", id);
    }

    /** The item a button or form names, only when it is the sending workspace's (see {@link TeamRef}). */
    public Optional<ActionItem> find(TeamRef ref) {
        List<ActionItem> found = many(SELECT + " WHERE a.id = ? AND a.team_id = ?", ps -> {
            ps.setLong(1, ref.id());
            ps.setString(2, ref.teamId());
        });
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    void update(ActionItem item, Instant now) {
        jdbc.prepareStatement("""
                UPDATE action_item SET owner_user_id = ?, due = ?, status = ?, status_reason = ?, snoozed_until = ?,
                                       updated_at = ?
                WHERE id = ?""", ps -> {
            ps.setString(1, item.owner());
            ps.setDate(2, Date.valueOf(item.due()));
            ps.setString(3, item.status().key());
            ps.setString(4, item.statusReason());
            setDate(ps, 5, item.snoozedUntil());
            ps.setTimestamp(6, Timestamp.from(now));
            ps.setLong(7, item.id());
            return ps.executeUpdate();
        });
    }

    /** The COE's items, oldest first. */
    public List<ActionItem> ofCoe(long coeId) {
        return many(SELECT + " WHERE a.coe_id = ? ORDER BY a.id", ps -> ps.setLong(1, coeId));
    }

    /** Someone's open items across every COE of the workspace, soonest due first. */
    public List<ActionItem> openOwnedBy(String teamId, String userId) {
        return many(SELECT + " WHERE a.team_id = ? AND a.owner_user_id = ? AND a.status = 'open' ORDER BY a.due, a.id",
                ps -> {
                    ps.setString(1, teamId);
                    ps.setString(2, userId);
                });
    }

    /** Every open item of the workspace: what the nudge planner looks at. */
    public List<ActionItem> allOpen(String teamId) {
        return many(SELECT + " WHERE a.team_id = ? AND a.status = 'open' ORDER BY a.id", ps -> ps.setString(1, teamId));
    }

    /** The workspaces that have open items. */
    public List<String> teamsWithOpenItems() {
        return jdbc.prepareStatement("SELECT DISTINCT team_id FROM action_item WHERE status = 'open'", ps -> {
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private List<ActionItem> many(String sql, Binder binder) {
        return jdbc.prepareStatement(sql, ps -> {
            binder.bind(ps);
            List<ActionItem> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
            return out;
        });
    }

    private Optional<ActionItem> one(String sql, long id) {
        List<ActionItem> found = many(sql, ps -> ps.setLong(1, id));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    private static void setDate(PreparedStatement ps, int i, LocalDate d) throws SQLException {
        if (d == null) {
            ps.setNull(i, Types.DATE);
        } else {
            ps.setDate(i, Date.valueOf(d));
        }
    }

    private static ActionItem read(ResultSet rs) throws SQLException {
        Date snoozed = rs.getDate("snoozed_until");
        String type = rs.getString("type");
        return new ActionItem(rs.getLong("id"), rs.getLong("coe_id"), rs.getInt("coe_number"), rs.getString("coe_title"),
                rs.getString("coe_owner"), rs.getString("channel_id"), rs.getString("text"), rs.getString("owner_user_id"),
                Priority.fromKey(rs.getString("priority")), rs.getDate("due").toLocalDate(),
                type == null ? null : ActionType.fromKey(type), ActionStatus.fromKey(rs.getString("status")),
                rs.getString("status_reason"), snoozed == null ? null : snoozed.toLocalDate(), CauseRef.parse(rs.getString("cause_ref")).orElse(null),
                rs.getString("cause_text"), rs.getString("tracker_url"), rs.getString("tracker_key"), rs.getString("tracker_pending"),
                rs.getTimestamp("created_at").toInstant());
    }

    /** The item is on its way to {@code tracker} ("GitHub"): it reads "not yet in GitHub" until its issue exists. */
    public void markNotYetIn(long id, String tracker) {
        jdbc.prepareStatement("UPDATE action_item SET tracker_pending = ? WHERE id = ?", ps -> {
            ps.setString(1, tracker);
            ps.setLong(2, id);
            return ps.executeUpdate();
        });
    }

    /** The item's issue exists: from now on it shows the issue's key and link. */
    public void linkIssue(long id, String key, String url) {
        jdbc.prepareStatement("UPDATE action_item SET tracker_key = ?, tracker_url = ?, tracker_pending = NULL WHERE id = ?",
                ps -> {
                    ps.setString(1, key);
                    ps.setString(2, url);
                    ps.setLong(3, id);
                    return ps.executeUpdate();
                });
    }
}
