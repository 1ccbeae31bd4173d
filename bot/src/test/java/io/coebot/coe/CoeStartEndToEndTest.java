package io.coebot.coe;

import io.coebot.testing.EndToEnd;
import io.coebot.sandbox.slack.SlackMessage;
import io.coebot.sandbox.slack.SlackResponse;
import io.coebot.sandbox.slack.SlackWorkspace.Channel;
import io.coebot.sandbox.slack.SlackWorkspace.Person;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `/coe start` and `/coe help`, through signed HTTP into the running app and a fake Slack. */
class CoeStartEndToEndTest extends EndToEnd {

    @Test
    void startPostsTheCardAndTheInterviewBeginsInItsThread() {
        Person alice = ws.user("U0ALICE01", "alice", "Europe/Paris");
        Channel incident = ws.channel("inc-checkout-outage");

        SlackResponse ack = alice.runs("/coe start Checkout outage", incident);

        assertEquals(200, ack.status());
        assertTrue(ack.visibleText().contains("Opening *COE-"), ack.visibleText());
        SlackMessage card = incident.awaitMessageFromBot(m -> m.visibleText().contains("Checkout outage"));
        String seen = card.visibleText();
        assertTrue(seen.matches("(?s).*COE-\\d+ · Checkout outage.*"), seen);
        assertTrue(seen.contains("<@U0ALICE01>"), "the card names the owner: " + seen);
        SlackMessage firstQuestion = incident.awaitReplyFromBot(card.ts(), "trigger");
        assertTrue(incident.thread(card.ts()).get(0).visibleText().contains("skip"),
                "the first message explains the controls: " + incident.thread(card.ts()));
        assertTrue(firstQuestion.visibleText().contains("trigger"), firstQuestion.visibleText());
        // the card was updated in place once the interview began: it shows the first section
        incident.awaitMessage(card.ts(), m -> m.visibleText().contains("Basics"));
    }

    /**
     * Two people start the COE of the same channel within a moment, in 200 channels at once: the second start falls
     * anywhere around the first card's post (before it, while it is being sent, just after), and each channel gets
     * exactly one card.
     */
    @Test
    void twoStartsCloseTogetherInEachOf200ChannelsMakeExactly200Cards() throws Exception {
        Person alice = ws.user("U0ALICE0A", "alice", "UTC");
        Person bob = ws.user("U0BOB000A", "bob", "UTC");
        java.util.List<Channel> channels = new java.util.ArrayList<>();
        for (int i = 0; i < 200; i++) {
            channels.add(ws.channel("inc-race-" + i));
        }
        java.util.Random random = new java.util.Random(20261129);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(16);
        try {
            java.util.List<java.util.concurrent.Future<?>> starts = new java.util.ArrayList<>();
            for (Channel c : channels) {
                long delay = random.nextInt(250);
                starts.add(pool.submit(() -> alice.runs("/coe start Race " + c.name(), c)));
                starts.add(pool.submit(() -> {
                    Thread.sleep(delay);
                    return bob.runs("/coe start Race " + c.name(), c);
                }));
            }
            for (var f : starts) {
                f.get(120, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdown();
        }
        for (Channel c : channels) {
            c.awaitMessageFromBot(m -> m.visibleText().contains("Race " + c.name()));
        }
        // every first question has followed its card: the outbox has nothing left for these channels
        for (Channel c : channels) {
            SlackMessage card = c.awaitMessageFromBot(m -> m.visibleText().contains("Race " + c.name()));
            c.awaitReplyFromBot(card.ts(), "trigger");
        }
        long cards = channels.stream().mapToLong(c -> c.messages().stream()
                .filter(m -> m.isFromBot() && m.visibleText().contains("Race " + c.name())).count()).sum();
        assertEquals(200, cards, "one card per channel");
    }

    @Test
    void aSecondStartPointsToTheExistingCoeInsteadOfMakingAnother() {
        Person alice = ws.user("U0ALICE02", "alice", "Europe/Paris");
        Person bob = ws.user("U0BOB0002", "bob", "America/New_York");
        Channel incident = ws.channel("inc-second-start");
        alice.runs("/coe start Queue backlog", incident);
        SlackMessage card = incident.awaitMessageFromBot(m -> m.visibleText().contains("Queue backlog"));
        incident.awaitReplyFromBot(card.ts(), "trigger");

        SlackResponse again = bob.runs("/coe start Something else", incident);

        assertTrue(again.visibleText().contains("already has"), again.visibleText());
        assertTrue(again.visibleText().contains("Queue backlog"), again.visibleText());
        assertTrue(again.visibleText().contains("/p" + card.ts().replace(".", "")), "links the card: " + again.visibleText());
        slack.await("no second card", () -> incident.botMessages().size() == 1);
        assertEquals(1, incident.botMessages().size(), incident.botMessages().toString());
    }

    @Test
    void startWhereTheBotIsNotAMemberExplainsHowToInviteIt() {
        Person alice = ws.user("U0ALICE03", "alice", "Europe/Paris");
        Channel outside = ws.channelWithoutBot("inc-bot-not-invited");

        SlackResponse ack = alice.runs("/coe start Payments down", outside);

        assertTrue(ack.visibleText().contains("/invite @coe-bot"), ack.visibleText());
        assertTrue(outside.messages().isEmpty());
        // once invited, the same command works
        outside.botJoins();
        alice.runs("/coe start Payments down", outside);
        outside.awaitMessageFromBot(m -> m.visibleText().contains("Payments down"));
    }

    @Test
    void startInADirectMessageSaysWhereToRunIt() {
        Person alice = ws.user("U0ALICE04", "alice", "Europe/Paris");

        SlackResponse ack = alice.runs("/coe start Oops", alice.dm());

        assertTrue(ack.visibleText().contains("incident channel"), ack.visibleText());
        assertTrue(alice.dms().isEmpty(), "nothing posted in the DM");
    }

    @Test
    void helpListsEverySubcommand() {
        Person alice = ws.user("U0ALICE05", "alice", "Europe/Paris");
        Channel incident = ws.channel("inc-help");

        String help = alice.runs("/coe help", incident).visibleText();

        for (String command : new String[]{"/coe start", "/coe resume", "/coe answers", "/coe whys", "/coe timeline",
                "/coe action", "/coe status", "/coe finish"}) {
            assertTrue(help.contains(command), command + " missing from " + help);
        }
        assertFalse(help.contains("coming soon"), "everything in the help is built: " + help);
        assertTrue(alice.runs("/coe", incident).visibleText().contains("/coe start"), "bare /coe shows the help");
    }

    @Test
    void anUnknownSubcommandGetsTheHelp() {
        Person alice = ws.user("U0ALICE06", "alice", "Europe/Paris");
        Channel incident = ws.channel("inc-unknown");

        String answer = alice.runs("/coe frobnicate now", incident).visibleText();

        assertTrue(answer.contains("I don't know `/coe frobnicate`"), answer);
        assertTrue(answer.contains("/coe start"), answer);
        assertTrue(incident.messages().isEmpty(), "nothing posted in the channel");
    }

    @Test
    void theCoeSurvivesARestart() {
        Person alice = ws.user("U0ALICE07", "alice", "Europe/Paris");
        Channel incident = ws.channel("inc-restart");
        alice.runs("/coe start Cache stampede", incident);
        incident.awaitMessageFromBot(m -> m.visibleText().contains("Cache stampede"));

        app.restart();

        String again = alice.runs("/coe start", incident).visibleText();
        assertTrue(again.contains("already has") && again.contains("Cache stampede"), again);
    }
}
