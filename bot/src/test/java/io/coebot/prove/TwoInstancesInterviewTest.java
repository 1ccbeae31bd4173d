package io.coebot.prove;

import io.coebot.coe.Coes;
import io.coebot.interview.Interviews;
import io.coebot.interview.InterviewState;
import io.coebot.interview.Questions;
import io.coebot.sandbox.slack.FakeSlack;
import io.coebot.testing.RunningApp;
import io.coebot.sandbox.slack.SlackMessage;
import io.coebot.sandbox.slack.SlackRequests;
import io.coebot.sandbox.slack.SlackWorkspace;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two instances behind one load balancer, one database: replies to the same interview reach either
 * instance, at the same moments. The thread reads as one conversation: every answer kept, each question
 * asked once.
 */
class TwoInstancesInterviewTest {
    @TempDir
    Path dataDir;

    @Test
    void interleavedRepliesThroughTwoInstancesMakeOneTranscript() throws Exception {
        try (EmbeddedPostgres db = EmbeddedPostgres.builder().start();
             FakeSlack slack = FakeSlack.start(RunningApp.BOT_TOKEN)) {
            Map<String, Object> shared = RunningApp.sharing(db);
            try (RunningApp one = RunningApp.start(slack.apiUrl(), dataDir.resolve("one"), shared);
                 RunningApp two = RunningApp.start(slack.apiUrl(), dataDir.resolve("two"), shared);
                 SlackWorkspace viaOne = new SlackWorkspace(slack, new SlackRequests(one.baseUrl(), RunningApp.SIGNING_SECRET));
                 SlackWorkspace viaTwo = new SlackWorkspace(slack, new SlackRequests(two.baseUrl(), RunningApp.SIGNING_SECRET))) {
                var alice = viaOne.user("U0ALICE97", "alice", "UTC");
                var bob = viaTwo.user("U0BOB0097", "bob", "UTC");
                var incident = viaOne.channel("inc-two-instances-interview");
                alice.runs("/coe start Two instances interview", incident);
                SlackMessage card = incident.awaitMessageFromBot(m -> m.visibleText().contains("Two instances interview"));
                long coeId = one.bean(Coes.class).openIn(slack.teamId(), incident.id()).orElseThrow().id();
                incident.awaitReplyFromBot(card.ts(), "trigger");

                // Times, one after the other but alternating instances.
                List<String> times = List.of("yesterday 09:00", "yesterday 09:10", "yesterday 09:40", "yesterday 10:00");
                for (int i = 0; i < times.size(); i++) {
                    String asked = one.bean(Interviews.class).find(coeId).orElseThrow().currentQuestionId();
                    (i % 2 == 0 ? alice : bob).repliesInThread(incident, card.ts(), times.get(i));
                    slack.await("the next question is on screen", () -> {
                        String now = two.bean(Interviews.class).find(coeId).orElseThrow().currentQuestionId();
                        var t = incident.thread(card.ts());
                        var last = t.get(t.size() - 1);
                        return !asked.equals(now) && last.isFromBot() && last.blocks() != null
                                && last.blocks().contains("interview|" + coeId + "|" + now);
                    });
                }
                String severity = one.bean(Interviews.class).find(coeId).orElseThrow().currentQuestionId();
                alice.repliesInThread(incident, card.ts(), "sev2");
                slack.await("services is on screen", () -> {
                    var t = incident.thread(card.ts());
                    var last = t.get(t.size() - 1);
                    return last.isFromBot() && last.blocks() != null
                            && last.blocks().contains("interview|" + coeId + "|" + Questions.SERVICES);
                });
                // Both at once, each through its own instance, to the same question.
                var a = CompletableFuture.runAsync(() -> alice.repliesInThread(incident, card.ts(), "checkout-api"));
                var b = CompletableFuture.runAsync(() -> bob.repliesInThread(incident, card.ts(), "and the payment gateway"));
                CompletableFuture.allOf(a, b).get();
                slack.await("both replies are taken", () -> one.bean(Interviews.class).find(coeId).orElseThrow()
                        .answers().values().stream().filter(x -> x.text().contains("payment gateway")
                                || x.text().contains("checkout-api")).mapToInt(x -> x.contributions().size()).sum() == 2);
                slack.await("both instances' outboxes are sent", () -> incident.thread(card.ts()).stream()
                        .anyMatch(m -> m.isFromBot() && m.visibleText().contains("How many customers")));

                InterviewState state = two.bean(Interviews.class).find(coeId).orElseThrow();
                for (String q : List.of(Questions.TRIGGER_AT, Questions.DETECTED_AT, Questions.MITIGATED_AT, Questions.RESOLVED_AT, severity)) {
                    assertTrue(state.answers().containsKey(q), q + " is answered: " + state.answers().keySet());
                }
                String services = state.answers().get(Questions.SERVICES).text();
                assertTrue(services.contains("checkout-api") || services.contains("payment gateway"), services);
                // Which of the two arrives first is up to the network: the other belongs to services when it was written
                // before the next question appeared, else it answers that question. Either way each is kept exactly once.
                for (String reply : List.of("checkout-api", "payment gateway")) {
                    assertEquals(1, state.answers().values().stream().filter(x -> x.text().contains(reply)).count(),
                            reply + " is kept once: " + state.answers());
                }
                // a duplicate would come from a message still queued: wait until nothing is, on the shared database
                slack.await("both outboxes are drained", () -> two.unsentMessages() == 0);
                List<SlackMessage> thread = incident.thread(card.ts());
                assertEquals(1, thread.stream().filter(m -> m.isFromBot() && m.visibleText().contains("How many customers")).count(),
                        "the next question is asked once: " + thread);
                for (String t : List.of("09:00 UTC", "09:10 UTC", "09:40 UTC", "10:00 UTC")) {
                    assertEquals(1, thread.stream().filter(m -> m.isFromBot() && m.visibleText().contains(t)).count(),
                            t + " is echoed once: " + thread);
                }
            }
        }
    }

}
