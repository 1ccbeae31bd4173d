package io.coebot.actions;

import io.coebot.coe.Coes;
import io.coebot.testing.EndToEnd;
import io.coebot.sandbox.slack.SlackMessage;
import io.coebot.sandbox.slack.SlackResponse;
import io.coebot.sandbox.slack.SlackWorkspace.Channel;
import io.coebot.sandbox.slack.SlackWorkspace.Person;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Action items as a team uses them: created from the card's modal or `/coe action`, changed from lists and
 * DMs by the people allowed to, and the daily digest that lands in each owner's morning.
 */
class ActionsEndToEndTest extends EndToEnd {

    final class Coe {
        final Channel channel;
        final long coeId;
        final SlackMessage card;

        Coe(String channelName, Person owner) {
            channel = ws.channel(channelName);
            owner.runs("/coe start Checkout 500s", channel);
            card = channel.awaitMessageFromBot(m -> m.visibleText().contains("Checkout 500s"));
            coeId = app.bean(Coes.class).openIn(slack.teamId(), channel.id()).orElseThrow().id();
        }

        List<ActionItem> items() {
            return app.bean(ActionStore.class).ofCoe(coeId);
        }

        SlackMessage awaitInThread(String fragment) {
            return channel.awaitReplyFromBot(card.ts(), fragment);
        }
    }

    private static String inDays(int days) {
        return LocalDate.now(ZoneId.of("Pacific/Kiritimati")).plusDays(days).toString();
    }

    @Test
    void anItemCreatedThroughTheModalIsAnnouncedAndItsOwnerIsTold() {
        Person alice = ws.user("U0ALICE61", "alice", "Europe/Paris");
        Person bob = ws.user("U0BOB0061", "bob", "America/New_York");
        Coe coe = new Coe("inc-actions-modal", alice);

        alice.clicks("Add action item", coe.card, coe.channel);
        alice.awaitOpenView(ActionForms.CREATE);
        SlackResponse past = alice.submits(ActionForms.CREATE, Map.of(
                "text", Map.of("text", "Alarm on checkout error rate"),
                "owner", Map.of("owner", bob.id()),
                "due", Map.of("due", "2020-01-01")));
        assertTrue(past.body().contains("is in the past"), "a past due date is refused in the form: " + past.body());
        assertTrue(coe.items().isEmpty());

        String due = inDays(10);
        alice.submits(ActionForms.CREATE, Map.of(
                "text", Map.of("text", "Alarm on checkout error rate"),
                "owner", Map.of("owner", bob.id()),
                "priority", Map.of("priority", "high"),
                "due", Map.of("due", due),
                "type", Map.of("type", "detection"),
                "tracker", Map.of("tracker", "https://tracker.example.com/OPS-42")));

        SlackMessage said = coe.awaitInThread("added an action item for <@" + bob.id() + ">");
        assertTrue(said.visibleText().contains("*Alarm on checkout error rate*"), said.visibleText());
        assertTrue(said.visibleText().contains("high"), said.visibleText());
        SlackMessage dm = bob.awaitDm(m -> m.visibleText().contains("made you the owner of an action item"));
        assertTrue(dm.buttons().stream().anyMatch(b -> b.label().equals("Done")), dm.buttons().toString());
        ActionItem item = coe.items().get(0);
        assertEquals(Priority.HIGH, item.priority());
        assertEquals(LocalDate.parse(due), item.due());
        assertEquals(ActionType.DETECTION, item.type());
        assertEquals("https://tracker.example.com/OPS-42", item.trackerUrl());
        slack.await("the card counts the item", () ->
                coe.channel.message(coe.card.ts()).visibleText().contains("Action items (1 open, 0 closed)"));
    }

    @Test
    void theCommandTracksAnItemWithAnOwnerAndOpensTheFormWithoutOne() {
        Person alice = ws.user("U0ALICE62", "alice", "UTC");
        Person bob = ws.user("U0BOB0062", "bob", "UTC");
        Coe coe = new Coe("inc-actions-command", alice);

        String ack = alice.runs("/coe action Rotate the signing keys <@" + bob.id() + "> high due " + inDays(5), coe.channel)
                .visibleText();
        assertTrue(ack.contains("Added to COE-"), ack);
        assertEquals(List.of("Rotate the signing keys"), coe.items().stream().map(ActionItem::text).toList());
        assertEquals(bob.id(), coe.items().get(0).owner());

        String bad = alice.runs("/coe action Fix it <@" + bob.id() + "> due 2026-13-40", coe.channel).visibleText();
        assertTrue(bad.contains("YYYY-MM-DD"), bad);

        String noOwner = alice.runs("/coe action Add a canary stage", coe.channel).visibleText();
        assertTrue(noOwner.contains("Pick one person in the form"), noOwner);
        var form = alice.awaitOpenView(ActionForms.CREATE);
        assertTrue(form.json().toString().contains("Add a canary stage"), "the form keeps what was typed");
        assertEquals(1, coe.items().size(), "nothing tracked until an owner is picked");
    }

    /**
     * Issue 15, item 13: the same item read "due in 12 days" in one message and "due in 13 days" in the thread
     * and the DM. Kiritimati (UTC+14) and Pago Pago (UTC-11) never share a date, so the two always disagree on
     * the count: each person reads their own, and the channel, read by both, reads the date itself.
     */
    @Test
    void aDueDateIsCountedOnEachReadersCalendarAndTheChannelReadsTheDate() {
        Person alice = ws.user("U0ALICE68", "alice", "Pacific/Kiritimati");
        Person bob = ws.user("U0BOB0068", "bob", "Pacific/Pago_Pago");
        Coe coe = new Coe("inc-actions-due-words", alice);
        LocalDate due = LocalDate.now(ZoneId.of("Pacific/Pago_Pago")).plusDays(13);
        String date = DateTimeFormatter.ofPattern("EEE d MMM uuuu", Locale.ENGLISH).format(due);

        String ack = alice.runs("/coe action Validate the config schema <@" + bob.id() + "> due " + due, coe.channel)
                .visibleText();
        String alicesCount = "in " + ChronoUnit.DAYS.between(LocalDate.now(ZoneId.of("Pacific/Kiritimati")), due) + " days)";
        assertTrue(ack.contains("due " + date) && ack.contains(alicesCount), "alice reads her own count: " + ack);

        SlackMessage said = coe.awaitInThread("added an action item for <@" + bob.id() + ">");
        assertTrue(said.visibleText().contains("due " + date), said.visibleText());
        assertFalse(said.visibleText().matches("(?s).*(in \\d+ days|due in|tomorrow|today|overdue by).*"),
                "the channel has readers on both calendars, so it reads the date, not a count: " + said.visibleText());

        SlackMessage dm = bob.awaitDm(m -> m.visibleText().contains("made you the owner of an action item"));
        assertTrue(dm.visibleText().contains("due " + date) && dm.visibleText().contains("in 13 days)"),
                "bob reads his own count: " + dm.visibleText());
        String list = alice.runs("/coe actions", coe.channel).visibleText();
        assertTrue(list.contains(alicesCount), "alice's list counts on her calendar: " + list);
    }

    @Test
    void onlyTheOwnerOrTheCoeOwnerMayChangeAnItemAndEveryChangeIsAnnounced() {
        Person alice = ws.user("U0ALICE63", "alice", "UTC");
        Person bob = ws.user("U0BOB0063", "bob", "UTC");
        Person carol = ws.user("U0CAROL63", "carol", "UTC");
        Coe coe = new Coe("inc-actions-perms", alice);
        alice.runs("/coe action Add a retry budget <@" + bob.id() + "> due " + inDays(7), coe.channel);

        carol.runs("/coe actions", coe.channel);
        var list = coe.channel.awaitEphemeralFor(carol, e -> e.visibleText().contains("Add a retry budget"));
        carol.clicks("Done", list);
        var refused = coe.channel.awaitEphemeralFor(carol, e -> e.visibleText().contains("can change this item"));
        assertTrue(refused.visibleText().contains("Only <@" + bob.id() + "> (the item's owner) or <@" + alice.id()
                + "> (the COE owner) can change this item."), refused.visibleText());
        assertEquals(ActionStatus.OPEN, coe.items().get(0).status());

        alice.runs("/coe actions", coe.channel);
        var mine = coe.channel.awaitEphemeralFor(alice, e -> e.visibleText().contains("Add a retry budget"));
        alice.clicks("Won't do", mine);
        alice.awaitOpenView(ActionForms.WONT_DO);
        alice.submits(ActionForms.WONT_DO, Map.of("reason", Map.of("reason", "Replaced by the circuit breaker work")));
        coe.awaitInThread("decided not to do *Add a retry budget*: Replaced by the circuit breaker work");
        assertEquals(ActionStatus.WONT_DO, coe.items().get(0).status());
    }

    @Test
    void aDigestRunAtAFixedClockDmsEachOwnerOnceAndDoneInTheDmClosesTheItem() {
        Person alice = ws.user("U0ALICE64", "alice", "UTC");
        Person bob = ws.user("U0BOB0064", "bob", "America/New_York");
        Person dana = ws.user("U0DANA064", "dana", "Asia/Tokyo");
        Coe coe = new Coe("inc-actions-digest", alice);
        alice.runs("/coe action Page on checkout errors <@" + bob.id() + "> high due " + inDays(30), coe.channel);
        alice.runs("/coe action Load test the pool <@" + dana.id() + "> due " + inDays(30), coe.channel);

        // Monday 09:30 in New York is Monday 23:30 in Tokyo: both mornings have come.
        Instant mondayMorningInNewYork = Instant.parse("2026-11-23T14:30:00Z");
        NudgeRun.Report first = app.bean(NudgeRun.class).runAt(mondayMorningInNewYork);
        NudgeRun.Report again = app.bean(NudgeRun.class).runAt(mondayMorningInNewYork.plusSeconds(300));

        // (other tests' owners in this app get theirs too)
        assertTrue(first.digests() >= 2, first.toString());
        assertEquals(0, again.digests(), "one digest per owner per local day: " + again);
        SlackMessage digest = bob.awaitDm(m -> m.visibleText().contains("Good morning! You have 1 open action item"));
        assertTrue(digest.visibleText().contains("Page on checkout errors"), digest.visibleText());
        assertTrue(digest.visibleText().matches("(?s).*due \\w{3} \\d+ \\w{3} \\d{4} \\(in \\d+ days\\).*"), digest.visibleText());
        dana.awaitDm(m -> m.visibleText().contains("Load test the pool"));
        assertEquals(1, bob.dms().stream().filter(m -> m.visibleText().contains("Good morning")).count(), "exactly one digest");

        bob.clicks("Done", digest, bob.dm());
        coe.awaitInThread("<@" + bob.id() + "> marked *Page on checkout errors* done.");
        assertEquals(ActionStatus.DONE, coe.items().stream().filter(i -> i.owner().equals(bob.id())).findFirst()
                .orElseThrow().status());

        // Saturday in New York: no digest, even with an open item.
        alice.runs("/coe action Review the runbook <@" + bob.id() + "> due " + inDays(30), coe.channel);
        assertEquals(0, app.bean(NudgeRun.class).runAt(Instant.parse("2026-11-28T15:00:00Z")).digests());
    }

    @Test
    void mineListsMyOpenItemsButNotThoseOfAPrivateChannelIAmNotIn() {
        Person alice = ws.user("U0ALICE65", "alice", "UTC");
        Person bob = ws.user("U0BOB0065", "bob", "UTC");
        Coe open = new Coe("inc-actions-public", alice);
        alice.runs("/coe action Public fix <@" + bob.id() + "> due " + inDays(9), open.channel);
        Channel secret = ws.privateChannel("inc-actions-secret");
        slack.addMember(secret.id(), alice.id());
        alice.runs("/coe start Secret incident", secret);
        secret.awaitMessageFromBot(m -> m.visibleText().contains("Secret incident"));
        alice.runs("/coe action Secret fix <@" + bob.id() + "> due " + inDays(9), secret);

        String mine = bob.runs("/coe actions mine", open.channel).visibleText();

        assertTrue(mine.contains("Public fix"), mine);
        assertTrue(!mine.contains("Secret fix"), "a private channel's item stays private: " + mine);
        assertTrue(mine.contains("1 more item is in a private channel you are not in"), mine);

        slack.addMember(secret.id(), bob.id());
        String member = bob.runs("/coe actions mine", open.channel).visibleText();
        assertTrue(member.contains("Secret fix"), member);
    }

    @Test
    void aFixFromThe5WhysIsCompletedIntoAnItemLinkedToItsRootCause() {
        Person alice = ws.user("U0ALICE66", "alice", "UTC");
        Person bob = ws.user("U0BOB0066", "bob", "UTC");
        Coe coe = new Coe("inc-actions-whys", alice);
        alice.runs("/coe whys Checkout errors", coe.channel);
        SlackMessage root = coe.channel.awaitMessageFromBot(m -> m.visibleText().contains("5 Whys #1") && !m.isReply());
        coe.channel.awaitReplyFromBot(root.ts(), "Why #1");
        String[] causes = {"Timeouts", "Pool exhausted", "Pool too small", "Size hard-coded", "No capacity review"};
        SlackMessage last = null;
        for (int i = 0; i < causes.length; i++) {
            alice.repliesInThread(coe.channel, root.ts(), causes[i]);
            last = coe.channel.awaitReplyFromBot(root.ts(), "Why #" + (i + 2));
        }
        alice.clicks("Root cause", last, coe.channel);
        coe.channel.awaitReplyFromBot(root.ts(), "What would prevent root cause 1.1.1.1.1?");
        alice.repliesInThread(coe.channel, root.ts(), "Add client libraries to the capacity review");
        coe.channel.awaitReplyFromBot(root.ts(), "These 5 Whys are complete");

        alice.runs("/coe actions", coe.channel);
        var list = coe.channel.awaitEphemeralFor(alice, e -> e.visibleText().contains("Draft from 5 Whys #1, root cause 1.1.1.1.1"));
        assertTrue(list.visibleText().contains("Add client libraries to the capacity review"), list.visibleText());
        alice.clicks("Complete", list);
        var form = alice.awaitOpenView(ActionForms.CREATE);
        assertTrue(form.json().toString().contains("Add client libraries to the capacity review"), "the form holds the fix");
        alice.submits(ActionForms.CREATE, Map.of(
                "text", Map.of("text", "Add client libraries to the capacity review"),
                "owner", Map.of("owner", bob.id()),
                "due", Map.of("due", inDays(12))));

        coe.awaitInThread("added an action item for <@" + bob.id() + ">");
        // the list alice pressed Complete on is replaced: the draft has become an item, and it says so
        var refreshed = coe.channel.awaitEphemeralFor(alice,
                e -> e.messageTs().equals(list.messageTs()) && e.visibleText().contains("Added"));
        assertTrue(!refreshed.visibleText().contains("Draft from") && refreshed.buttons().stream().noneMatch(b -> b.label().equals("Complete")),
                "no stale draft: " + refreshed.visibleText());
        assertTrue(refreshed.visibleText().contains("Add client libraries to the capacity review"), refreshed.visibleText());
        ActionItem item = coe.items().get(0);
        assertEquals("root cause 1.1.1.1.1 of 5 Whys #1: No capacity review", item.causeText());
        String again = alice.runs("/coe actions", coe.channel).visibleText();
        assertTrue(!again.contains("Draft from"), "a completed draft is not offered again: " + again);
        assertTrue(again.contains("Fixes:"), again);
    }

    @Test
    void aDigestNeverShowsAPrivateChannelsItemToSomeoneOutsideIt() {
        Person alice = ws.user("U0ALICE67", "alice", "UTC");
        Person bob = ws.user("U0BOB0067", "bob", "UTC");
        Coe open = new Coe("inc-actions-digest-public", alice);
        alice.runs("/coe action Public digest fix <@" + bob.id() + "> due " + inDays(9), open.channel);
        Channel secret = ws.privateChannel("inc-actions-digest-secret");
        slack.addMember(secret.id(), alice.id());
        alice.runs("/coe start Secret digest incident", secret);
        secret.awaitMessageFromBot(m -> m.visibleText().contains("Secret digest incident"));
        alice.runs("/coe action Secret digest fix <@" + bob.id() + "> due " + inDays(9), secret);

        app.bean(NudgeRun.class).runAt(Instant.parse("2026-11-26T14:30:00Z"));
        SlackMessage thursday = bob.awaitDm(m -> m.visibleText().contains("Good morning") && m.visibleText().contains("Public digest fix"));
        assertTrue(!thursday.visibleText().contains("Secret digest fix"), "not a member: " + thursday.visibleText());

        slack.addMember(secret.id(), bob.id());
        app.bean(NudgeRun.class).runAt(Instant.parse("2026-11-27T14:30:00Z"));
        SlackMessage friday = bob.awaitDm(m -> m.visibleText().contains("Good morning") && m.visibleText().contains("Secret digest fix"));
        assertTrue(friday.visibleText().contains("You have 2 open action items"), friday.visibleText());
    }
}
