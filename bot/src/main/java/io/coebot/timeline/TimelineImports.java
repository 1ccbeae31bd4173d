package io.coebot.timeline;

import com.slack.api.model.Message;
import io.coebot.coe.Coe;
import io.coebot.coe.CoeCard;
import io.coebot.coe.CoeStore;
import io.coebot.slack.BlockKit;
import io.coebot.slack.SlackSettings;
import io.coebot.slack.SlackTs;
import io.coebot.store.OutboundMessage;
import io.coebot.store.Outbox;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * `/coe timeline import`: reads the channel's history, then the replies of every thread found in it, one Web API
 * call at a time at a pace Slack allows, and adds the people's messages of the window to the timeline.
 *
 * <p>The job lives in the database. Each page read is applied in one transaction that stores its entries and moves
 * the cursor, so a restart resumes after the last page applied, and a page read twice (crash before its commit)
 * adds nothing twice: a message is one entry per COE. A 429 waits the Retry-After it names before the same call
 * is made again; a server error waits a little; a refusal (the bot left the channel) stops the job and says why.
 */
@Singleton
public class TimelineImports {
    private static final Logger LOG = LoggerFactory.getLogger(TimelineImports.class);
    /** Slack's subtypes that are still a person speaking; joins, topic changes, bot messages and the rest are not. */
    private static final Set<String> HUMAN_SUBTYPES = Set.of("thread_broadcast", "file_share", "me_message");
    private static final long SERVER_ERROR_WAIT_SECONDS = 5;

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> tx;
    private final ChannelReader reader;
    private final TimelineStore store;
    private final CoeStore coes;
    private final CoeCard card;
    private final Outbox outbox;
    private final TimelineSettings settings;
    private final SlackSettings slackSettings;
    private final Clock clock;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "timeline-import");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean running;

    public TimelineImports(JdbcOperations jdbc, TransactionOperations<Connection> tx, ChannelReader reader,
                           TimelineStore store, CoeStore coes, CoeCard card, Outbox outbox, TimelineSettings settings,
                           SlackSettings slackSettings, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.reader = reader;
        this.store = store;
        this.coes = coes;
        this.card = card;
        this.outbox = outbox;
        this.settings = settings;
        this.slackSettings = slackSettings;
        this.clock = clock;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (!slackSettings.ready()) {
            return;
        }
        running = true;
        long every = settings.importPoll().toMillis();
        worker.scheduleWithFixedDelay(this::work, every, every, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() throws InterruptedException {
        running = false;
        worker.shutdownNow();
        worker.awaitTermination(5, TimeUnit.SECONDS);
    }

    /**
     * Starts an import of [from, to], announced in the card's thread.
     * @return the running import of this COE instead, when there is one
     */
    public Optional<TimelineImport> start(Coe coe, Instant from, Instant to, String userId, String teamDomain) {
        return tx.executeWrite(status -> {
            store.lockCoe(coe.id());
            Optional<TimelineImport> already = one("SELECT * FROM timeline_import WHERE coe_id = ? AND status = 'RUNNING'", coe.id());
            if (already.isPresent()) {
                return already;
            }
            Instant now = clock.instant();
            jdbc.prepareStatement("""
                    INSERT INTO timeline_import (team_id, coe_id, channel_id, team_domain, requested_by, from_at, to_at,
                                                 status, phase, next_call_at, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, 'RUNNING', 'HISTORY', ?, ?, ?)""", ps -> {
                ps.setString(1, coe.teamId());
                ps.setLong(2, coe.id());
                ps.setString(3, coe.channelId());
                ps.setString(4, teamDomain);
                ps.setString(5, userId);
                ps.setTimestamp(6, Timestamp.from(from));
                ps.setTimestamp(7, Timestamp.from(to));
                ps.setTimestamp(8, Timestamp.from(now));
                ps.setTimestamp(9, Timestamp.from(now));
                ps.setTimestamp(10, Timestamp.from(now));
                return ps.executeUpdate();
            });
            say(coe, ":inbox_tray: <@" + userId + "> started importing this channel's messages from "
                    + TimelineTime.utc(from) + " to " + TimelineTime.utc(to) + " into the timeline. "
                    + "I read Slack's history at the pace Slack allows, and say here when it is done.", now);
            return Optional.<TimelineImport>empty();
        });
    }

    public Optional<TimelineImport> latest(long coeId) {
        return tx.executeRead(status -> one("SELECT * FROM timeline_import WHERE coe_id = ? ORDER BY id DESC LIMIT 1", coeId));
    }

    private void work() {
        try {
            while (running && step()) {
                // one due call after another; each job paces itself through next_call_at
            }
        } catch (Exception e) {
            if (running) {
                LOG.warn("Timeline import paused until the next poll: {}", e.getClass().getSimpleName());
            }
        }
    }

    /** Makes the next due Web API call of one import and applies its answer. @return whether one was due */
    boolean step() {
        Optional<TimelineImport> due = tx.executeRead(status -> one("""
                SELECT * FROM timeline_import WHERE status = 'RUNNING' AND next_call_at <= ?
                ORDER BY next_call_at LIMIT 1""", Timestamp.from(clock.instant())));
        if (due.isEmpty()) {
            return false;
        }
        TimelineImport job = due.get();
        String oldest = ts(job.from());
        String latest = ts(job.to());
        ChannelReader.Page page;
        try {
            page = job.phase() == TimelineImport.Phase.HISTORY
                    ? reader.history(job.channelId(), oldest, latest, job.cursor(), settings.importPageSize())
                    : reader.replies(job.channelId(), job.threads().get(0), oldest, latest, job.cursor(), settings.importPageSize());
        } catch (ChannelReader.ReadFailure f) {
            failed(job, f);
            return true;
        }
        tx.executeWrite(status -> {
            apply(job, page);
            return null;
        });
        return true;
    }

    private void apply(TimelineImport job, ChannelReader.Page page) {
        Optional<TimelineImport> locked = one("SELECT * FROM timeline_import WHERE id = ? FOR UPDATE", job.id());
        if (locked.isEmpty() || locked.get().status() != TimelineImport.Status.RUNNING || locked.get().calls() != job.calls()) {
            return; // another instance applied this page already
        }
        Coe coe = coes.byId(job.coeId()).orElse(null);
        Instant now = clock.instant();
        if (coe == null) {
            finish(job, TimelineImport.Status.FAILED, "coe_gone", now);
            return;
        }
        store.lockCoe(coe.id());
        List<String> threads = new ArrayList<>(job.threads());
        String currentThread = job.phase() == TimelineImport.Phase.REPLIES ? threads.get(0) : null;
        int scanned = job.scanned();
        int added = job.added();
        for (Message m : page.messages()) {
            if (currentThread != null && SlackTs.same(m.getTs(), currentThread)) {
                continue; // the thread's root comes with every page of replies; history had it
            }
            scanned++;
            if (currentThread == null && hasReplies(m) && !threads.contains(m.getTs())) {
                threads.add(m.getTs());
            }
            if (!importable(m, job)) {
                continue;
            }
            Instant at = SlackTs.toInstant(m.getTs()).orElseThrow();
            String permalink = BlockKit.permalink(job.teamDomain(), job.channelId(), m.getTs())
                    + (currentThread == null ? "" : "?thread_ts=" + currentThread + "&cid=" + job.channelId());
            boolean inserted = store.insert(new TimelineStore.NewEntry(job.teamId(), coe.id(), job.channelId(), at, m.getTs(),
                    m.getText(), m.getUser(), TimelineSource.IMPORT, permalink, null, job.requestedBy()), now).isPresent();
            if (inserted) {
                added++;
            }
        }
        String cursor = page.nextCursor();
        TimelineImport.Phase phase = job.phase();
        if (cursor == null) {
            if (phase == TimelineImport.Phase.REPLIES) {
                threads.remove(0);
            }
            phase = TimelineImport.Phase.REPLIES;
        }
        boolean done = cursor == null && threads.isEmpty();
        int newScanned = scanned;
        int newAdded = added;
        TimelineImport.Phase newPhase = phase;
        Instant next = now.plus(settings.importPace());
        jdbc.prepareStatement("""
                UPDATE timeline_import SET phase = ?, cursor = ?, threads = ?, scanned = ?, added = ?, calls = calls + 1,
                    next_call_at = ?, last_error = NULL, updated_at = ? WHERE id = ?""", ps -> {
            ps.setString(1, newPhase.name());
            ps.setString(2, cursor);
            ps.setString(3, String.join(",", threads));
            ps.setInt(4, newScanned);
            ps.setInt(5, newAdded);
            ps.setTimestamp(6, Timestamp.from(next));
            ps.setTimestamp(7, Timestamp.from(now));
            ps.setLong(8, job.id());
            return ps.executeUpdate();
        });
        if (added > job.added()) {
            card.refresh(coe, now);
        }
        if (done) {
            finish(job, TimelineImport.Status.DONE, null, now);
            say(coe, ":white_check_mark: Import done: *" + added + (added == 1 ? " message" : " messages")
                    + "* added to the timeline, out of " + scanned + " read from " + TimelineTime.utc(job.from()) + " to "
                    + TimelineTime.utc(job.to()) + ". Bots' messages, joins and messages already in the timeline "
                    + "were left out. `/coe timeline` shows it.", now);
            return;
        }
        boolean progressDue = job.lastProgressAt() == null
                || !job.lastProgressAt().plus(settings.importProgressEvery()).isAfter(now);
        if (progressDue) {
            String where = newPhase == TimelineImport.Phase.HISTORY ? "the channel" : "threads ("
                    + threads.size() + (threads.size() == 1 ? " left)" : " left)");
            say(coe, ":hourglass_flowing_sand: Import in progress: " + scanned + " messages read, " + added
                    + " added so far; now reading " + where + ".", now);
            jdbc.prepareStatement("UPDATE timeline_import SET last_progress_at = ? WHERE id = ?", ps -> {
                ps.setTimestamp(1, Timestamp.from(now));
                ps.setLong(2, job.id());
                return ps.executeUpdate();
            });
        }
    }

    private void failed(TimelineImport job, ChannelReader.ReadFailure f) {
        tx.executeWrite(status -> {
            Instant now = clock.instant();
            if (f.rateLimited() || f.transientFailure) {
                long wait = f.rateLimited() ? f.retryAfterSeconds : SERVER_ERROR_WAIT_SECONDS;
                LOG.info("Timeline import {} waits {} s ({})", job.id(), wait, f.error);
                jdbc.prepareStatement("UPDATE timeline_import SET next_call_at = ?, last_error = ?, updated_at = ? WHERE id = ?", ps -> {
                    ps.setTimestamp(1, Timestamp.from(now.plusSeconds(wait)));
                    ps.setString(2, f.error);
                    ps.setTimestamp(3, Timestamp.from(now));
                    ps.setLong(4, job.id());
                    return ps.executeUpdate();
                });
                return null;
            }
            LOG.warn("Timeline import {} stopped: {}", job.id(), f.error);
            finish(job, TimelineImport.Status.FAILED, f.error, now);
            coes.byId(job.coeId()).ifPresent(coe -> say(coe, ":warning: The import stopped after " + job.scanned()
                    + " messages read (" + job.added() + " added): Slack answered `" + f.error + "`"
                    + (f.error.contains("not_in_channel") || f.error.contains("channel_not_found")
                    ? ". Invite the bot to this channel and run `/coe timeline import` again." : ".")
                    + " Messages already added stay in the timeline.", now));
            return null;
        });
    }

    private void finish(TimelineImport job, TimelineImport.Status status, String error, Instant now) {
        jdbc.prepareStatement("UPDATE timeline_import SET status = ?, last_error = ?, updated_at = ? WHERE id = ?", ps -> {
            ps.setString(1, status.name());
            ps.setString(2, error);
            ps.setTimestamp(3, Timestamp.from(now));
            ps.setLong(4, job.id());
            return ps.executeUpdate();
        });
    }

    private void say(Coe coe, String text, Instant now) {
        outbox.enqueue(OutboundMessage.post(coe.teamId(), coe.channelId(), text, null).inThreadOfCoe(coe.id()), now);
    }

    private static boolean hasReplies(Message m) {
        return m.getReplyCount() != null && m.getReplyCount() > 0
                || m.getThreadTs() != null && SlackTs.same(m.getThreadTs(), m.getTs());
    }

    /** A person's message inside the window; the bot's own, other bots', joins and other events are not. */
    private static boolean importable(Message m, TimelineImport job) {
        if (m.getBotId() != null || m.getBotProfile() != null || m.getUser() == null) {
            return false;
        }
        if (m.getSubtype() != null && !HUMAN_SUBTYPES.contains(m.getSubtype())) {
            return false;
        }
        Instant at = SlackTs.toInstant(m.getTs()).orElse(null);
        return at != null && !at.isBefore(job.from()) && !at.isAfter(job.to());
    }

    /** An instant as a Slack ts, to the microsecond, for oldest/latest. */
    static String ts(Instant t) {
        return t.getEpochSecond() + "." + String.format("%06d", t.getNano() / 1000);
    }

    private Optional<TimelineImport> one(String sql, Object param) {
        return jdbc.prepareStatement(sql, ps -> {
            ps.setObject(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        });
    }

    private static TimelineImport read(ResultSet rs) throws SQLException {
        String threads = rs.getString("threads");
        Timestamp progress = rs.getTimestamp("last_progress_at");
        return new TimelineImport(rs.getLong("id"), rs.getString("team_id"), rs.getLong("coe_id"), rs.getString("channel_id"),
                rs.getString("team_domain"), rs.getString("requested_by"), rs.getTimestamp("from_at").toInstant(),
                rs.getTimestamp("to_at").toInstant(), TimelineImport.Status.valueOf(rs.getString("status")),
                TimelineImport.Phase.valueOf(rs.getString("phase")), rs.getString("cursor"),
                threads == null || threads.isBlank() ? List.of() : Arrays.asList(threads.split(",")),
                rs.getInt("scanned"), rs.getInt("added"), rs.getInt("calls"), progress == null ? null : progress.toInstant());
    }
}
