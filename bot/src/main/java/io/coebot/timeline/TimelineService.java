package io.coebot.timeline;

import io.coebot.coe.Coe;
import io.coebot.coe.CoeCard;
import io.coebot.coe.Coes;
import io.coebot.slack.MessageTs;
import io.coebot.store.ProcessedEvents;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Changes a COE's timeline: every change runs under the COE's row lock, records the Slack event that caused it
 * (so a retry is a no-op) and refreshes the COE card, whose durations and counts come from the timeline, in the
 * same transaction.
 */
@Singleton
public class TimelineService {
    /** Event ids are shared with the other features listening to the same event: ours get their own namespace. */
    private static final String EVENT_SUFFIX = ":timeline";

    private final TimelineStore store;
    private final Coes coes;
    private final CoeCard card;
    private final ProcessedEvents processed;
    private final Timelines timelines;
    private final Clock clock;

    public TimelineService(TimelineStore store, Coes coes, CoeCard card, ProcessedEvents processed,
                           Timelines timelines, Clock clock) {
        this.store = store;
        this.coes = coes;
        this.card = card;
        this.processed = processed;
        this.timelines = timelines;
        this.clock = clock;
    }

    /** What became of a change: whether it changed anything, and the sentence to show whoever asked. */
    public record Outcome(boolean changed, String message, TimelineEntry entry) {
        static Outcome refused(String why) {
            return new Outcome(false, why, null);
        }
    }

    /** The COE commands act on: the channel's open one, or else the one published last (until the next start). */
    public Optional<Coe> currentIn(String teamId, String channelId) {
        return coes.latestIn(teamId, channelId);
    }

    public Optional<Coe> openIn(String teamId, String channelId) {
        return coes.openIn(teamId, channelId);
    }

    /** Remembers a message of a channel with an open COE, so that a reaction on it needs no Web API call. */
    @Transactional
    void seen(String teamId, TimelineStore.SeenMessage m) {
        if (coes.openIn(teamId, m.channelId()).isPresent()) {
            store.remember(teamId, m, clock.instant());
        }
    }

    Optional<TimelineStore.SeenMessage> seenMessage(String teamId, String channelId, String ts) {
        return store.seen(teamId, channelId, ts);
    }

    /**
     * Adds a message. Added twice (another reaction, the shortcut, an import) it stays one entry; a note given
     * the second time is kept on it.
     *
     * @param eventId the Slack event that asked for it, or null
     */
    @Transactional
    Outcome addMessage(Coe coe, TimelineStore.SeenMessage m, TimelineSource source, String permalink, String note,
                              Milestone milestone, String addedBy, String eventId) {
        Instant now = clock.instant();
        if (eventId != null && !processed.firstDelivery(coe.teamId(), eventId + EVENT_SUFFIX, now)) {
            return new Outcome(false, null, null);
        }
        Instant at = MessageTs.parse(m.ts()).map(MessageTs::toInstant).orElse(null);
        if (at == null) {
            return Outcome.refused("That message has no readable time, so it cannot be dated.");
        }
        store.lockCoe(coe.id());
        store.remember(coe.teamId(), m, now);
        if (milestone != null) {
            String conflict = conflict(coe.id(), milestone, at, null);
            if (conflict != null) {
                return Outcome.refused(conflict);
            }
        }
        Optional<Long> id = store.insert(new TimelineStore.NewEntry(coe.teamId(), coe.id(), m.channelId(), at, m.ts(),
                m.text(), m.userId(), source, permalink, note, addedBy), now);
        long entryId = id.orElseGet(() -> store.byMessage(coe.id(), m.ts()).orElseThrow().id());
        if (id.isEmpty() && note != null && !note.isBlank()) {
            store.setNote(entryId, note);
        }
        if (milestone != null) {
            store.mark(coe.id(), entryId, milestone);
        }
        card.refresh(coe, now);
        TimelineEntry entry = store.entry(entryId).orElseThrow();
        return new Outcome(id.isPresent() || note != null || milestone != null,
                id.isPresent() ? "Added to the " + coe.label() + " timeline." : "Already in the " + coe.label() + " timeline.", entry);
    }

    /** Something that happened outside Slack, dated by the person who typed it. */
    @Transactional
    public Outcome addManual(Coe coe, Instant at, String text, String author) {
        Instant now = clock.instant();
        store.lockCoe(coe.id());
        long id = store.insert(new TimelineStore.NewEntry(coe.teamId(), coe.id(), coe.channelId(), at, null, text, author,
                TimelineSource.MANUAL, null, null, author), now).orElseThrow();
        card.refresh(coe, now);
        return new Outcome(true, "Added to the " + coe.label() + " timeline.", store.entry(id).orElseThrow());
    }

    /** The reaction that pinned a message was taken back: only an entry added that way goes with it. */
    @Transactional
    public boolean removeReactionEntry(Coe coe, String messageTs, String eventId) {
        Instant now = clock.instant();
        if (eventId != null && !processed.firstDelivery(coe.teamId(), eventId + EVENT_SUFFIX, now)) {
            return false;
        }
        store.lockCoe(coe.id());
        boolean removed = store.deleteByMessage(coe.id(), messageTs, TimelineSource.REACTION) > 0;
        if (removed) {
            card.refresh(coe, now);
        }
        return removed;
    }

    /** A message was edited in Slack: its entries say what it says now. */
    @Transactional
    public void edited(String teamId, String channelId, String ts, String text) {
        store.editSeen(teamId, channelId, ts, text);
        for (long coeId : store.coesHolding(teamId, channelId, ts)) {
            store.lockCoe(coeId);
            store.updateText(coeId, ts, text == null ? "" : text);
        }
    }

    /** A message was deleted in Slack: a timeline does not quote what is gone. */
    @Transactional
    public void deleted(String teamId, String channelId, String ts) {
        Instant now = clock.instant();
        store.forgetSeen(teamId, channelId, ts);
        for (long coeId : store.coesHolding(teamId, channelId, ts)) {
            store.lockCoe(coeId);
            if (store.deleteByMessage(coeId, ts, null) > 0) {
                coes.byId(coeId).ifPresent(c -> card.refresh(c, now));
            }
        }
    }

    /** Marks (or with {@code milestone} null, unmarks) an entry; an impossible order is refused with the reason. */
    @Transactional
    public Outcome mark(Coe coe, long entryId, Milestone milestone) {
        Instant now = clock.instant();
        long coeId = coe.id();
        store.lockCoe(coeId);
        // only an entry of this COE: an entry id is not a way to reach another COE's timeline
        TimelineEntry entry = store.entries(coeId).stream().filter(e -> e.id() == entryId).findFirst().orElse(null);
        if (entry == null) {
            return Outcome.refused("That entry is no longer in the timeline.");
        }
        if (milestone == null) {
            if (entry.milestone() == null) {
                return new Outcome(false, null, entry);
            }
            store.unmark(entryId);
        } else {
            if (milestone == entry.milestone()) {
                return new Outcome(false, null, entry);
            }
            String conflict = conflict(coeId, milestone, entry.occurredAt(), entryId);
            if (conflict != null) {
                return Outcome.refused(conflict);
            }
            if (entry.milestone() != null) {
                store.unmark(entryId);
            }
            store.mark(coeId, entryId, milestone);
        }
        card.refresh(coe, now);
        return new Outcome(true, milestone == null ? "Milestone removed." : TimelineText.tag(milestone) + " marked.",
                store.entry(entryId).orElseThrow());
    }

    /** Takes an entry of this COE out of the timeline (a stale menu, or another COE's entry id, does nothing). */
    @Transactional
    public void remove(Coe coe, long entryId) {
        Instant now = clock.instant();
        store.lockCoe(coe.id());
        if (store.entries(coe.id()).stream().noneMatch(e -> e.id() == entryId)) {
            return;
        }
        store.delete(entryId);
        card.refresh(coe, now);
    }

    @Transactional
    public void explainGap(long coeId, String teamId, String key, String explanation, String userId) {
        Instant now = clock.instant();
        store.lockCoe(coeId);
        store.explainGap(coeId, teamId, key, explanation, userId, now);
        coes.byId(coeId).ifPresent(c -> card.refresh(c, now));
    }

    public Optional<String> gapExplanation(long coeId, String key) {
        return Optional.ofNullable(store.gapExplanations(coeId).get(key));
    }

    /** The COE's timeline as it stands, with the interview's milestone times. */
    public Timeline timeline(long coeId) {
        return timelines.of(coeId);
    }

    public Map<Milestone, Instant> interviewMilestones(long coeId) {
        return timelines.interviewMilestones(coeId);
    }

    /** Why marking {@code milestone} at {@code at} would be impossible, ignoring the entry being re-marked. */
    private String conflict(long coeId, Milestone milestone, Instant at, Long entryId) {
        List<TimelineEntry> others = new ArrayList<>();
        for (TimelineEntry e : store.entries(coeId)) {
            others.add(entryId != null && e.id() == entryId ? e.withMilestone(null) : e);
        }
        return MilestoneTimes.resolve(interviewMilestones(coeId), others).conflict(milestone, at);
    }

}
