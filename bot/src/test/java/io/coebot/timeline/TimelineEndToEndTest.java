package io.coebot.timeline;

import io.coebot.coe.Coes;
import io.coebot.testing.EndToEnd;
import io.coebot.sandbox.slack.Ephemeral;
import io.coebot.sandbox.slack.SlackMessage;
import io.coebot.sandbox.slack.SlackWorkspace.Channel;
import io.coebot.sandbox.slack.SlackWorkspace.Person;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The timeline as a team builds it in Slack: pins, the message shortcut, entries typed by hand, milestones,
 * gaps explained in a modal, edits and deletions, read back as the person in the channel sees them.
 */
class TimelineEndToEndTest extends EndToEnd {
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    /** A COE in its own channel. */
    final class Incident {
        final Channel channel;
        final long coeId;
        final SlackMessage card;

        Incident(String channelName, Person opener) {
            channel = ws.channel(channelName);
            opener.runs("/coe start Checkout 500s", channel);
            card = channel.awaitMessageFromBot(m -> m.visibleText().contains("Checkout 500s"));
            coeId = app.bean(Coes.class).openIn(slack.teamId(), channel.id()).orElseThrow().id();
        }

        List<TimelineEntry> entries() {
            return app.bean(TimelineStore.class).entries(coeId);
        }

        /** `/coe timeline` as the person sees it (the command's ephemeral answer). */
        Ephemeral shownTo(Person who) {
            who.runs("/coe timeline", channel);
            List<Ephemeral> shown = channel.ephemeralsFor(who);
            return shown.get(shown.size() - 1);
        }

        SlackMessage cardShowing(String fragment) {
            try {
                return channel.awaitMessage(card.ts(), m -> m.visibleText().contains(fragment));
            } catch (AssertionError e) {
                throw new AssertionError("The card does not show \"" + fragment + "\": " + channel.message(card.ts()).visibleText(), e);
            }
        }
    }

    @Test
    void aPinOnAMessageTheBotNeverSawIsFetchedAndUnpinningRemovesIt() {
        Person alice = ws.user("U0ALICE71", "alice", "Europe/Paris");
        Incident inc = new Incident("inc-tl-pin", alice);
        // typed while the bot was not listening: no event reached the app
        SlackMessage deploy = slack.postAsUser(alice.id(), inc.channel.id(), "Deploy 42 rolled out to eu-west", null);
        SlackMessage reply = slack.postAsUser(alice.id(), inc.channel.id(), "p99 latency is climbing", deploy.ts());

        alice.reacts(inc.channel, deploy.ts(), "pushpin");
        String firstPin = ws.lastEventJson();
        alice.reacts(inc.channel, reply.ts(), "pushpin");

        assertTrue(slack.calls("conversations.history").stream().anyMatch(c -> deploy.ts().equals(c.param("latest"))),
                "the pinned message was fetched: " + slack.calls("conversations.history"));
        assertTrue(slack.calls("conversations.replies").stream().anyMatch(c -> reply.ts().equals(c.param("ts"))),
                "the thread reply was fetched from its thread");
        String shown = inc.shownTo(alice).visibleText();
        assertTrue(shown.contains("Deploy 42 rolled out to eu-west"), shown);
        assertTrue(shown.contains("p99 latency is climbing"), shown);
        assertTrue(shown.contains(TimelineTime.utcStamp(SlackTsInstant.of(deploy.ts()))), "dated by the message ts, in UTC: " + shown);
        assertTrue(shown.contains("added with a reaction"), shown);
        TimelineEntry stored = inc.entries().get(0);
        assertEquals(deploy.ts(), stored.messageTs());
        assertEquals(alice.id(), stored.author());
        assertNotNull(stored.permalink());
        assertTrue(stored.permalink().contains(inc.channel.id()), stored.permalink());
        inc.cardShowing("Timeline (2 entries)");

        // Slack delivers the first pin again: still one entry
        ws.deliverAgain(firstPin, 1);
        assertEquals(2, inc.entries().size());

        alice.unreacts(inc.channel, deploy.ts(), "pushpin");
        assertEquals(List.of("p99 latency is climbing"), inc.entries().stream().map(TimelineEntry::text).toList());
        inc.cardShowing("Timeline (1 entry)");
        // a late retry of the pin that was taken back does not bring it back
        ws.deliverAgain(firstPin, 2);
        assertEquals(1, inc.entries().size());
        assertFalse(inc.shownTo(alice).visibleText().contains("Deploy 42"), "unpinned message gone from the timeline");
    }

    @Test
    void aPinOnAMessageTheBotSawNeedsNoFetchAndOtherEmojiDoNothing() {
        Person alice = ws.user("U0ALICE72", "alice", "UTC");
        Incident inc = new Incident("inc-tl-seen", alice);
        SlackMessage m = alice.says(inc.channel, "Failover to the replica started");
        app.awaitMessagesHandled();
        int historyCalls = slack.calls("conversations.history").size();

        alice.reacts(inc.channel, m.ts(), "eyes");
        assertTrue(inc.entries().isEmpty(), "only the pin adds");
        alice.reacts(inc.channel, m.ts(), "pushpin");

        assertEquals(historyCalls, slack.calls("conversations.history").size(), "no history read for a message the bot saw");
        assertEquals(List.of("Failover to the replica started"), inc.entries().stream().map(TimelineEntry::text).toList());
    }

    @Test
    void theShortcutAddsAMessageWithANoteAndAMilestone() {
        Person alice = ws.user("U0ALICE73", "alice", "UTC");
        Person bob = ws.user("U0BOB0073", "bob", "America/New_York");
        Incident inc = new Incident("inc-tl-shortcut", alice);
        SlackMessage alarm = alice.says(inc.channel, "PagerDuty: checkout error rate > 5%");

        bob.usesShortcut(TimelineSlack.SHORTCUT, alarm, inc.channel);
        var modal = bob.awaitOpenView(TimelineSlack.SHORTCUT_VIEW);
        assertTrue(modal.visibleText().contains("PagerDuty: checkout error rate"), modal.visibleText());
        bob.submits(modal.id(), Map.of("note", Map.of("text", "First signal <we> had & nobody saw"),
                "milestone", Map.of("pick", "detected")));

        String confirmation = ws.awaitValue("the shortcut's confirmation", () -> bob.lastResponseUrlPosts().stream()
                .map(p -> p.visibleText()).filter(t -> t.contains("Added to the COE")).findFirst().orElse(null));
        assertTrue(confirmation.contains("Detected"), confirmation);
        TimelineEntry e = inc.entries().get(0);
        assertEquals(TimelineSource.SHORTCUT, e.source());
        assertEquals("First signal <we> had & nobody saw", e.note());
        assertEquals(Milestone.DETECTED, e.milestone());
        String shown = inc.shownTo(bob).visibleText();
        assertTrue(shown.contains("*Note:* First signal &lt;we&gt; had &amp; nobody saw"), "the note, escaped once: " + shown);
        assertTrue(shown.contains(":triangular_flag_on_post: *Detected*"), shown);

        // the same message through the shortcut again stays one entry
        bob.usesShortcut(TimelineSlack.SHORTCUT, alarm, inc.channel);
        bob.submits(bob.awaitOpenView(TimelineSlack.SHORTCUT_VIEW).id(), Map.of());
        assertEquals(1, inc.entries().size());

        // added by mistake: the entry's menu takes it out again
        Ephemeral view = inc.shownTo(bob);
        bob.selects(TimelineView.MARK_PREFIX + e.id(), List.of(inc.coeId + "|" + e.id() + "|" + TimelineView.REMOVE), view);
        assertEquals(List.of(), inc.entries(), "removed");
        assertTrue(inc.shownTo(bob).visibleText().contains("No entries yet"), "the list shows it gone");
    }

    @Test
    void theShortcutOutsideACoeChannelSaysSo() {
        Person alice = ws.user("U0ALICE74", "alice", "UTC");
        Channel random = ws.channel("tl-random");
        SlackMessage m = alice.says(random, "lunch?");

        alice.usesShortcut(TimelineSlack.SHORTCUT, m, random);

        String answer = ws.awaitValue("the shortcut's answer", () -> alice.lastResponseUrlPosts().stream()
                .map(p -> p.visibleText()).findFirst().orElse(null));
        assertTrue(answer.contains("There is no open COE in this channel"), answer);
    }

    @Test
    void backDatedEntriesMilestonesDurationsGapsAndAnExplanation() {
        Person alice = ws.user("U0ALICE75", "alice", "UTC");
        Incident inc = new Incident("inc-tl-manual", alice);
        Instant t0 = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);

        String ack = alice.runs("/coe timeline add " + UTC.format(t0.minus(10, ChronoUnit.MINUTES)) + " UTC Config change merged", inc.channel).visibleText();
        assertTrue(ack.contains("Added to the COE"), ack);
        alice.runs("/coe timeline add " + UTC.format(t0) + " UTC Deploy 42 rolled out", inc.channel);
        alice.runs("/coe timeline add " + UTC.format(t0.plus(20, ChronoUnit.MINUTES)) + " UTC Error rate alarm fired", inc.channel);
        alice.runs("/coe timeline add " + UTC.format(t0.plus(80, ChronoUnit.MINUTES)) + " UTC Rolled back deploy 42", inc.channel);
        String unreadable = alice.runs("/coe timeline add sometime Something", inc.channel).visibleText();
        assertTrue(unreadable.contains("couldn't read a time"), unreadable);

        List<TimelineEntry> entries = inc.entries();
        assertEquals(4, entries.size());
        assertEquals(t0, entries.get(1).occurredAt(), "back-dated to the time typed");
        assertEquals(TimelineSource.MANUAL, entries.get(1).source());
        long config = entries.get(0).id();
        long deploy = entries.get(1).id();
        long alarm = entries.get(2).id();
        long rollback = entries.get(3).id();

        Ephemeral view = inc.shownTo(alice);
        assertTrue(view.visibleText().contains("Deploy 42 rolled out"), view.visibleText());
        assertTrue(view.visibleText().contains("<!date^" + t0.getEpochSecond()), "each entry dated for every reader");
        assertEquals(2, view.buttons().stream().filter(b -> b.label().equals("Explain this gap")).count(),
                "of the gaps of 10, 20 and 60 minutes, those over 15: " + view.visibleText());

        alice.selects(TimelineView.MARK_PREFIX + deploy, List.of(inc.coeId + "|" + deploy + "|trigger"), view);
        alice.selects(TimelineView.MARK_PREFIX + alarm, List.of(inc.coeId + "|" + alarm + "|detected"), view);
        alice.selects(TimelineView.MARK_PREFIX + rollback, List.of(inc.coeId + "|" + rollback + "|mitigated"), view);

        inc.cardShowing("Time to detect: 20 minutes · to mitigate: 1 hour 20 minutes");
        view = inc.shownTo(alice);
        assertTrue(view.visibleText().contains("before the trigger"), "the config change predates the trigger: " + view.visibleText());
        List<String> gapButtons = view.buttons().stream().filter(b -> b.label().equals("Explain this gap"))
                .map(b -> b.actionId()).toList();
        assertEquals(List.of(TimelineView.GAP_PREFIX + deploy + "-" + alarm, TimelineView.GAP_PREFIX + alarm + "-" + rollback),
                gapButtons, "only gaps inside [trigger, mitigation] over 15 minutes");

        // resolution before mitigation is impossible
        alice.selects(TimelineView.MARK_PREFIX + alarm, List.of(inc.coeId + "|" + alarm + "|resolved"), view);
        String refusal = ws.awaitValue("the refusal", () -> alice.lastResponseUrlPosts().stream()
                .map(p -> p.visibleText()).filter(t -> t.contains("would put")).findFirst().orElse(null));
        assertTrue(refusal.contains("resolution") && refusal.contains("before mitigation"), refusal);
        assertEquals(Milestone.DETECTED, app.bean(TimelineStore.class).entry(alarm).orElseThrow().milestone());

        // the hour of silence is explained through the modal
        alice.clicks(TimelineView.GAP_PREFIX + alarm + "-" + rollback, view);
        var modal = alice.awaitOpenView(TimelineSlack.GAP_VIEW);
        alice.submits(modal.id(), Map.of("explanation", Map.of("text", "Waiting for the DB vendor's answer")));
        Ephemeral redrawn = inc.channel.awaitEphemeralFor(alice, e -> e.visibleText().contains("Waiting for the DB vendor's answer"));
        assertEquals(1, redrawn.buttons().stream().filter(b -> b.label().equals("Explain this gap")).count());
        assertTrue(inc.shownTo(alice).visibleText().contains("Waiting for the DB vendor's answer"));
        inc.cardShowing("Timeline (4 entries, 1 gap to explain)");
        assertTrue(config > 0);
    }

    @Test
    void anEditUpdatesItsEntryAndADeletionRemovesIt() {
        Person alice = ws.user("U0ALICE76", "alice", "UTC");
        Incident inc = new Incident("inc-tl-edit", alice);
        SlackMessage a = alice.says(inc.channel, "DB CPU at 100%");
        SlackMessage b = alice.repliesInThread(inc.channel, a.ts(), "killing the runaway query");
        alice.reacts(inc.channel, a.ts(), "pushpin");
        alice.reacts(inc.channel, b.ts(), "pushpin");
        inc.cardShowing("Timeline (2 entries)");

        alice.edits(inc.channel, a.ts(), "DB CPU at 100% on the primary");
        alice.deletes(inc.channel, b.ts());
        app.awaitMessagesHandled();

        assertEquals(List.of("DB CPU at 100% on the primary"), inc.entries().stream().map(TimelineEntry::text).toList());
        String shown = inc.shownTo(alice).visibleText();
        assertTrue(shown.contains("DB CPU at 100% on the primary"), shown);
        assertFalse(shown.contains("runaway"), shown);
        inc.cardShowing("Timeline (1 entry)");
    }

    @Test
    void paginatesLongTimelinesWithinBlockKitLimits() {
        Person alice = ws.user("U0ALICE77", "alice", "UTC");
        Incident inc = new Incident("inc-tl-pages", alice);
        Instant t0 = Instant.now().minus(5, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
        for (int i = 0; i < 25; i++) {
            alice.runs("/coe timeline add " + UTC.format(t0.plus(i, ChronoUnit.MINUTES)) + " UTC step " + (i + 1) + " done", inc.channel);
        }
        Ephemeral first = inc.shownTo(alice);
        assertTrue(first.visibleText().contains("Page 1 of 2"), first.visibleText());
        assertTrue(first.visibleText().contains("step 20 done") && !first.visibleText().contains("step 21 done"));
        assertTrue(com.google.gson.JsonParser.parseString(first.blocks()).getAsJsonArray().size() <= 50,
                "a message holds at most 50 blocks");

        alice.clicks("Next", first);
        Ephemeral second = inc.channel.awaitEphemeralFor(alice, e -> e.visibleText().contains("Page 2 of 2"));
        assertTrue(second.visibleText().contains("step 25 done") && !second.visibleText().contains("step 20 done"));
        alice.clicks("Previous", second);
        inc.channel.awaitEphemeralFor(alice, e -> e.visibleText().contains("Page 1 of 2"));
    }

    @Test
    void helpListsTheTimeline() {
        Person alice = ws.user("U0ALICE78", "alice", "UTC");
        String help = alice.runs("/coe help", ws.channel("inc-tl-help")).visibleText();
        // escaped, so that Slack shows "<when>" instead of reading it as a link and swallowing it
        assertTrue(help.contains("/coe timeline [add &lt;when&gt; &lt;text&gt; | import [from] [to]]"), help);
        assertFalse(help.contains("/coe timeline` — Build"), "no longer coming soon: " + help);
    }

    /** The exact instant of a message ts (the ts is when it was written). */
    static final class SlackTsInstant {
        static Instant of(String ts) {
            return new io.coebot.slack.MessageTs(ts).toInstant();
        }
    }
}
