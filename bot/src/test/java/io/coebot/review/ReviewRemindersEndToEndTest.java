package io.coebot.review;

import io.coebot.actions.NudgeRun;
import io.coebot.coe.Coes;
import io.coebot.interview.Questions;
import io.coebot.sandbox.slack.SlackMessage;
import io.coebot.sandbox.slack.SlackWorkspace.Channel;
import io.coebot.sandbox.slack.SlackWorkspace.Person;
import io.coebot.testing.CompleteCoe;
import io.coebot.testing.EndToEnd;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The COE's deadline and its reminders on the app's clock (moved by the test): the due date follows the severity
 * in business days, the owner moves it with a reason; the owner's and the reviewer's daily digests list the COE
 * (one DM a day), the card says when it is overdue, the review channel gets the weekly agenda once, and every
 * reminder stops the day the COE is published.
 */
class ReviewRemindersEndToEndTest extends EndToEnd {
    /**
     * The incident: the day before the real today, since the fake Slack stamps messages with the real time and an
     * answer cannot name a time after it was written. The app's clock is then moved on to March 2027.
     */
    private static final String DAY = java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1).toString();

    @Override
    protected Map<String, Object> appProperties() {
        return Map.of("coe.publish.review-channel", "#coe-agenda");
    }

    @Test
    void theDeadlineFollowsTheSeverityInBusinessDaysAndTheOwnerMovesItWithAReason() {
        clock.setTo(Instant.parse("2027-03-01T08:00:00Z")); // a Monday
        Person alice = ws.user("U0ALICE61", "alice", "UTC");
        Person bob = ws.user("U0BOB0061", "bob", "UTC");
        Channel channel = ws.channel("inc-deadline");
        alice.runs("/coe start Search slow", channel);
        SlackMessage card = channel.awaitMessageFromBot(m -> m.visibleText().contains("Search slow"));
        long coeId = app.bean(Coes.class).openIn(slack.teamId(), channel.id()).orElseThrow().id();
        String before = alice.runs("/coe deadline", channel).visibleText();
        assertTrue(before.contains("due Fri 19 Mar 2027"), "no severity yet: 14 business days: " + before);

        Map<String, String> answers = new LinkedHashMap<>();
        answers.put(Questions.TRIGGER_AT, DAY + " 14:00 UTC");
        answers.put(Questions.DETECTED_AT, DAY + " 14:10 UTC");
        answers.put(Questions.MITIGATED_AT, DAY + " 14:40 UTC");
        answers.put(Questions.RESOLVED_AT, DAY + " 15:00 UTC");
        answers.put(Questions.SEVERITY, "SEV1");
        for (var a : answers.entrySet()) {
            String marker = "interview|" + coeId + "|" + a.getKey();
            slack.await("the interview asks " + a.getKey(), () -> {
                var t = channel.thread(card.ts());
                return !t.isEmpty() && t.get(t.size() - 1).blocks() != null && t.get(t.size() - 1).blocks().contains(marker);
            });
            alice.repliesInThread(channel, card.ts(), a.getValue());
        }
        slack.await("the card shows the SEV1 deadline: five business days", () ->
                channel.message(card.ts()).visibleText().contains("due Mon 8 Mar 2027"));

        String notOwner = bob.runs("/coe deadline 2027-03-20 more time", channel).visibleText();
        assertTrue(notOwner.contains("Only the COE owner"), notOwner);
        String noReason = alice.runs("/coe deadline 2027-03-12", channel).visibleText();
        assertTrue(noReason.contains("Say why"), noReason);
        String past = alice.runs("/coe deadline 2027-02-01 oops", channel).visibleText();
        assertTrue(past.contains("in the past"), past);
        String garbled = alice.runs("/coe deadline soonish please", channel).visibleText();
        assertTrue(garbled.contains("could not read"), garbled);
        String moved = alice.runs("/coe deadline 2027-03-12 waiting for the vendor's analysis", channel).visibleText();
        assertTrue(moved.contains("due Fri 12 Mar 2027"), moved);
        channel.awaitReplyFromBot(card.ts(), "moved the deadline to Fri 12 Mar 2027: waiting for the vendor's analysis");
        slack.await("the card shows the new date", () -> channel.message(card.ts()).visibleText().contains("due Fri 12 Mar 2027"));
        String status = bob.runs("/coe status", channel).visibleText();
        assertTrue(status.contains("Status: Drafting") && status.contains("set by <@" + alice.id() + ">: waiting for the vendor"),
                status);
    }

    @Test
    void digestsListTheCoeToFinishAndToReviewTheCardSaysOverdueTheAgendaGoesOutOnceAndPublishingStopsIt() throws Exception {
        clock.setTo(Instant.parse("2027-03-01T07:00:00Z")); // Monday, before 09:00 UTC
        Person alice = ws.user("U0ALICE62", "alice", "UTC");
        Person bob = ws.user("U0BOB0062", "bob", "UTC");
        Channel agenda = ws.channel("coe-agenda");
        Channel channel = ws.channel("inc-reminders");
        alice.runs("/coe start Checkout 500s", channel);
        SlackMessage card = channel.awaitMessageFromBot(m -> m.visibleText().contains("Checkout 500s"));
        long coeId = app.bean(Coes.class).openIn(slack.teamId(), channel.id()).orElseThrow().id();
        new CompleteCoe(ws, slack, app, channel, card, coeId, alice, bob, DAY).build();
        alice.runs("/coe review <@" + bob.id() + "|bob>", channel);
        SlackMessage reviewDm = bob.awaitDm(m -> m.visibleText().contains("asks you to review"));

        // Monday 09:30 UTC: one digest each; bob's lists his action item and the COE to review
        clock.setTo(Instant.parse("2027-03-01T09:30:00Z"));
        NudgeRun nudges = app.bean(NudgeRun.class);
        assertTrue(nudges.run().digests() >= 2, "alice's and bob's (the app's other COEs have owners too)");
        SlackMessage alices = alice.awaitDm(m -> m.visibleText().contains("COEs waiting for you"));
        assertTrue(alices.visibleText().contains("Finish and publish") && alices.visibleText().contains("Checkout 500s")
                && alices.visibleText().contains("due Wed 10 Mar 2027 (in 9 days)"), "SEV2: 7 business days: " + alices.visibleText());
        SlackMessage bobs = bob.awaitDm(m -> m.visibleText().contains("COEs waiting for you"));
        assertTrue(bobs.visibleText().contains("Review *COE-") && bobs.visibleText().contains("open action item"),
                "one DM with both: " + bobs.visibleText());
        assertEquals(0, nudges.run().digests(), "never a second DM the same day");

        // Thursday 11 March, 10:00 UTC: the COE is overdue
        Instant thursday = Instant.parse("2027-03-11T10:00:00Z");
        clock.setTo(thursday);
        ReviewReminders reminders = app.bean(ReviewReminders.class);
        ExecutorService two = Executors.newFixedThreadPool(2);
        Callable<ReviewReminders.Report> run = () -> reminders.runAt(thursday);
        Future<ReviewReminders.Report> a = two.submit(run);
        Future<ReviewReminders.Report> b = two.submit(run);
        ReviewReminders.Report ra = a.get();
        ReviewReminders.Report rb = b.get();
        two.shutdown();
        assertEquals(1, ra.cardsMarkedOverdue() + rb.cardsMarkedOverdue(), "the card is redrawn once");
        assertEquals(1, ra.agendas() + rb.agendas(), "one agenda, whoever runs: " + ra + " " + rb);
        assertEquals(new ReviewReminders.Report(0, 0), reminders.runAt(thursday.plusSeconds(600)), "nothing twice");
        slack.await("the card says overdue", () -> channel.message(card.ts()).visibleText().contains("Overdue"));
        SlackMessage list = agenda.awaitMessageFromBot(m -> m.visibleText().contains("COE review agenda"));
        assertTrue(list.visibleText().contains("Overdue COEs (1)") && list.visibleText().contains("Waiting for review for more than 3 business days (1)")
                && list.visibleText().contains("Checkout 500s"), list.visibleText());
        assertEquals(1, agenda.botMessages().stream().filter(m -> m.visibleText().contains("COE review agenda")).count());

        // bob approves, alice publishes: from the next morning, nobody is reminded of this COE
        bob.clicks("Approve", reviewDm, bob.dm());
        channel.awaitReplyFromBot(card.ts(), "In review → *Approved*");
        assertTrue(alice.runs("/coe finish", channel).visibleText().contains("Publishing COE-"));
        clock.setTo(Instant.parse("2027-03-12T09:30:00Z"));
        int dmsBefore = alice.dms().size();
        assertTrue(nudges.run().digests() >= 1, "bob's, for his action item");
        SlackMessage friday = bob.awaitDm(m -> m.visibleText().contains("Good morning! You have 1 open action item")
                && !m.ts().equals(bobs.ts()));
        assertFalse(friday.visibleText().contains("COEs waiting for you"), friday.visibleText());
        assertEquals(dmsBefore, alice.dms().size(), "alice has nothing left to finish");
        int agendasBefore = agenda.botMessages().size();
        reminders.runAt(Instant.parse("2027-03-15T10:00:00Z"));
        slack.await("everything queued is sent", () -> app.unsentMessages() == 0);
        assertTrue(agenda.botMessages().stream().skip(agendasBefore).noneMatch(m -> m.visibleText().contains("Checkout 500s")),
                "a published COE is on no agenda: " + agenda.botMessages());
    }
}
