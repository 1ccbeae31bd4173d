package io.coebot.prove;

import io.coebot.actions.ActionItems;
import io.coebot.coe.Coes;
import io.coebot.sandbox.slack.SlackMessage;
import io.coebot.sandbox.slack.SlackWorkspace.Channel;
import io.coebot.sandbox.slack.SlackWorkspace.Person;
import io.coebot.testing.EndToEnd;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * People write long: a 5 Whys problem of 5,000 characters, a cause and a fix of 30,000, and an action item of
 * 39,000 typed as a command. Every message the bot sends about them fits Slack's limits (EndToEnd fails the test on
 * any refusal), says where the rest is, and the database keeps every character.
 */
class LongTextEndToEndTest extends EndToEnd {

    private static String words(String seed, int length) {
        StringBuilder sb = new StringBuilder();
        for (int n = 0; sb.length() < length; n++) {
            sb.append(seed).append(' ').append(n).append(". ");
        }
        return sb.substring(0, length).strip();
    }

    @Test
    void longProblemsCausesAndItemsAreShownCutAndKeptWhole() {
        Person alice = ws.user("U0ALICE95", "alice", "UTC");
        Person bob = ws.user("U0BOB0095", "bob", "UTC");
        Channel channel = ws.channel("inc-long-texts");
        alice.runs("/coe start Long texts", channel);
        channel.awaitMessageFromBot(m -> m.visibleText().contains("Long texts"));
        long coeId = app.bean(Coes.class).openIn(slack.teamId(), channel.id()).orElseThrow().id();

        String problem = words("The checkout page failed for everyone in the region", 5_000);
        alice.runs("/coe whys", channel);
        SlackMessage root = channel.awaitMessageFromBot(m -> m.visibleText().contains("5 Whys #1") && !m.isReply());
        // the session owns its thread once its first words are in it
        channel.awaitReplyFromBot(root.ts(), "Each reply in this thread answers");
        alice.repliesInThread(channel, root.ts(), problem);
        channel.awaitReplyFromBot(root.ts(), "Why #1");
        slack.await("the root shows the start of the problem and where the rest is", () ->
                channel.message(root.ts()).visibleText().contains("(continued in the thread)"));

        String cause = words("The payments client retried without any backoff", 30_000);
        alice.repliesInThread(channel, root.ts(), cause);
        SlackMessage why2 = channel.awaitReplyFromBot(root.ts(), "Why #2");
        alice.clicks("Root cause", why2, channel);
        channel.awaitReplyFromBot(root.ts(), "three checks");
        alice.repliesInThread(channel, root.ts(), "1. yes 2. a load test would have shown it 3. no");
        channel.awaitReplyFromBot(root.ts(), "What would prevent root cause 1?");
        alice.repliesInThread(channel, root.ts(), words("Add exponential backoff and a retry budget", 30_000));
        channel.awaitReplyFromBot(root.ts(), "These 5 Whys are complete");

        alice.runs("/coe actions", channel);
        var list = channel.awaitEphemeralFor(alice, e -> e.visibleText().contains("Draft from 5 Whys #1"));
        alice.clicks("Complete", list);
        alice.awaitOpenView("actions.create");
        String fix = words("Add exponential backoff and a retry budget", 3_000);
        alice.submits("actions.create", java.util.Map.of(
                "text", java.util.Map.of("text", fix),
                "owner", java.util.Map.of("owner", bob.id()),
                "priority", java.util.Map.of("priority", "high"),
                "due", java.util.Map.of("due", LocalDate.now(ZoneOffset.UTC).plusDays(14).toString())));
        String item = words("Load test the checkout client", 39_000);
        alice.runs("/coe action " + item + " <@" + bob.id() + "> high", channel);
        slack.await("both items are stored", () -> app.bean(ActionItems.class).ofCoe(coeId).size() == 2);
        bob.awaitDm(m -> m.visibleText().contains("Load test the checkout client"));
        alice.runs("/coe actions", channel);
        slack.await("the notices are in the card's thread", () -> channel.messages().stream()
                .flatMap(m -> channel.thread(m.ts()).stream())
                .filter(m -> m.isFromBot() && m.visibleText().contains("added an action item")).count() == 2);

        var items = app.bean(ActionItems.class).ofCoe(coeId);
        assertTrue(items.stream().anyMatch(i -> i.text().equals(item)), "the 39,000 characters are kept whole");
        assertTrue(items.stream().anyMatch(i -> i.causeText() != null && i.causeText().contains(cause)),
                "the 30,000-character cause is kept whole with its item");
        assertEquals(0, slack.refusals().size(), slack.refusals().toString());
    }
}
