package io.coebot.timeline;

import io.coebot.coe.Coes;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.data.model.Sort;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Timeline entries, gap explanations, the messages seen in channels with an open COE and the imports of channel
 * history, over their repositories; rows become the domain's values here and nowhere else.
 */
// Joins the caller's transaction; a read outside one gets its own.
@Transactional
@Singleton
class TimelineStore {
    private static final Sort TIMELINE_ORDER = Sort.of(Sort.Order.asc("occurredAt"), Sort.Order.asc("id"));
    private static final String RUNNING = TimelineImport.Status.RUNNING.name();

    /** A message as the timeline needs it, from an event, a payload or the Web API. */
    record SeenMessage(String channelId, String ts, String threadTs, String userId, boolean bot, String text) {
    }

    /** An entry about to be stored; {@code messageTs} null for one typed by hand. */
    record NewEntry(String teamId, long coeId, String channelId, Instant occurredAt, String messageTs, String text,
                    String author, TimelineSource source, String permalink, String note, String addedBy) {
    }

    private final Coes coes;
    private final TimelineEntryRepository entries;
    private final GapNoteRepository gapNotes;
    private final SeenMessageRepository seenMessages;
    private final TimelineImportRepository imports;
    private final JdbcOperations jdbc;

    TimelineStore(JdbcOperations jdbc, TimelineEntryRepository entries, GapNoteRepository gapNotes, SeenMessageRepository seenMessages,
                  TimelineImportRepository imports, Coes coes) {
        this.coes = coes;
        this.entries = entries;
        this.gapNotes = gapNotes;
        this.seenMessages = seenMessages;
        this.imports = imports;
        this.jdbc = jdbc;
    }

    /** Serialises every change to one COE's timeline (entries, marks, gaps), as the interview's row lock does. */
    void lockCoe(long coeId) {
        coes.lock(coeId);
    }

    /** @return the new entry's id, or empty when this message is already in the timeline */
    Optional<Long> insert(NewEntry e, Instant now) {
        // Hand-written: ON CONFLICT DO NOTHING RETURNING id; Micronaut Data runs a native INSERT as an update and
        // gives no RETURNING value back, and asking for the id again would be a second round trip.
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
        entries.update(entryId, note);
    }

    List<TimelineEntry> entries(long coeId) {
        return entries.findByCoeId(coeId, TIMELINE_ORDER).stream().map(TimelineEntryRow::toEntry).toList();
    }

    Optional<TimelineEntry> entry(long id) {
        return entries.findById(id).map(TimelineEntryRow::toEntry);
    }

    Optional<TimelineEntry> byMessage(long coeId, String messageTs) {
        return entries.findByCoeIdAndMessageTs(coeId, messageTs).map(TimelineEntryRow::toEntry);
    }

    /** The COE ids whose timelines hold this message (an edit or deletion reaches every one of them). */
    List<Long> coesHolding(String teamId, String channelId, String messageTs) {
        return entries.findCoeIdByTeamIdAndChannelIdAndMessageTs(teamId, channelId, messageTs);
    }

    int updateText(long coeId, String messageTs, String text) {
        return entries.updateChangedText(coeId, messageTs, text);
    }

    void delete(long entryId) {
        entries.deleteById(entryId);
    }

    int deleteByMessage(long coeId, String messageTs, TimelineSource onlySource) {
        return onlySource == null
                ? entries.deleteByCoeIdAndMessageTs(coeId, messageTs)
                : entries.deleteByCoeIdAndMessageTsAndSource(coeId, messageTs, onlySource.key());
    }

    /** Moves {@code m} to the entry (or clears it with a null entry id). */
    void mark(long coeId, Long entryId, Milestone m) {
        entries.clearMilestone(coeId, m.key());
        if (entryId != null) {
            entries.markMilestone(entryId, coeId, m.key());
        }
    }

    void unmark(long entryId) {
        entries.unmark(entryId);
    }

    Map<String, String> gapExplanations(long coeId) {
        Map<String, String> out = new HashMap<>();
        for (GapNoteRow row : gapNotes.findByIdCoeId(coeId)) {
            out.put(row.id().gapKey(), row.explanation());
        }
        return out;
    }

    void explainGap(long coeId, String teamId, String key, String explanation, String userId, Instant now) {
        gapNotes.explain(coeId, key, teamId, explanation, userId, now);
    }

    // ------------------------------------------------------------------ messages seen

    void remember(String teamId, SeenMessage m, Instant now) {
        seenMessages.remember(teamId, m.channelId(), m.ts(), m.threadTs(), m.userId(), m.bot(),
                m.text() == null ? "" : m.text(), now);
    }

    Optional<SeenMessage> seen(String teamId, String channelId, String ts) {
        return seenMessages.findById(new SeenMessageRow.Key(teamId, channelId, ts)).map(SeenMessageRow::toSeen);
    }

    void editSeen(String teamId, String channelId, String ts, String text) {
        seenMessages.update(new SeenMessageRow.Key(teamId, channelId, ts), text == null ? "" : text);
    }

    void forgetSeen(String teamId, String channelId, String ts) {
        seenMessages.deleteById(new SeenMessageRow.Key(teamId, channelId, ts));
    }

    // ------------------------------------------------------------------ imports of channel history

    Optional<TimelineImport> runningImport(long coeId) {
        return imports.findByCoeIdAndStatus(coeId, RUNNING).map(TimelineImportRow::toImport);
    }

    void startImport(String teamId, long coeId, String channelId, String teamDomain, String userId, Instant from,
                     Instant to, Instant now) {
        imports.save(new TimelineImportRow(null, teamId, coeId, channelId, teamDomain, userId, from, to, RUNNING,
                TimelineImport.Phase.HISTORY.name(), null, "", 0, 0, 0, now, null, null, now, now));
    }

    Optional<TimelineImport> latestImport(long coeId) {
        return imports.findFirstByCoeIdOrderByIdDesc(coeId).map(TimelineImportRow::toImport);
    }

    /** The running import whose next Web API call is due first, if one is due at {@code now}. */
    Optional<TimelineImport> dueImport(Instant now) {
        return imports.findFirstByStatusAndNextCallAtLessThanEqualsOrderByNextCallAt(RUNNING, now)
                .map(TimelineImportRow::toImport);
    }

    /** The import under its row lock, as it stands. */
    Optional<TimelineImport> lockImport(long id) {
        return imports.findByIdForUpdate(id).map(TimelineImportRow::toImport);
    }

    /** A page applied: moves the cursor, keeps the threads still to read and counts the call. */
    void pageApplied(TimelineImport job, TimelineImport.Phase phase, String cursor, List<String> threads, int scanned,
                     int added, Instant nextCall, Instant now) {
        imports.update(job.id(), phase.name(), cursor, String.join(",", threads), scanned, added, job.calls() + 1,
                nextCall, null, now);
    }

    void importWaits(long id, Instant until, String error, Instant now) {
        imports.update(id, until, error, now);
    }

    void importEnded(long id, TimelineImport.Status status, String error, Instant now) {
        imports.update(id, status.name(), error, now);
    }

    void importProgressShown(long id, Instant now) {
        imports.update(id, now);
    }
}
