package io.coebot.timeline;

import com.slack.api.model.Message;
import io.coebot.coe.Coe;
import io.coebot.coe.CoeCard;
import io.coebot.coe.Coes;
import io.coebot.slack.BlockKit;
import io.coebot.slack.MessageTs;
import io.coebot.store.OutboundMessage;
import io.coebot.store.Outbox;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * `/coe timeline import`: reads the channel's history, then the replies of every thread found in it, one Web API
 * call at a time at a pace Slack allows, and adds the people's messages of the window to the timeline.
 *
 * <p>The job lives in the database. Each page read is applied in one transaction that stores its entries and moves
 * the cursor, so a restart resumes after the last page applied, and a page read twice (crash before its commit)
 * adds nothing twice: a message is one entry per COE. A 429 waits the Retry-After it names before the same call
 * is made again; a server error waits a little; a refusal (the bot left the channel) stops the job and says why.
 * {@link TimelineImportJob} makes the due calls; the rows are {@link TimelineStore}'s.
 */
@Singleton
class TimelineImports {
    private static final Logger LOG = LoggerFactory.getLogger(TimelineImports.class);
    /** Slack's subtypes that are still a person speaking; joins, topic changes, bot messages and the rest are not. */
    private static final Set<String> HUMAN_SUBTYPES = Set.of("thread_broadcast", "file_share", "me_message");
    private static final long SERVER_ERROR_WAIT_SECONDS = 5;

    private final TransactionOperations<Connection> tx;
    private final ChannelReader reader;
    private final TimelineStore store;
    private final Coes coes;
    private final CoeCard card;
    private final Outbox outbox;
    private final TimelineSettings settings;
    private final Clock clock;

    TimelineImports(TransactionOperations<Connection> tx, ChannelReader reader, TimelineStore store, Coes coes,
                    CoeCard card, Outbox outbox, TimelineSettings settings, Clock clock) {
        this.tx = tx;
        this.reader = reader;
        this.store = store;
        this.coes = coes;
        this.card = card;
        this.outbox = outbox;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Starts an import of [from, to], announced in the card's thread.
     * @return the running import of this COE instead, when there is one
     */
    Optional<TimelineImport> start(Coe coe, Instant from, Instant to, String userId, String teamDomain) {
        return tx.executeWrite(status -> {
            store.lockCoe(coe.id());
            Optional<TimelineImport> already = store.runningImport(coe.id());
            if (already.isPresent()) {
                return already;
            }
            Instant now = clock.instant();
            store.startImport(coe.teamId(), coe.id(), coe.channelId(), teamDomain, userId, from, to, now);
            say(coe, ":inbox_tray: <@" + userId + "> started importing this channel's messages from "
                    + TimelineTime.utc(from) + " to " + TimelineTime.utc(to) + " into the timeline. "
                    + "I read Slack's history at the pace Slack allows, and say here when it is done.", now);
            return Optional.<TimelineImport>empty();
        });
    }

    Optional<TimelineImport> latest(long coeId) {
        return tx.executeRead(status -> store.latestImport(coeId));
    }

    /** Makes the next due Web API call of one import and applies its answer. @return whether one was due */
    boolean step() {
        Optional<TimelineImport> due = tx.executeRead(status -> store.dueImport(clock.instant()));
        if (due.isEmpty()) {
            return false;
        }
        TimelineImport job = due.get();
        String oldest = ts(job.from());
        String latest = ts(job.to());
        ChannelReader.Page page;
        try {
            page = job.phase() == TimelineImport.Phase.HISTORY
                    ? reader.history(job.teamId(), job.channelId(), oldest, latest, job.cursor(), settings.importPageSize())
                    : reader.replies(job.teamId(), job.channelId(), job.threads().get(0), oldest, latest, job.cursor(), settings.importPageSize());
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
        Optional<TimelineImport> locked = store.lockImport(job.id());
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
            if (currentThread != null && MessageTs.same(m.getTs(), currentThread)) {
                continue; // the thread's root comes with every page of replies; history had it
            }
            scanned++;
            if (currentThread == null && hasReplies(m) && !threads.contains(m.getTs())) {
                threads.add(m.getTs());
            }
            if (!importable(m, job)) {
                continue;
            }
            Instant at = MessageTs.parse(m.getTs()).orElseThrow().toInstant();
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
        store.pageApplied(job, phase, cursor, threads, scanned, added, now.plus(settings.importPace()), now);
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
            String where = phase == TimelineImport.Phase.HISTORY ? "the channel" : "threads ("
                    + threads.size() + (threads.size() == 1 ? " left)" : " left)");
            say(coe, ":hourglass_flowing_sand: Import in progress: " + scanned + " messages read, " + added
                    + " added so far; now reading " + where + ".", now);
            store.importProgressShown(job.id(), now);
        }
    }

    private void failed(TimelineImport job, ChannelReader.ReadFailure f) {
        tx.executeWrite(status -> {
            Instant now = clock.instant();
            if (f.rateLimited() || f.transientFailure) {
                long wait = f.rateLimited() ? f.retryAfterSeconds : SERVER_ERROR_WAIT_SECONDS;
                LOG.info("Timeline import {} waits {} s ({})", job.id(), wait, f.error);
                store.importWaits(job.id(), now.plusSeconds(wait), f.error, now);
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
        store.importEnded(job.id(), status, error, now);
    }

    private void say(Coe coe, String text, Instant now) {
        outbox.enqueue(OutboundMessage.post(coe.teamId(), coe.channelId(), text, null).inThreadOfCoe(coe.id()), now);
    }

    private static boolean hasReplies(Message m) {
        return m.getReplyCount() != null && m.getReplyCount() > 0
                || m.getThreadTs() != null && MessageTs.same(m.getThreadTs(), m.getTs());
    }

    /** A person's message inside the window; the bot's own, other bots', joins and other events are not. */
    private static boolean importable(Message m, TimelineImport job) {
        if (m.getBotId() != null || m.getBotProfile() != null || m.getUser() == null) {
            return false;
        }
        if (m.getSubtype() != null && !HUMAN_SUBTYPES.contains(m.getSubtype())) {
            return false;
        }
        Instant at = MessageTs.parse(m.getTs()).map(MessageTs::toInstant).orElse(null);
        return at != null && !at.isBefore(job.from()) && !at.isAfter(job.to());
    }

    /** An instant as a Slack ts, to the microsecond, for oldest/latest. */
    static String ts(Instant t) {
        return t.getEpochSecond() + "." + String.format("%06d", t.getNano() / 1000);
    }
}
