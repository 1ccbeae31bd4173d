package io.coebot.bench;

import io.coebot.sandbox.slack.FakeSlack;
import io.coebot.sandbox.slack.SlackMessage;
import io.coebot.sandbox.slack.SlackRequests;
import io.coebot.sandbox.slack.SlackResponse;
import io.coebot.sandbox.slack.SlackWorkspace;
import io.coebot.testing.RunningApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A redeploy sends SIGTERM while people are using the bot. The bot, in its own JVM as deployed, must answer the
 * request it is in the middle of, stop its PostgreSQL cleanly, and after the restart post what it had queued, once.
 */
class GracefulShutdownTest {

    @Test
    void aCommandInFlightAtSigtermIsAnsweredAndItsCardPostedOnce(@TempDir Path dir) throws Exception {
        try (FakeSlack slack = FakeSlack.start(RunningApp.BOT_TOKEN);
             AppProcess app = new AppProcess(dir, slack.apiUrl(), LoadBenchmark.freePort(), List.of("-Xmx256m"))) {
            slack.awaitTimeout(Duration.ofSeconds(120));
            app.startAndAwaitReady(Duration.ofSeconds(120));
            SlackRequests requests = new SlackRequests(app.baseUrl(), RunningApp.SIGNING_SECRET).withTimeout(Duration.ofSeconds(60));
            SlackWorkspace ws = new SlackWorkspace(slack, requests).requireAck(false);
            SlackWorkspace.Person alice = ws.user("U0GRACE01", "alice", "UTC");
            SlackWorkspace.Channel channel = ws.channel("inc-graceful");

            // Slack is slow to answer the command's look at the channel: the command is inside the app at SIGTERM.
            slack.slowNext("conversations.info", Duration.ofSeconds(3));
            CompletableFuture<SlackResponse> answer = CompletableFuture.supplyAsync(() -> alice.runs("/coe start Graceful stop", channel));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (slack.calls("conversations.info").isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(!slack.calls("conversations.info").isEmpty(), "the command reached the app");
            app.sendSigterm();

            SlackResponse r = answer.get(90, TimeUnit.SECONDS);
            assertEquals(200, r.status(), "the command in flight got its answer, not a dropped connection: " + r);
            assertTrue(r.visibleText().contains("COE-1"), r.visibleText());
            assertTrue(app.exitedWithin(Duration.ofSeconds(90)), "the bot stopped after SIGTERM");
            String log = app.log();
            assertTrue(log.contains("Embedded PostgreSQL stopped cleanly"), "PostgreSQL was stopped, not left to die:\n" + log);

            // Restarted on the same data, as a redeploy does: the card is in the channel (posted before the stop or
            // sent by the outbox now), and only once.
            app.startAndAwaitReady(Duration.ofSeconds(120));
            SlackMessage card = channel.awaitMessageFromBot("COE-1");
            // the first question comes after the card in the channel's order, so a card sent twice would be there by now
            channel.awaitMessageFromBot(m -> card.ts().equals(m.threadTs()));
            List<SlackMessage> cards = channel.botMessages().stream()
                    .filter(m -> !m.isReply() && m.visibleText().contains("COE-1")).toList();
            assertEquals(1, cards.size(), "one card: " + cards);
        }
    }
}
