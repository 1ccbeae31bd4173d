package io.coebot.prove;

import io.coebot.coe.Coes;
import io.coebot.sandbox.slack.FakeSlack;
import io.coebot.sandbox.slack.SlackMessage;
import io.coebot.sandbox.slack.SlackRequests;
import io.coebot.sandbox.slack.SlackWorkspace;
import io.coebot.testing.RunningApp;
import io.coebot.testing.TeamAnswers;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two instances on one database, each with its pool of outbox senders, and many incidents answering at once through
 * both: every message is posted exactly once, and in each channel in the order it was decided (an echo before the
 * next question, each question once), however the senders of the two instances share the channels out.
 */
class TwoInstancesOutboxTest {
    private static final int CHANNELS = 12;
    private static final List<String> BASICS = List.of("trigger_at", "detected_at", "mitigated_at", "resolved_at", "severity");

    @TempDir
    Path dataDir;

    private record Incident(SlackWorkspace.Channel channel, SlackWorkspace.Person person, SlackMessage card, long coeId) {}

    @Test
    void manyChannelsThroughTwoInstancesGetEachMessageOnceAndInOrder() throws Exception {
        try (EmbeddedPostgres db = EmbeddedPostgres.builder().start();
             FakeSlack slack = FakeSlack.start(RunningApp.BOT_TOKEN)) {
            Map<String, Object> shared = RunningApp.sharing(db);
            try (RunningApp one = RunningApp.start(slack.apiUrl(), dataDir.resolve("one"), shared);
                 RunningApp two = RunningApp.start(slack.apiUrl(), dataDir.resolve("two"), shared);
                 SlackWorkspace viaOne = new SlackWorkspace(slack, new SlackRequests(one.baseUrl(), RunningApp.SIGNING_SECRET));
                 SlackWorkspace viaTwo = new SlackWorkspace(slack, new SlackRequests(two.baseUrl(), RunningApp.SIGNING_SECRET))) {
                List<Incident> incidents = new ArrayList<>();
                for (int i = 0; i < CHANNELS; i++) {
                    SlackWorkspace via = i % 2 == 0 ? viaOne : viaTwo;
                    var person = via.user(String.format("U0PAR%04d", i), "person" + i, "UTC");
                    var channel = via.channel("inc-parallel-" + i);
                    person.runs("/coe start Parallel " + i, channel);
                    String title = "Parallel " + i;
                    SlackMessage card = channel.awaitMessageFromBot(m -> m.visibleText().contains(title));
                    long coeId = one.bean(Coes.class).openIn(slack.teamId(), channel.id()).orElseThrow().id();
                    incidents.add(new Incident(channel, person, card, coeId));
                }
                var answers = TeamAnswers.on(LocalDate.now(ZoneOffset.UTC).minusDays(1));
                // Each incident answers its basics as fast as the questions appear, alternating instances; all at once.
                List<CompletableFuture<Void>> all = new ArrayList<>();
                for (int i = 0; i < CHANNELS; i++) {
                    Incident in = incidents.get(i);
                    SlackWorkspace.Person viaOther = (i % 2 == 0 ? viaTwo : viaOne).user(in.person.id(), in.person.name(), "UTC");
                    all.add(CompletableFuture.runAsync(() -> {
                        for (int q = 0; q < BASICS.size(); q++) {
                            String question = BASICS.get(q);
                            in.channel.awaitReplyFromBot(in.card.ts(), m -> asks(m, in.coeId, question));
                            (q % 2 == 0 ? in.person : viaOther).repliesInThread(in.channel, in.card.ts(), answers.get(BASICS.get(q)));
                        }
                        in.channel.awaitReplyFromBot(in.card.ts(), m -> asks(m, in.coeId, "services"));
                    }));
                }
                CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get();
                slack.await("both instances' outboxes are empty", () -> one.unsentMessages() == 0);

                for (Incident in : incidents) {
                    List<SlackMessage> thread = in.channel.thread(in.card.ts());
                    List<SlackMessage> fromBot = thread.stream().filter(SlackMessage::isFromBot).toList();
                    List<Integer> asked = new ArrayList<>();
                    for (String question : List.of("trigger_at", "detected_at", "mitigated_at", "resolved_at", "severity", "services")) {
                        List<Integer> at = new ArrayList<>();
                        for (int k = 0; k < fromBot.size(); k++) {
                            if (asks(fromBot.get(k), in.coeId, question)) {
                                at.add(k);
                            }
                        }
                        assertEquals(1, at.size(), question + " asked once in " + in.channel + ": " + thread);
                        assertTrue(asked.isEmpty() || at.get(0) > asked.get(asked.size() - 1),
                                question + " in its order in " + in.channel + ": " + thread);
                        asked.add(at.get(0));
                    }
                    List<String> times = List.of("14:05 UTC", "14:43 UTC", "15:20 UTC", "16:00 UTC");
                    for (int t = 0; t < times.size(); t++) {
                        String time = times.get(t);
                        List<Integer> echoed = new ArrayList<>();
                        for (int k = 0; k < fromBot.size(); k++) {
                            if (fromBot.get(k).visibleText().startsWith("Got it") && fromBot.get(k).visibleText().contains(time)) {
                                echoed.add(k);
                            }
                        }
                        assertEquals(1, echoed.size(), time + " echoed once in " + in.channel + ": " + thread);
                        // the echo answers its question and comes before the next one is asked
                        assertTrue(asked.get(t) < echoed.get(0) && echoed.get(0) < asked.get(t + 1),
                                time + "'s echo between its question and the next in " + in.channel + ": " + thread);
                    }
                }
                assertEquals(List.of(), slack.refusals(), "Slack refused nothing");
            }
        }
    }

    private static boolean asks(SlackMessage m, long coeId, String question) {
        return m.isFromBot() && m.blocks() != null && m.blocks().contains("interview|" + coeId + "|" + question + "\"");
    }

}
