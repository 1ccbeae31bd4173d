package io.coebot.actions;

import io.coebot.sandbox.slack.SlackMessage;
import io.coebot.sandbox.slack.SlackWorkspace.Channel;
import io.coebot.sandbox.slack.SlackWorkspace.Person;
import io.coebot.testing.EndToEnd;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole app runs on one clock, so a test can move time: an item due tomorrow reads "overdue" three days later,
 * and the daily digest waits for 09:00 in its owner's zone. Nothing here passes a time in: the commands and the
 * nudge read the app's clock, which this test sets (a class of its own, since it moves the clock of its app).
 */
class ActionsOnTheAppClockEndToEndTest extends EndToEnd {

    @Test
    void theDigestWaitsForNineInTheOwnersZoneAndAnItemDueTomorrowIsOverdueThreeDaysLater() {
        // Monday 1 March 2027, 08:30 in Paris (UTC+1): the owner's morning has not come yet.
        clock.setTo(Instant.parse("2027-03-01T07:30:00Z"));
        Person alice = ws.user("U0ALICE91", "alice", "UTC");
        Person bob = ws.user("U0BOB0091", "bob", "Europe/Paris");
        Channel channel = ws.channel("inc-actions-clock");
        alice.runs("/coe start Checkout 500s", channel);
        channel.awaitMessageFromBot(m -> m.visibleText().contains("Checkout 500s"));

        String ack = alice.runs("/coe action Rotate the signing keys <@" + bob.id() + "> high due tomorrow", channel)
                .visibleText();
        assertTrue(ack.contains("Added to COE-"), ack);
        String mine = bob.runs("/coe actions mine", channel).visibleText();
        assertTrue(mine.contains("due Tue 2 Mar 2027 (tomorrow)"), "tomorrow is the app's tomorrow: " + mine);

        assertEquals(0, app.bean(NudgeRun.class).run().digests(), "08:30 in Paris is before the digest's 09:00");
        clock.advance(Duration.ofHours(1));
        assertEquals(1, app.bean(NudgeRun.class).run().digests(), "09:30 in Paris: bob's digest goes out");
        SlackMessage digest = bob.awaitDm(m -> m.visibleText().contains("Good morning! You have 1 open action item"));
        assertTrue(digest.visibleText().contains("(tomorrow)"), digest.visibleText());

        // Thursday 4 March, 09:30 in Paris.
        clock.advance(Duration.ofDays(3));
        String later = bob.runs("/coe actions mine", channel).visibleText();
        assertTrue(later.contains("overdue by 2 days"), "due Tuesday, read on Thursday: " + later);
        assertEquals(1, app.bean(NudgeRun.class).run().digests(), "Thursday's digest");
        bob.awaitDm(m -> m.visibleText().contains("Rotate the signing keys") && m.visibleText().contains("overdue by 2 days"));
    }
}
