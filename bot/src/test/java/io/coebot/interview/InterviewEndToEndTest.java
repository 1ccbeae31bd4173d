package io.coebot.interview;

import io.coebot.coe.Coe;
import io.coebot.coe.Coes;
import io.coebot.testing.EndToEnd;
import io.coebot.sandbox.slack.SlackMessage;
import io.coebot.sandbox.slack.SlackWorkspace.Channel;
import io.coebot.sandbox.slack.SlackWorkspace.Person;
import io.coebot.store.ThreadRoutes;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The interview as a team lives it: `/coe start`, then replies in the card's thread, through
 * signed events and a fake Slack, read back as a person in the channel reads the thread.
 */
class InterviewEndToEndTest extends EndToEnd {

    /** One COE in one channel, and the steps a story is told in. */
    final class Incident {
        final Channel channel;
        final SlackMessage card;
        final long coeId;

        Incident(String channelName, Person opener, String title) {
            channel = ws.channel(channelName);
            opener.runs("/coe start " + title, channel);
            card = channel.awaitMessageFromBot(m -> m.visibleText().contains(title));
            Coe coe = app.bean(Coes.class).openIn(slack.teamId(), channel.id()).orElseThrow();
            coeId = coe.id();
            awaitQuestion(Questions.TRIGGER_AT);
        }

        List<SlackMessage> thread() {
            return channel.thread(card.ts());
        }

        /** The bot has asked this question: a message with the question's buttons, after everything else. */
        SlackMessage awaitQuestion(String questionId) {
            String marker = "interview|" + coeId + "|" + questionId;
            slack.await("the bot asks " + questionId, () -> {
                var t = thread();
                return !t.isEmpty() && t.get(t.size() - 1).isFromBot() && t.get(t.size() - 1).blocks() != null
                        && t.get(t.size() - 1).blocks().contains(marker);
            });
            var t = thread();
            return t.get(t.size() - 1);
        }

        /** The question is in the thread, though other bot messages may have come after it. */
        void awaitAsked(String questionId) {
            String marker = "interview|" + coeId + "|" + questionId;
            slack.await("the bot has asked " + questionId, () -> thread().stream()
                    .anyMatch(m -> m.isFromBot() && m.blocks() != null && m.blocks().contains(marker)));
        }

        SlackMessage reply(Person who, String text) {
            return who.repliesInThread(channel, card.ts(), text);
        }

        /** Replies and waits for the next question. */
        SlackMessage answer(Person who, String text, String nextQuestionId) {
            reply(who, text);
            return awaitQuestion(nextQuestionId);
        }

        /** Answers each question of the happy path in turn (times yesterday, an hour apart) until {@code questionId} is asked. */
        void answerTheHappyPathUntil(Person who, String questionId) {
            for (String id : Conversation.HAPPY_PATH.subList(0, Conversation.HAPPY_PATH.indexOf(questionId))) {
                awaitQuestion(id);
                reply(who, id.endsWith("_at") ? "yesterday " + (10 + Conversation.HAPPY_PATH.indexOf(id)) + ":00"
                        : Conversation.ANSWERS.get(id));
            }
            awaitQuestion(questionId);
        }

        SlackMessage awaitBotSaying(String fragment) {
            return channel.awaitReplyFromBot(card.ts(), fragment);
        }

        long botRepliesContaining(String fragment) {
            return thread().stream().filter(SlackMessage::isFromBot).filter(m -> m.visibleText().contains(fragment)).count();
        }
    }

    @Test
    void aWholeInterviewFromStartToTheAcceptedSummary() {
        Person alice = ws.user("U0ALICE31", "alice", "Europe/Paris");
        Person bob = ws.user("U0BOB0031", "bob", "America/New_York");
        Incident inc = new Incident("inc-whole-interview", alice, "Checkout 500s");

        // two days ago, so that it is a past date in Paris and in New York alike
        String day = java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(2).toString();
        inc.answer(alice, day + " 14:05", Questions.DETECTED_AT);
        assertEquals(1, inc.botRepliesContaining("13:05 UTC (14:05 Europe/Paris)"), "echoes UTC and local: " + inc.thread());
        inc.answer(bob, day + " 08:43", Questions.MITIGATED_AT); // New York: 13:43 UTC
        assertEquals(1, inc.botRepliesContaining("13:43 UTC (08:43 America/New_York)"), inc.thread().toString());
        inc.answer(alice, day + " 15:30", Questions.RESOLVED_AT);
        inc.answer(alice, day + " 16:00", Questions.SEVERITY);
        SlackMessage severity = inc.awaitQuestion(Questions.SEVERITY);
        alice.clicks("SEV2", severity, inc.channel);
        inc.awaitQuestion(Questions.SERVICES);
        inc.reply(bob, "(which services did the canary cover?)");
        inc.answer(alice, "checkout-api and payments-gateway", Questions.CUSTOMERS_AFFECTED);
        inc.answer(bob, "about 12,000 customers", Questions.CUSTOMER_EXPERIENCE);
        inc.answer(alice, "Checkout failed with an error page", Questions.IMPACT_SEVERITY);
        inc.answer(alice, "No data lost; the SLA was breached for two enterprise customers", Questions.SECOND_ORDER_IMPACT);
        inc.answer(bob, "skip", Questions.NFR);
        SlackMessage nfr = inc.awaitQuestion(Questions.NFR);
        alice.selects(InterviewMessages.PICK_MANY, List.of("reliability", "performance_efficiency"), nfr, inc.channel);
        inc.awaitQuestion(Questions.CONSEQUENCES);
        inc.answer(alice, "Two escalations from enterprise accounts", Questions.DETECTION_HOW);
        inc.answer(bob, "monitoring", Questions.DETECTION_HALVE);
        inc.answer(bob, "Alarm on checkout error rate instead of latency", Questions.UNDERLYING_CAUSE);
        inc.answer(alice, "A config push removed the connection pool limit", Questions.INTERNAL_ACTIVITY);
        inc.answer(alice, "yes, a database maintenance window", Questions.ACTIVITY_ANNOUNCED);
        inc.answer(alice, "no", Questions.OWNER_KNEW);
        inc.answer(bob, "The checkout owner did not know", Questions.BACKLOG_TASK);
        inc.answer(bob, "A ticket existed but was deprioritised", Questions.DIAGNOSIS_HALVE);
        inc.answer(alice, "Link config pushes to the deploy dashboard", Questions.MITIGATED_CONFIRM);
        inc.answer(alice, "yes", Questions.RESTORED_HOW);
        inc.answer(alice, "Error rate back under 0.1% for an hour", Questions.MITIGATION_FOUND);
        inc.answer(bob, "Rolled back the config push", Questions.MITIGATION_HALVE);
        inc.answer(bob, "A one-click config rollback", Questions.PREVENTION);
        inc.answer(alice, "Validate pool limits in CI", Questions.METRICS);
        inc.answer(alice, "none", Questions.MONITORING_HOW);
        inc.answer(alice, "Only latency alarms", Questions.LESSONS);
        inc.answer(bob, "Config is code: review it like code", Questions.RELATED);
        // the skipped question comes back before the summary
        inc.answer(alice, "none", Questions.SECOND_ORDER_IMPACT);
        SlackMessage summary = inc.answer(bob, "The support queue tripled for a day", Questions.SUMMARY);
        assertTrue(summary.visibleText().contains("12,000"), "the draft uses the answers: " + summary.visibleText());

        alice.clicks("Accept this draft", summary, inc.channel);

        inc.awaitBotSaying("That's the whole interview");
        InterviewState state = app.bean(InterviewService.class).stateOf(inc.coeId).orElseThrow();
        assertEquals(InterviewStatus.COMPLETE, state.status());
        assertEquals("none", state.answers().get(Questions.METRICS).value(), "no metrics is recorded as a finding");
        assertEquals(List.of("U0BOB0031"), state.answers().get(Questions.CUSTOMERS_AFFECTED).contributors(), "attribution");
        assertEquals("reliability,performance_efficiency", state.answers().get(Questions.NFR).value());
        assertFalse(state.answers().containsKey("services") && state.answers().get("services").text().contains("canary"),
                "a // remark is not an answer");
        // as a person reads it: every question was asked exactly once, except the skipped one, asked twice
        String asked = inc.thread().stream().filter(SlackMessage::isFromBot).map(SlackMessage::blocks)
                .map(b -> b == null ? "" : b).collect(Collectors.joining("\n"));
        for (Question q : Questions.all()) {
            int times = count(asked, "interview|" + inc.coeId + "|" + q.id() + "\"");
            assertEquals(q.id().equals(Questions.SECOND_ORDER_IMPACT) ? 2 : 1, times, q.id() + " asked " + times + " times");
        }
        // the card shows the whole interview done
        inc.channel.awaitMessage(inc.card.ts(), m -> m.visibleText().contains("Interview complete")
                && m.visibleText().contains("Summary (1/1)"));
    }

    @Test
    void aBadTimeIsAskedAgainWithAnExampleAndNothingIsLost() {
        Person alice = ws.user("U0ALICE32", "alice", "Europe/Paris");
        Incident inc = new Incident("inc-bad-time", alice, "Bad time");

        inc.reply(alice, "around lunch");
        inc.awaitBotSaying("around lunch");
        SlackMessage last = inc.thread().get(inc.thread().size() - 1);
        assertTrue(last.visibleText().contains("14:05"), "gives an example: " + last.visibleText());

        inc.answer(alice, "yesterday 12:10", Questions.DETECTED_AT);
        inc.reply(alice, "yesterday 11:00");
        inc.awaitBotSaying("before");
        InterviewState state = app.bean(InterviewService.class).stateOf(inc.coeId).orElseThrow();
        assertEquals(Questions.DETECTED_AT, state.currentQuestionId(), "an impossible order is refused");
        assertTrue(state.answers().containsKey(Questions.TRIGGER_AT));
    }

    @Test
    void aRetriedEventMakesNoSecondAnswer() {
        Person alice = ws.user("U0ALICE33", "alice", "UTC");
        Incident inc = new Incident("inc-retry", alice, "Retry storm");
        inc.answer(alice, "yesterday 10:00", Questions.DETECTED_AT);
        String event = ws.lastEventJson();
        int before = inc.thread().size();

        assertEquals(200, ws.deliverAgain(event, 1).status());
        assertEquals(200, ws.deliverAgain(event, 2).status());
        inc.reply(alice, "yesterday 10:20");
        inc.awaitQuestion(Questions.MITIGATED_AT);

        // one echo + one question for the new reply, nothing for the retries
        assertEquals(before + 3, inc.thread().size(), inc.thread().toString());
        assertEquals(1, inc.botRepliesContaining("10:00 UTC"), inc.thread().toString());
    }

    @Test
    void theInterviewContinuesWhereItStoppedAfterARestart() {
        Person alice = ws.user("U0ALICE34", "alice", "UTC");
        Incident inc = new Incident("inc-restart-interview", alice, "Restarted");
        inc.answer(alice, "yesterday 09:00", Questions.DETECTED_AT);

        app.restart();

        inc.answer(alice, "yesterday 09:30", Questions.MITIGATED_AT);
        InterviewState state = app.bean(InterviewService.class).stateOf(inc.coeId).orElseThrow();
        assertTrue(state.answers().containsKey(Questions.TRIGGER_AT) && state.answers().containsKey(Questions.DETECTED_AT));
    }

    @Test
    void twoPeopleAnsweringAtOnceAreBothRecordedAndNoQuestionIsSkipped() throws Exception {
        Person alice = ws.user("U0ALICE35", "alice", "UTC");
        Person bob = ws.user("U0BOB0035", "bob", "UTC");
        Incident inc = new Incident("inc-concurrent", alice, "Both at once");
        inc.answer(alice, "yesterday 09:00", Questions.DETECTED_AT);
        inc.answer(alice, "yesterday 09:10", Questions.MITIGATED_AT);
        inc.answer(alice, "yesterday 09:50", Questions.RESOLVED_AT);
        inc.answer(alice, "yesterday 10:00", Questions.SEVERITY);
        inc.answer(alice, "sev3", Questions.SERVICES);

        // both typed while only "services" was visible
        var a = alice.repliesInThread(inc.channel, inc.card.ts(), "search-api");
        var b = bob.repliesInThread(inc.channel, inc.card.ts(), "and the indexer");
        // bob's reply is added to services after customers_affected is asked, so the question need not be the last message
        inc.awaitAsked(Questions.CUSTOMERS_AFFECTED);
        inc.awaitBotSaying("since it was sent before this question appeared");

        InterviewState state = app.bean(InterviewService.class).stateOf(inc.coeId).orElseThrow();
        Answer services = state.answers().get(Questions.SERVICES);
        assertTrue(services.text().contains("search-api") && services.text().contains("and the indexer"), services.text());
        assertEquals(Questions.CUSTOMERS_AFFECTED, state.currentQuestionId(), "customers_affected is not skipped");
        assertEquals(1, inc.botRepliesContaining("How many customers"), "asked once: " + inc.thread());
        assertTrue(a.ts().compareTo(b.ts()) < 0);
    }

    @Test
    void twoRepliesDeliveredConcurrentlyAreAppliedOneAfterTheOther() throws Exception {
        Person alice = ws.user("U0ALICE36", "alice", "UTC");
        Person bob = ws.user("U0BOB0036", "bob", "UTC");
        Incident inc = new Incident("inc-parallel", alice, "Parallel");
        inc.answer(alice, "yesterday 09:00", Questions.DETECTED_AT);
        inc.answer(alice, "yesterday 09:10", Questions.MITIGATED_AT);
        inc.answer(alice, "yesterday 09:50", Questions.RESOLVED_AT);
        inc.answer(alice, "yesterday 10:00", Questions.SEVERITY);
        inc.answer(alice, "sev3", Questions.SERVICES);

        var first = CompletableFuture.runAsync(() -> alice.repliesInThread(inc.channel, inc.card.ts(), "search-api"));
        var second = CompletableFuture.runAsync(() -> bob.repliesInThread(inc.channel, inc.card.ts(), "the indexer too"));
        CompletableFuture.allOf(first, second).get();
        inc.awaitAsked(Questions.CUSTOMERS_AFFECTED); // the later reply's note may come after the question
        inc.awaitBotSaying("since it was sent before this question appeared");

        Answer services = app.bean(InterviewService.class).stateOf(inc.coeId).orElseThrow().answers().get(Questions.SERVICES);
        assertEquals(2, services.contributions().size(), services.toString());
        assertEquals(1, inc.botRepliesContaining("How many customers"), inc.thread().toString());
    }

    @Test
    void editingAndDeletingTheMessageChangesTheAnswer() {
        Person alice = ws.user("U0ALICE37", "alice", "UTC");
        Incident inc = new Incident("inc-edit", alice, "Edits");
        SlackMessage trigger = inc.reply(alice, "yesterday 09:00");
        inc.awaitQuestion(Questions.DETECTED_AT);

        alice.edits(inc.channel, trigger.ts(), "yesterday 08:55");
        inc.awaitBotSaying("Updated the answer");
        var state = app.bean(InterviewService.class).stateOf(inc.coeId).orElseThrow();
        assertTrue(state.answers().get(Questions.TRIGGER_AT).value().endsWith("08:55:00Z"), state.answers().toString());
        assertEquals(Questions.DETECTED_AT, state.currentQuestionId(), "an edit asks nothing new");

        alice.deletes(inc.channel, trigger.ts());
        inc.awaitBotSaying("Cleared the answer");
        state = app.bean(InterviewService.class).stateOf(inc.coeId).orElseThrow();
        assertFalse(state.answers().containsKey(Questions.TRIGGER_AT));
    }

    @Test
    void anAnswerItsEditAndItsDeletionAreEachRoutedWithOneLookup() {
        Person alice = ws.user("U0ALICE3A", "alice", "UTC");
        Incident inc = new Incident("inc-edit-routed", alice, "Routed once");
        ThreadRoutes routes = app.bean(ThreadRoutes.class);

        long before = routes.lookups();
        SlackMessage trigger = inc.reply(alice, "yesterday 09:00");
        inc.awaitQuestion(Questions.DETECTED_AT);
        assertEquals(before + 1, routes.lookups(), "an answer is looked up once");

        before = routes.lookups();
        alice.edits(inc.channel, trigger.ts(), "yesterday 08:55");
        inc.awaitBotSaying("Updated the answer");
        assertEquals(before + 1, routes.lookups(), "an edit is looked up once");

        before = routes.lookups();
        alice.deletes(inc.channel, trigger.ts());
        inc.awaitBotSaying("Cleared the answer");
        assertEquals(before + 1, routes.lookups(), "a deletion is looked up once");
    }

    @Test
    void pauseAndResumeFromTheCardAndTheCommand() {
        Person alice = ws.user("U0ALICE38", "alice", "UTC");
        Incident inc = new Incident("inc-pause", alice, "Paused");

        inc.reply(alice, "pause");
        inc.awaitBotSaying("Paused");
        SlackMessage card = inc.channel.awaitMessage(inc.card.ts(), m -> m.visibleText().contains("Interview paused"));
        inc.reply(alice, "we'll come back to this tomorrow");
        inc.awaitBotSaying("We're paused, so I'm not taking replies as answers");
        inc.reply(alice, "yesterday 04:00 I think");
        app.awaitMessagesHandled();
        assertTrue(app.bean(InterviewService.class).stateOf(inc.coeId).orElseThrow().answers().isEmpty(),
                "talk while paused is not an answer");
        assertEquals(1, inc.botRepliesContaining("We're paused, so I'm not taking replies"), "said once: " + inc.thread());

        alice.clicks("Resume interview", card, inc.channel);
        inc.awaitQuestion(Questions.TRIGGER_AT);
        inc.reply(alice, "skip");
        inc.awaitBotSaying("Skipped “When it started”. I'll come back to it before the summary.");
        inc.awaitQuestion(Questions.DETECTED_AT);
        inc.reply(alice, "pause");
        app.awaitMessagesHandled(); // the card may still show the first pause: its edits go out at most once a second
        inc.channel.awaitMessage(inc.card.ts(), m -> m.visibleText().contains("Interview paused"));
        String ack = alice.runs("/coe resume", inc.channel).visibleText();
        assertTrue(ack.contains("Resuming"), ack);
        inc.awaitQuestion(Questions.DETECTED_AT);
    }

    @Test
    void aYesOrNoTypedWithItsReasonKeepsTheReasonWhereverTheAnswerIsShown() {
        Person alice = ws.user("U0ALICE3A", "alice", "UTC");
        Incident inc = new Incident("inc-yes-no-reason", alice, "Yes no reason");
        inc.answerTheHappyPathUntil(alice, Questions.INTERNAL_ACTIVITY);
        inc.answer(alice, "yes", Questions.ACTIVITY_ANNOUNCED);
        inc.answer(alice, "no, the config push was a routine weekday change, not a maintenance window", Questions.OWNER_KNEW);

        alice.runs("/coe answers", inc.channel);
        var list = inc.channel.awaitEphemeralFor(alice, e -> e.visibleText().contains("Answers · COE-"));
        assertTrue(list.visibleText().contains("No — the config push was a routine weekday change, not a maintenance window"),
                "the reason is kept with the no: " + list.visibleText());
        var state = app.bean(InterviewService.class).stateOf(inc.coeId).orElseThrow();
        assertEquals("no", state.answers().get(Questions.ACTIVITY_ANNOUNCED).value(), "the value stays a plain no");
    }

    @Test
    void coeWhysWithAProblemWhileThePreventionQuestionWaitsAnswersItAndTheInterviewGoesOn() {
        Person alice = ws.user("U0ALICE3B", "alice", "UTC");
        Incident inc = new Incident("inc-whys-prevention", alice, "Whys answer prevention");
        inc.answerTheHappyPathUntil(alice, Questions.PREVENTION);

        String ack = alice.runs("/coe whys Checkout returned 500s", inc.channel).visibleText();

        assertTrue(ack.contains("Opened 5 Whys #1"), ack);
        inc.awaitQuestion(Questions.METRICS);
        var state = app.bean(InterviewService.class).stateOf(inc.coeId).orElseThrow();
        assertTrue(state.answers().get(Questions.PREVENTION).text().contains("Worked out in 5 Whys #1"), state.answers().toString());
    }

    @Test
    void aPressedChoiceStaysOnTheQuestionWithWhoChoseItAndFollowsALaterChange() {
        Person alice = ws.user("U0ALICE3C", "alice", "UTC");
        Person bob = ws.user("U0BOB003C", "bob", "UTC");
        Incident inc = new Incident("inc-choice-trace", alice, "Choice trace");
        inc.answer(alice, "yesterday 07:00", Questions.DETECTED_AT);
        inc.answer(alice, "yesterday 07:10", Questions.MITIGATED_AT);
        inc.answer(alice, "yesterday 07:20", Questions.RESOLVED_AT);
        inc.answer(alice, "yesterday 07:30", Questions.SEVERITY);
        SlackMessage severity = inc.awaitQuestion(Questions.SEVERITY);

        alice.clicks("SEV2", severity, inc.channel);

        // the question keeps its words, its buttons give way to what was chosen and by whom
        SlackMessage traced = inc.channel.awaitMessage(severity.ts(), m -> m.visibleText().contains("chosen by"));
        assertTrue(traced.visibleText().contains("What severity was it?"), traced.visibleText());
        assertTrue(traced.visibleText().contains("SEV2") && traced.blocks().contains("<@" + alice.id() + ">"), traced.blocks());
        assertTrue(traced.buttons().isEmpty(), "nothing left to press: " + traced.buttons());

        // bob goes back and chooses again: the first question message must not keep saying SEV2
        inc.awaitQuestion(Questions.SERVICES);
        SlackMessage again = inc.answer(bob, "back", Questions.SEVERITY);
        bob.clicks("SEV1", again, inc.channel);
        inc.awaitQuestion(Questions.SERVICES);
        inc.channel.awaitMessage(again.ts(), m -> m.visibleText().contains("SEV1") && m.blocks().contains("<@" + bob.id() + ">"));
        SlackMessage first = inc.channel.awaitMessage(severity.ts(), m -> m.visibleText().contains("SEV1"));
        assertTrue(first.visibleText().contains("changed"), first.visibleText());

        inc.answer(alice, "checkout", Questions.CUSTOMERS_AFFECTED);
        inc.answer(alice, "about 100", Questions.CUSTOMER_EXPERIENCE);
        inc.answer(alice, "errors", Questions.IMPACT_SEVERITY);
        inc.answer(alice, "none", Questions.SECOND_ORDER_IMPACT);
        SlackMessage nfr = inc.answer(alice, "none", Questions.NFR);
        inc.answer(alice, "skip", Questions.CONSEQUENCES);
        SlackMessage detection = inc.answer(alice, "none", Questions.DETECTION_HOW);
        alice.clicks("Our monitoring", detection, inc.channel);
        inc.channel.awaitMessage(detection.ts(), m -> m.visibleText().contains("Our monitoring") && m.visibleText().contains("chosen by"));
        inc.awaitQuestion(Questions.DETECTION_HALVE);
        assertFalse(inc.channel.message(nfr.ts()).visibleText().contains("chosen by"), "a skip chooses nothing");

        // a yes or no typed in the thread leaves the same trace, so the buttons above it cannot contradict it
        inc.answer(alice, "more alarms", Questions.UNDERLYING_CAUSE);
        SlackMessage activity = inc.answer(alice, "a config push", Questions.INTERNAL_ACTIVITY);
        inc.reply(alice, "no");
        SlackMessage typed = inc.channel.awaitMessage(activity.ts(), m -> m.visibleText().contains("answered by"));
        assertTrue(typed.visibleText().contains("No") && typed.buttons().isEmpty(), typed.visibleText() + " " + typed.buttons());
    }

    @Test
    void answersCommandListsAnswersAndItsModalEditsOne() {
        Person alice = ws.user("U0ALICE39", "alice", "UTC");
        Incident inc = new Incident("inc-answers", alice, "Answers");
        inc.answer(alice, "yesterday 07:00", Questions.DETECTED_AT);
        inc.answer(alice, "yesterday 07:30", Questions.MITIGATED_AT);

        alice.runs("/coe answers", inc.channel);
        var list = inc.channel.awaitEphemeralFor(alice, e -> e.visibleText().contains("Answers · COE-"));
        assertTrue(list.visibleText().contains("07:00"), list.visibleText());

        alice.clicks("Edit", list);
        alice.awaitOpenView(AnswersCommand.EDIT_VIEW);
        alice.submits(AnswersCommand.EDIT_VIEW, Map.of("answer", Map.of("text", "yesterday 06:45")));

        inc.awaitBotSaying("Updated the answer");
        var state = app.bean(InterviewService.class).stateOf(inc.coeId).orElseThrow();
        assertTrue(state.answers().get(Questions.TRIGGER_AT).value().endsWith("06:45:00Z"), state.answers().toString());
    }

    @Test
    void afterAnEditTheAnswersListShowsTheNewTextAndSaysItWasSaved() {
        Person alice = ws.user("U0ALICE3D", "alice", "UTC");
        Incident inc = new Incident("inc-answers-refresh", alice, "Answers refresh");
        inc.answer(alice, "yesterday 07:00", Questions.DETECTED_AT);
        inc.answer(alice, "yesterday 07:30", Questions.MITIGATED_AT);
        alice.runs("/coe answers", inc.channel);
        var list = inc.channel.awaitEphemeralFor(alice, e -> e.visibleText().contains("Answers · COE-"));

        alice.clicks("Edit", list);
        alice.awaitOpenView(AnswersCommand.EDIT_VIEW);
        alice.submits(AnswersCommand.EDIT_VIEW, Map.of("answer", Map.of("text", "yesterday 06:45")));

        // the same ephemeral, replaced: no second list, no stale 07:00
        var refreshed = inc.channel.awaitEphemeralFor(alice,
                e -> e.messageTs().equals(list.messageTs()) && e.visibleText().contains("Saved"));
        assertTrue(refreshed.visibleText().contains("06:45") && !refreshed.visibleText().contains("07:00"), refreshed.visibleText());
        assertEquals(1, inc.channel.ephemeralsFor(alice).stream().filter(e -> e.visibleText().contains("Answers · COE-")).count(),
                inc.channel.ephemeralsFor(alice).toString());
    }

    @Test
    void theBotIgnoresItsOwnMessagesAndOtherBots() {
        Person alice = ws.user("U0ALICE40", "alice", "UTC");
        ws.deliverBotMessagesAsEvents(true);
        try {
            Incident inc = new Incident("inc-bots", alice, "Bots");
            ws.awaitBotEventsDelivered();
            var state = app.bean(InterviewService.class).stateOf(inc.coeId).orElseThrow();
            assertTrue(state.answers().isEmpty(), "its own questions did not answer themselves");
            assertEquals(Questions.TRIGGER_AT, state.currentQuestionId());
        } finally {
            ws.deliverBotMessagesAsEvents(false);
        }
    }

    @Test
    void aReplyInAnotherCoesThreadGoesToThatCoe() {
        Person alice = ws.user("U0ALICE41", "alice", "UTC");
        Incident one = new Incident("inc-first-of-two", alice, "First");
        Incident two = new Incident("inc-second-of-two", alice, "Second");

        two.answer(alice, "yesterday 05:00", Questions.DETECTED_AT);

        var service = app.bean(InterviewService.class);
        assertTrue(service.stateOf(one.coeId).orElseThrow().answers().isEmpty());
        assertTrue(service.stateOf(two.coeId).orElseThrow().answers().containsKey(Questions.TRIGGER_AT));
    }

    @Test
    void aReplyAlsoSentToTheChannelIsAnAnswerToo() {
        Person alice = ws.user("U0ALICE42", "alice", "UTC");
        Incident inc = new Incident("inc-broadcast", alice, "Broadcast");
        SlackMessage m = slack.postAsUser(alice.id(), inc.channel.id(), "yesterday 04:00", inc.card.ts());
        var event = ws.payloads().messageEvent(m);
        event.addProperty("subtype", "thread_broadcast");

        ws.deliverEvent(event);

        inc.awaitQuestion(Questions.DETECTED_AT);
        assertEquals(1, inc.botRepliesContaining("04:00 UTC"), inc.thread().toString());
    }

    @Test
    void aQuestionSlackRefusesDoesNotSendLaterRepliesToTheWrongAnswer() {
        Person alice = ws.user("U0ALICE43", "alice", "UTC");
        Incident inc = new Incident("inc-refused-question", alice, "Refused question");
        inc.answer(alice, "yesterday 09:00", Questions.DETECTED_AT);
        inc.answer(alice, "yesterday 09:10", Questions.MITIGATED_AT);
        inc.answer(alice, "yesterday 09:50", Questions.RESOLVED_AT);
        inc.answer(alice, "yesterday 10:00", Questions.SEVERITY);
        inc.answer(alice, "sev3", Questions.SERVICES);
        slack.failNext("chat.postMessage", "invalid_blocks");

        inc.reply(alice, "search-api");
        slack.await("the refused question was tried", () -> slack.calls("chat.postMessage").stream()
                .anyMatch(c -> c.params().getOrDefault("blocks", "").contains("|" + Questions.CUSTOMERS_AFFECTED + "\"")));
        inc.answer(alice, "about 100", Questions.CUSTOMER_EXPERIENCE);

        var state = app.bean(InterviewService.class).stateOf(inc.coeId).orElseThrow();
        assertEquals("search-api", state.answers().get(Questions.SERVICES).text());
        assertEquals("about 100", state.answers().get(Questions.CUSTOMERS_AFFECTED).text());
    }

    @Test
    void aSkippedQuestionCanBeAnsweredFromTheAnswersList() {
        Person alice = ws.user("U0ALICE44", "alice", "UTC");
        Incident inc = new Incident("inc-fill-skipped", alice, "Fill skipped");
        inc.answer(alice, "skip", Questions.DETECTED_AT);

        alice.runs("/coe answers", inc.channel);
        var list = inc.channel.awaitEphemeralFor(alice, e -> e.visibleText().contains("Skipped: still open"));
        alice.clicks("Answer", list);
        alice.awaitOpenView(AnswersCommand.EDIT_VIEW);
        alice.submits(AnswersCommand.EDIT_VIEW, Map.of("answer", Map.of("text", "yesterday 08:00")));

        slack.await("the skipped question is answered", () -> app.bean(InterviewService.class).stateOf(inc.coeId)
                .orElseThrow().answers().containsKey(Questions.TRIGGER_AT));
        var state = app.bean(InterviewService.class).stateOf(inc.coeId).orElseThrow();
        assertTrue(state.openQuestions().isEmpty(), state.openQuestions().toString());
        assertEquals(List.of("U0ALICE44"), state.answers().get(Questions.TRIGGER_AT).contributors());
    }

    private static int count(String haystack, String needle) {
        int n = 0;
        for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) n++;
        return n;
    }
}
