package io.coebot.timeline;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Timeline entries, gap explanations and the messages seen in channels with an open COE. */
// Joins the caller's transaction; a read outside one gets its own.
@Transactional
@Singleton
public class TimelineStore {

    /** A message as the timeline needs it, from an event, a payload or the Web API. */
    public record SeenMessage(String channelId, String ts, String threadTs, String userId, boolean bot, String text) {
    }

    /** An entry about to be stored; {@code messageTs} null for one typed by hand. */
    public record NewEntry(String teamId, long coeId, String channelId, Instant occurredAt, String messageTs, String text,
                           String author, TimelineSource source, String permalink, String note, String addedBy) {
    }

    private final JdbcOperations jdbc;

    public TimelineStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Serialises every change to one COE's timeline (entries, marks, gaps), as the interview's row lock does. */
    void lockCoe(long coeId) {
        jdbc.prepareStatement("SELECT 1 FROM coe WHERE id = ? FOR UPDATE", ps -> {
            ps.setLong(1, coeId);
            return ps.executeQuery().next();
        });
    }

    /** @return the new entry's id, or empty when this message is already in the timeline */
    Optional<Long> insert(NewEntry e, Instant now) {
        return jdbc.prepareStatement("""
                INSERT INTO timeline_entry (team_id, coe_id, channel_id, occurred_at, message_ts, text, author, source,
                                            permalink, note, added_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (coe_id, message_ts) WHERE message_ts IS NOT NULL DO NOTHING
                RETURNING id""", ps -> {
            ps.setString(1, e.teamId());
            ps.setLong(2, e.coeId());
            ps.setString(3, e.channelId());
            ps.setTimestamp(4, Timestamp.from(e.occurredAt()));
            ps.setString(5, e.messageTs());
            ps.setString(6, e.text() == null ? "" : e.text());
            ps.setString(7, e.author());
            ps.setString(8, e.source().key());
            ps.setString(9, e.permalink());
            ps.setString(10, e.note());
            ps.setString(11, e.addedBy());
            ps.setTimestamp(12, Timestamp.from(now));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        });
    }

    /** A note given for a message that is already in the timeline is added to it rather than lost. */
    void setNote(long entryId, String note) {
        jdbc.prepareStatement("UPDATE timeline_entry SET note = ? WHERE id = ?", ps -> {
            ps.setString(1, note);
            ps.setLong(2, entryId);
            return ps.executeUpdate();
        });
    }

    public List<TimelineEntry> entries(long coeId) {
        return jdbc.prepareStatement("SELECT * FROM timeline_entry WHERE coe_id = ? ORDER BY occurred_at, id", ps -> {
            ps.setLong(1, coeId);
            List<TimelineEntry> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
            return out;
        });
    }

    public Optional<TimelineEntry> entry(long id) {
        return jdbc.prepareStatement("SELECT * FROM timeline_entry WHERE id = ?", ps -> {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        });
    }

    public Optional<TimelineEntry> byMessage(long coeId, String messageTs) {
        return jdbc.prepareStatement("SELECT * FROM timeline_entry WHERE coe_id = ? AND message_ts = ?", ps -> {
            ps.setLong(1, coeId);
            ps.setString(2, messageTs);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        });
    }

    /** The COE ids whose timelines hold this message (an edit or deletion reaches every one of them). */
    List<Long> coesHolding(String teamId, String channelId, String messageTs) {
        return jdbc.prepareStatement(
                "SELECT DISTINCT coe_id FROM timeline_entry WHERE team_id = ? AND channel_id = ? AND message_ts = ?", ps -> {
                    ps.setString(1, teamId);
                    ps.setString(2, channelId);
                    ps.setString(3, messageTs);
                    List<Long> out = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(rs.getLong(1));
                        }
                    }
                    return out;
                });
    }

    int updateText(long coeId, String messageTs, String text) {
        return jdbc.prepareStatement("UPDATE timeline_entry SET text = ? WHERE coe_id = ? AND message_ts = ? AND text <> ?", ps -> {
            ps.setString(1, text);
            ps.setLong(2, coeId);
            ps.setString(3, messageTs);
            ps.setString(4, text);
            return ps.executeUpdate();
        });
    }

    void delete(long entryId) {
        jdbc.prepareStatement("DELETE FROM timeline_entry WHERE id = ?", ps -> {
            ps.setLong(1, entryId);
            return ps.executeUpdate();
        });
    }

    int deleteByMessage(long coeId, String messageTs, TimelineSource onlySource) {
        String sql = "DELETE FROM timeline_entry WHERE coe_id = ? AND message_ts = ?" + (onlySource == null ? "" : " AND source = ?");
        return jdbc.prepareStatement(sql, ps -> {
            ps.setLong(1, coeId);
            ps.setString(2, messageTs);
            if (onlySource != null) {
                ps.setString(3, onlySource.key());
            }
            return ps.executeUpdate();
        });
    }

    /** Moves {@code m} to the entry (or clears it with a null entry id). */
    void mark(long coeId, Long entryId, Milestone m) {
        jdbc.prepareStatement("UPDATE timeline_entry SET milestone = NULL WHERE coe_id = ? AND milestone = ?", ps -> {
            ps.setLong(1, coeId);
            ps.setString(2, m.key());
            return ps.executeUpdate();
        });
        if (entryId != null) {
            jdbc.prepareStatement("UPDATE timeline_entry SET milestone = ? WHERE id = ? AND coe_id = ?", ps -> {
                ps.setString(1, m.key());
                ps.setLong(2, entryId);
                ps.setLong(3, coeId);
                return ps.executeUpdate();
            });
        }
    }

    void unmark(long entryId) {
        jdbc.prepareStatement("UPDATE timeline_entry SET milestone = NULL WHERE id = ?", ps -> {
            ps.setLong(1, entryId);
            return ps.executeUpdate();
        });
    }

    public Map<String, String> gapExplanations(long coeId) {
        return jdbc.prepareStatement("SELECT gap_key, explanation FROM timeline_gap_note WHERE coe_id = ?", ps -> {
            ps.setLong(1, coeId);
            Map<String, String> out = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
            return out;
        });
    }

    void explainGap(long coeId, String teamId, String key, String explanation, String userId, Instant now) {
        jdbc.prepareStatement("""
                INSERT INTO timeline_gap_note (coe_id, gap_key, team_id, explanation, explained_by, explained_at)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (coe_id, gap_key) DO UPDATE SET explanation = excluded.explanation,
                    explained_by = excluded.explained_by, explained_at = excluded.explained_at""", ps -> {
            ps.setLong(1, coeId);
            ps.setString(2, key);
            ps.setString(3, teamId);
            ps.setString(4, explanation);
            ps.setString(5, userId);
            ps.setTimestamp(6, Timestamp.from(now));
            return ps.executeUpdate();
        });
    }

    // ------------------------------------------------------------------ messages seen

    void remember(String teamId, SeenMessage m, Instant now) {
        jdbc.prepareStatement("""
                INSERT INTO timeline_seen_message (team_id, channel_id, ts, thread_ts, user_id, bot, text, seen_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (team_id, channel_id, ts) DO UPDATE SET text = excluded.text,
                    thread_ts = COALESCE(excluded.thread_ts, timeline_seen_message.thread_ts)""", ps -> {
            ps.setString(1, teamId);
            ps.setString(2, m.channelId());
            ps.setString(3, m.ts());
            ps.setString(4, m.threadTs());
            ps.setString(5, m.userId());
            ps.setBoolean(6, m.bot());
            ps.setString(7, m.text() == null ? "" : m.text());
            ps.setTimestamp(8, Timestamp.from(now));
            return ps.executeUpdate();
        });
    }

    Optional<SeenMessage> seen(String teamId, String channelId, String ts) {
        return jdbc.prepareStatement("SELECT * FROM timeline_seen_message WHERE team_id = ? AND channel_id = ? AND ts = ?", ps -> {
            ps.setString(1, teamId);
            ps.setString(2, channelId);
            ps.setString(3, ts);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? Optional.of(new SeenMessage(channelId, ts, rs.getString("thread_ts"), rs.getString("user_id"),
                        rs.getBoolean("bot"), rs.getString("text")))
                        : Optional.empty();
            }
        });
    }

    void editSeen(String teamId, String channelId, String ts, String text) {
        jdbc.prepareStatement("UPDATE timeline_seen_message SET text = ? WHERE team_id = ? AND channel_id = ? AND ts = ?", ps -> {
            ps.setString(1, text == null ? "" : text);
            ps.setString(2, teamId);
            ps.setString(3, channelId);
            ps.setString(4, ts);
            return ps.executeUpdate();
        });
    }

    void forgetSeen(String teamId, String channelId, String ts) {
        jdbc.prepareStatement("DELETE FROM timeline_seen_message WHERE team_id = ? AND channel_id = ? AND ts = ?", ps -> {
            ps.setString(1, teamId);
            ps.setString(2, channelId);
            ps.setString(3, ts);
            return ps.executeUpdate();
        });
    }

    private static TimelineEntry read(ResultSet rs) throws SQLException {
        String milestone = rs.getString("milestone");
        return new TimelineEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("message_ts"),
                rs.getString("text"), rs.getString("author"), TimelineSource.fromKey(rs.getString("source")),
                rs.getString("permalink"), milestone == null ? null : Milestone.fromKey(milestone), rs.getString("note"));
    }

    static void setNullableLong(PreparedStatement ps, int i, Long v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.BIGINT);
        } else {
            ps.setLong(i, v);
        }
    }
}
