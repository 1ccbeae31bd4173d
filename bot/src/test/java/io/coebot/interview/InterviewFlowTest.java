package io.coebot.interview;

import static io.coebot.interview.Conversation.HAPPY_PATH;
import static io.coebot.interview.Conversation.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class InterviewFlowTest {

    @Test
    void beginExplainsTheRulesThenAsksWhenItStarted() {
        Step step = Interview.begin(Conversation.NOW);

        assertEquals(2, step.replies().size());
        String intro = ((Say) step.replies().get(0)).text();
        for (String rule : List.of("one question at a time", "`skip`", "`back`", "`pause`", "(parentheses)",
                "edit or delete your message")) {
            assertContains(intro, rule);
        }
        Ask first = (Ask) step.replies().get(1);
        assertEquals("trigger_at", first.questionId());
        assertEquals(Section.BASICS, first.section());
        assertTrue(first.text().startsWith("*Basics* — When did it start?"), first.text());
        assertContains(first.text(), "not when you were paged");
        assertContains(first.hint(), "2:05pm");
        assertEquals(InterviewStatus.IN_PROGRESS, step.state().status());
        assertEquals("trigger_at", step.state().currentQuestionId());
        assertTrue(step.state().answers().isEmpty());
    }

    @Test
    void aFullInterviewAsksEveryQuestionOnceInOrderAndCompletes() {
        Conversation c = Conversation.started().answerToTheEnd();

        assertEquals(HAPPY_PATH, c.asked);
        assertEquals(InterviewStatus.COMPLETE, c.state.status());
        assertNull(c.current());
        assertEquals(List.of(), c.state.skipped());
        assertContains(c.said(), "Thank you");
        assertContains(c.said(), "Every question has an answer.");
        assertEquals("2026-11-19T14:05:00Z", c.value("trigger_at"));
        assertEquals("2026-11-19T15:20:00Z", c.value("mitigated_at"));
        assertEquals("2026-11-19T15:20:00Z", c.value("mitigated_confirm"));
        assertEquals("SEV2", c.value("severity"));
        assertEquals("reliability,performance_efficiency", c.value("nfr"));
        assertEquals("monitoring", c.value("detection_how"));
        assertEquals("no", c.value("internal_activity"));
        assertEquals("none", c.value("related"));
        assertEquals("checkout and payments API", c.value("services"));
        assertContains(c.value("summary"), "checkout and payments API had a SEV2 incident");
        assertEquals(List.of("U1"), c.state.answers().get("services").contributors());
    }

    @ParameterizedTest(name = "internal activity: {0}")
    @ValueSource(strings = {"no", "yes"})
    void noQuestionIsAskedTwiceInARowAndEveryAskIsOneQuestion(String internalActivity) {
        Conversation c = Conversation.started().answerUntil("internal_activity");
        c.reply(internalActivity);
        c.answerToTheEnd();

        for (int i = 1; i < c.asked.size(); i++) {
            assertFalse(c.asked.get(i).equals(c.asked.get(i - 1)), "asked twice in a row: " + c.asked.get(i));
        }
        for (Ask ask : c.asks) {
            if (!ask.questionId().equals("summary")) { // the draft summary may itself contain a '?'
                assertTrue(ask.text().chars().filter(ch -> ch == '?').count() <= 1, ask.text());
            }
            assertFalse(ask.hint() == null || ask.hint().isBlank(), ask.questionId() + " has no hint");
        }
    }

    @ParameterizedTest
    @EnumSource(Section.class)
    void eachSectionOpensWithItsTitleAndOnlyItsFirstQuestionDoes(Section section) {
        Conversation c = Conversation.started().answerToTheEnd();

        List<Ask> inSection = c.asks.stream().filter(a -> a.section() == section).toList();
        assertFalse(inSection.isEmpty());
        assertTrue(inSection.get(0).text().startsWith("*" + section.title() + "* — "), inSection.get(0).text());
        for (Ask later : inSection.subList(1, inSection.size())) {
            assertFalse(later.text().startsWith("*"), later.text());
        }
    }

    @Test
    void sectionTitlesReadAsAPersonWouldWriteThem() {
        Map<Section, String> titles = new EnumMap<>(Section.class);
        for (Section s : Section.values()) {
            titles.put(s, s.title());
        }
        assertEquals("Lessons learned", titles.get(Section.LESSONS));
        assertEquals("Related items", titles.get(Section.RELATED));
        assertEquals("Impact", titles.get(Section.IMPACT));
    }

    @Test
    void impactOpensWithTheCustomerCount() {
        Conversation c = Conversation.started().answerUntil("services");
        c.reply("checkout");

        assertEquals("*Impact* — How many customers were affected? A number or an estimate is fine.",
                c.lastAsk().text());
    }

    @Test
    void aTimeAnswerIsEchoedInUtcAndTheRepliersZone() {
        Conversation c = Conversation.started();
        c.zone = ZoneId.of("Europe/Paris");
        c.reply("15:05");

        assertEquals("Got it: Thu 19 Nov 2026 14:05 UTC (15:05 Europe/Paris).", c.says().get(0));
        assertEquals("2026-11-19T14:05:00Z", c.value("trigger_at"));
        assertEquals(List.of("detected_at"), c.askedIds());
    }

    @Test
    void anUnreadableTimeIsQuotedWithExamplesAndTheSameQuestionStaysOpenWithoutBeingAskedAgain() {
        Conversation c = Conversation.started();
        c.reply("after lunch");

        assertEquals(1, c.last.replies().size());
        assertContains(c.said(), "“after lunch”");
        assertContains(c.said(), Questions.byId("trigger_at").hint());
        assertEquals("trigger_at", c.current());
        assertTrue(c.state.answers().isEmpty());
    }

    @Test
    void aTimeMoreThanFiveMinutesAheadIsRefused() {
        Conversation c = Conversation.started();
        c.reply("2026-11-20 10:30 UTC");

        assertContains(c.said(), "in the future");
        assertEquals("trigger_at", c.current());
    }

    @ParameterizedTest(name = "{0} then {1}")
    @CsvSource(delimiter = '|', value = {
            "trigger_at    | 2026-11-19 14:05 UTC | detected_at   | 2026-11-19 13:50 UTC | That would put detection (Thu 19 Nov 2026 13:50 UTC) before the trigger (Thu 19 Nov 2026 14:05 UTC).",
            "detected_at   | 2026-11-19 14:43 UTC | mitigated_at  | 2026-11-19 14:30 UTC | That would put the end of impact (Thu 19 Nov 2026 14:30 UTC) before detection (Thu 19 Nov 2026 14:43 UTC).",
            "mitigated_at  | 2026-11-19 15:20 UTC | resolved_at   | 2026-11-19 15:00 UTC | That would put resolution (Thu 19 Nov 2026 15:00 UTC) before the end of impact (Thu 19 Nov 2026 15:20 UTC).",
    })
    void milestonesOutOfOrderAreNamedWithBothTimesAndTheQuestionStays(String earlier, String earlierTime,
                                                                      String later, String laterTime, String message) {
        Conversation c = Conversation.started().answerUntil(earlier);
        c.reply(earlierTime);
        c.answerUntil(later);
        c.reply(laterTime);

        assertContains(c.said(), message);
        assertEquals(later, c.current());
        assertNull(c.value(later));
        assertEquals(List.of(), c.askedIds());
    }

    @Test
    void orderIsCheckedAgainstEveryAnsweredMilestoneNotJustTheNeighbour() {
        Conversation c = Conversation.started();
        c.reply("2026-11-19 14:05 UTC");
        c.press(Control.SKIP); // detected_at
        c.reply("2026-11-19 14:00 UTC"); // mitigated before trigger

        assertContains(c.said(), "That would put the end of impact (Thu 19 Nov 2026 14:00 UTC) before the trigger");
        assertEquals("mitigated_at", c.current());
    }

    @Test
    void equalMilestonesAreFine() {
        Conversation c = Conversation.started();
        c.reply("2026-11-19 14:05 UTC");
        c.reply("2026-11-19 14:05 UTC");

        assertEquals("2026-11-19T14:05:00Z", c.value("detected_at"));
        assertEquals("mitigated_at", c.current());
    }

    @ParameterizedTest
    @CsvSource({"sev2,SEV2", "SEV-2,SEV2", "2,SEV2", "Sev 2,SEV2", "severity 2,SEV2", "SEV1,SEV1", "sev4.,SEV4"})
    void severityIsReadTheWaysPeopleWriteIt(String typed, String stored) {
        Conversation c = Conversation.started().answerUntil("severity");
        c.reply(typed);

        assertEquals(stored, c.value("severity"));
        assertEquals("services", c.current());
    }

    @ParameterizedTest
    @ValueSource(strings = {"5", "critical", "sev0"})
    void anUnknownSeverityIsRefusedWithTheOptions(String typed) {
        Conversation c = Conversation.started().answerUntil("severity");
        c.reply(typed);

        assertContains(c.said(), "Reply SEV1, SEV2, SEV3 or SEV4");
        assertEquals("severity", c.current());
    }

    @Test
    void severityOffersOneButtonPerLevel() {
        Conversation c = Conversation.started().answerUntil("severity");
        Ask ask = c.asks.get(c.asks.size() - 1);

        assertEquals(List.of("SEV1", "SEV2", "SEV3", "SEV4"), ask.choices().stream().map(Choice::value).toList());
        assertFalse(ask.multiSelect());
        c.pick("severity", "SEV3");
        assertEquals("SEV3", c.value("severity"));
        assertEquals("SEV3", c.state.answers().get("severity").text());
        assertNull(c.state.answers().get("severity").contributions().get(0).messageTs());
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(delimiter = '|', value = {
            "reliability and perf                         | reliability,performance_efficiency",
            "security, ops                                | security,operations",
            "Performance Efficiency                       | performance_efficiency",
            "cost optimization and operational excellence | cost_optimization,operations",
            "ops + security                               | security,operations",
            "all                                          | security,reliability,performance_efficiency,cost_optimization,operations",
    })
    void nfrTypedAnswersMatchTheChoices(String typed, String stored) {
        Conversation c = Conversation.started().answerUntil("nfr");
        c.reply(typed);

        assertEquals(stored, c.value("nfr"));
        assertEquals("consequences", c.current());
    }

    @Test
    void nfrWithAWordThatIsNoChoiceIsRefusedNamingTheWord() {
        Conversation c = Conversation.started().answerUntil("nfr");
        c.reply("reliability and vibes");

        assertContains(c.said(), "“vibes”");
        assertContains(c.said(), "Performance Efficiency");
        assertEquals("nfr", c.current());
        assertNull(c.value("nfr"));
    }

    @Test
    void nfrIsAMultiSelectAndPickedValuesAreStoredInCatalogueOrder() {
        Conversation c = Conversation.started().answerUntil("nfr");
        Ask ask = c.asks.get(c.asks.size() - 1);

        assertTrue(ask.multiSelect());
        assertEquals(List.of("Security", "Reliability", "Performance Efficiency", "Cost Optimization", "Operations"),
                ask.choices().stream().map(Choice::label).toList());
        c.pick("nfr", "operations", "security");
        assertEquals("security,operations", c.value("nfr"));
        assertEquals("Security, Operations", c.state.answers().get("nfr").text());
        assertEquals("consequences", c.current());
    }

    @Test
    void pickingAValueThatIsNotAChoiceIsRefused() {
        Conversation c = Conversation.started().answerUntil("nfr");
        c.pick("nfr", "vibes");

        assertContains(c.said(), "isn't one of this question's choices");
        assertEquals("nfr", c.current());
    }

    @Test
    void detectionPromptMentionsTheDetectionTime() {
        Conversation c = Conversation.started().answerUntil("detection_how");

        assertEquals("*Detection* — You noted the impact was detected at Thu 19 Nov 2026 14:43 UTC. "
                + "How did we find out: a customer report, our monitoring, or something else?", c.lastAsk().text());
    }

    @Test
    void detectionPromptWithoutADetectionTimeJustAsks() {
        Conversation c = Conversation.started();
        c.reply("2026-11-19 14:05 UTC");
        c.press(Control.SKIP);
        c.answerUntil("detection_how");

        assertEquals("*Detection* — How did we find out: a customer report, our monitoring, or something else?",
                c.lastAsk().text());
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(delimiter = '|', value = {
            "A customer report                           | customer_report",
            "customer                                    | customer_report",
            "monitoring                                  | monitoring",
            "an alarm                                    | monitoring",
            "Our status-page bot noticed the error spike | Our status-page bot noticed the error spike",
    })
    void detectionHowMatchesAChoiceOrKeepsTheWords(String typed, String stored) {
        Conversation c = Conversation.started().answerUntil("detection_how");
        c.reply(typed);

        assertEquals(stored, c.value("detection_how"));
        assertEquals("detection_halve", c.current());
    }

    @Test
    void detectionOtherAsksForTheWordsInsteadOfStoringOther() {
        Conversation c = Conversation.started().answerUntil("detection_how");
        c.pick("detection_how", "other");

        assertEquals(List.of("In a few words, how did we find out?"), c.says());
        assertEquals("detection_how", c.current());
        c.reply("A partner called our on-call");
        assertEquals("A partner called our on-call", c.value("detection_how"));
        assertEquals("detection_halve", c.current());
    }

    @ParameterizedTest
    @CsvSource({"yes,yes", "Yep,yes", "y,yes", "No,no", "nope,no", "'No, it was a normal Tuesday',no"})
    void yesNoReadsCommonWords(String typed, String stored) {
        Conversation c = Conversation.started().answerUntil("internal_activity");
        c.reply(typed);

        assertEquals(stored, c.value("internal_activity"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"maybe", "not sure", "I'd have to check"})
    void yesNoRefusesAnythingElse(String typed) {
        Conversation c = Conversation.started().answerUntil("internal_activity");
        c.reply(typed);

        assertEquals(List.of("Please answer yes or no."), c.says());
        assertEquals("internal_activity", c.current());
    }

    @Test
    void withoutInternalActivityTheFollowUpsAreNotAsked() {
        Conversation c = Conversation.started().answerUntil("internal_activity");
        c.reply("no");

        assertEquals("diagnosis_halve", c.current());
    }

    @Test
    void withInternalActivityTheThreeFollowUpsAreAskedInOrder() {
        Conversation c = Conversation.started().answerUntil("internal_activity");
        c.reply("yes");
        c.answerToTheEnd();

        List<String> expected = new ArrayList<>(HAPPY_PATH);
        expected.addAll(expected.indexOf("internal_activity") + 1,
                List.of("activity_announced", "owner_knew", "backlog_task"));
        assertEquals(expected, c.asked);
        assertEquals("yes", c.value("activity_announced"));
        assertEquals("There was one; it kept losing to feature work", c.value("backlog_task"));
    }

    @Test
    void mitigationConfirmQuotesTheTimeAndYesKeepsIt() {
        Conversation c = Conversation.started().answerUntil("mitigated_confirm");
        Ask ask = c.lastAsk();

        assertEquals("*Mitigation* — Impact was back to normal at Thu 19 Nov 2026 15:20 UTC — right? "
                + "Reply yes, or give the correct time.", ask.text());
        assertEquals(List.of("yes"), ask.choices().stream().map(Choice::value).toList());
        c.reply("yes");
        assertEquals("2026-11-19T15:20:00Z", c.value("mitigated_confirm"));
        assertEquals("2026-11-19T15:20:00Z", c.value("mitigated_at"));
        assertEquals("restored_how", c.current());
    }

    @Test
    void mitigationConfirmButtonKeepsTheTime() {
        Conversation c = Conversation.started().answerUntil("mitigated_confirm");
        c.pick("mitigated_confirm", "yes");

        assertEquals("2026-11-19T15:20:00Z", c.value("mitigated_confirm"));
        assertEquals("restored_how", c.current());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-19 15:35 UTC", "no, 2026-11-19 15:35 UTC", "No — it was 2026-11-19 15:35 UTC"})
    void aCorrectedTimeReplacesTheMitigationTimeToo(String typed) {
        Conversation c = Conversation.started().answerUntil("mitigated_confirm");
        c.reply(typed);

        assertEquals("Got it: Thu 19 Nov 2026 15:35 UTC.", c.says().get(0));
        assertEquals("2026-11-19T15:35:00Z", c.value("mitigated_confirm"));
        assertEquals("2026-11-19T15:35:00Z", c.value("mitigated_at"));
        assertEquals("restored_how", c.current());
    }

    @Test
    void aCorrectedMitigationTimeMustStillFitTheOrder() {
        Conversation c = Conversation.started().answerUntil("mitigated_confirm");
        c.reply("2026-11-19 16:30 UTC"); // after resolution at 16:00

        assertContains(c.said(), "That would put resolution (Thu 19 Nov 2026 16:00 UTC) before the end of impact "
                + "(Thu 19 Nov 2026 16:30 UTC).");
        assertEquals("mitigated_confirm", c.current());
        assertEquals("2026-11-19T15:20:00Z", c.value("mitigated_at"));
    }

    @Test
    void aBareNoAsksForTheCorrectTime() {
        Conversation c = Conversation.started().answerUntil("mitigated_confirm");
        c.reply("no");

        assertContains(c.said(), "What was the correct time?");
        assertEquals("mitigated_confirm", c.current());
    }

    @Test
    void whenTheMitigationTimeWasSkippedItIsAskedAsAPlainTime() {
        Conversation c = Conversation.started();
        c.reply("2026-11-19 14:05 UTC");
        c.reply("2026-11-19 14:43 UTC");
        c.press(Control.SKIP); // mitigated_at
        c.answerUntil("mitigated_confirm");
        Ask ask = c.lastAsk();

        assertEquals("*Mitigation* — When was the impact back to normal?", ask.text());
        assertEquals(List.of(), ask.choices());
        c.reply("yes");
        assertContains(c.said(), "I still need the time");
        c.reply("2026-11-19 15:20 UTC");
        assertEquals("2026-11-19T15:20:00Z", c.value("mitigated_at"));
        assertFalse(c.state.skipped().contains("mitigated_at"));
        assertEquals("restored_how", c.current());
    }

    @Test
    void preventionPointsToTheFiveWhys() {
        Conversation c = Conversation.started().answerUntil("prevention");

        assertContains(c.lastAsk().text(), "*Prevention* — ");
        assertContains(c.lastAsk().text(), "5 Whys");
        assertContains(c.lastAsk().text(), "*Start 5 Whys*");
        assertContains(c.lastAsk().text(), "`/coe whys &lt;problem&gt;`");
        assertContains(c.lastAsk().text(), "`skip`");
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "None.", "no", "n/a", "N/A"})
    void noMetricsIsRecordedAsNoneAndCalledAFinding(String typed) {
        Conversation c = Conversation.started().answerUntil("metrics");
        c.reply(typed);

        assertEquals("none", c.value("metrics"));
        assertEquals(typed, c.state.answers().get("metrics").text());
        assertContains(c.said(), "finding");
        assertContains(c.said(), "action item to add monitoring");
        assertEquals("monitoring_how", c.current());
    }

    @Test
    void realMetricsAreKeptAsWritten() {
        Conversation c = Conversation.started().answerUntil("metrics");
        c.reply("https://dash.example/checkout-errors");

        assertEquals("https://dash.example/checkout-errors", c.value("metrics"));
        assertEquals(List.of(), c.says());
    }

    @Test
    void summaryQuestionCarriesTheDraftAndAnAcceptButton() {
        Conversation c = Conversation.started().answerUntil("summary");
        Ask ask = c.lastAsk();

        assertEquals(Section.SUMMARY, ask.section());
        assertContains(ask.text(), SummaryDraft.from(c.state));
        assertEquals(List.of(new Choice("accept", "Accept this draft")), ask.choices());
    }

    @ParameterizedTest
    @ValueSource(strings = {"accept", "Yes", "ok", "OK.", "looks good"})
    void acceptingTheDraftMakesItTheSummary(String typed) {
        Conversation c = Conversation.started().answerUntil("summary");
        String draft = SummaryDraft.from(c.state);
        c.reply(typed);

        assertEquals(draft, c.value("summary"));
        assertEquals(InterviewStatus.COMPLETE, c.state.status());
    }

    @Test
    void theAcceptButtonMakesTheDraftTheSummary() {
        Conversation c = Conversation.started().answerUntil("summary");
        String draft = SummaryDraft.from(c.state);
        c.pick("summary", "accept");

        assertEquals(draft, c.value("summary"));
        assertEquals(InterviewStatus.COMPLETE, c.state.status());
    }

    @Test
    void anyOtherTextIsTheSummary() {
        Conversation c = Conversation.started().answerUntil("summary");
        c.reply("A config change broke checkout for 75 minutes; we now validate configs.");

        assertEquals("A config change broke checkout for 75 minutes; we now validate configs.", c.value("summary"));
        assertEquals(InterviewStatus.COMPLETE, c.state.status());
        assertNull(c.current());
    }

    @ParameterizedTest
    @ValueSource(strings = {"no", "wait, impact is wrong", "Config change broke checkout; we rolled back"})
    void aShortReplyAtTheSummaryIsNeitherAcceptedNorTheSummary(String typed) {
        Conversation c = Conversation.started().answerUntil("summary");
        c.reply(typed);

        assertEquals(List.of("Reply `accept` to use the draft, or write the summary in a few sentences "
                + "(say `back` to change an earlier answer)."), c.says());
        assertEquals("summary", c.current());
        assertEquals(InterviewStatus.IN_PROGRESS, c.state.status());
        assertNull(c.value("summary"));
        assertEquals(List.of(), c.askedIds(), "the draft is not posted again");
    }

    @Test
    void eightWordsAreEnoughForTheTeamsOwnSummary() {
        Conversation c = Conversation.started().answerUntil("summary");
        c.reply("Config change broke checkout; we rolled it back");

        assertEquals("Config change broke checkout; we rolled it back", c.value("summary"));
        assertEquals(InterviewStatus.COMPLETE, c.state.status());
    }

    @Test
    void aShortSummaryFromTheModalIsTaken() {
        Conversation c = Conversation.started().answerUntil("summary");
        c.replace("summary", "Config broke checkout.");

        assertEquals("Config broke checkout.", c.value("summary"));
        assertEquals(InterviewStatus.COMPLETE, c.state.status());
    }

    @Test
    void afterCompletionRepliesAreIgnoredAndButtonsPointToTheModal() {
        Conversation c = Conversation.started().answerToTheEnd();
        InterviewState done = c.state;

        c.reply("one more thing");
        c.assertNothingHappened(done);
        c.reply("skip");
        c.assertNothingHappened(done);
        c.press(Control.BACK);
        assertEquals(List.of(Facilitator.ALREADY_COMPLETE), c.says());
        assertEquals(done, c.state);
        c.pick("summary", "accept");
        assertContains(c.said(), "/coe answers");
    }

    @ParameterizedTest
    @ValueSource(strings = {"(is the graph in UTC?)", "(checking", "  (later, after lunch)"})
    void remarksInParenthesesAreSideTalkNotAnswers(String remark) {
        Conversation c = Conversation.started();
        InterviewState before = c.state;
        c.reply(remark);

        c.assertNothingHappened(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"skip", "SKIP", "Skip!", "skip.", " skip "})
    void controlWordsWorkInAnyCaseWithTrailingPunctuation(String word) {
        Conversation c = Conversation.started();
        c.reply(word);

        assertEquals(List.of("trigger_at"), c.state.skipped());
        assertEquals("detected_at", c.current());
    }

    @Test
    void aSentenceContainingAControlWordIsAnAnswer() {
        Conversation c = Conversation.started().answerUntil("services");
        c.reply("skip it, it was only checkout");

        assertEquals("skip it, it was only checkout", c.value("services"));
        assertEquals(List.of(), c.state.skipped());
    }

    @Test
    void pauseStopsTheInterviewAndSaysHowToResume() {
        Conversation c = Conversation.started();
        c.press(Control.PAUSE);

        assertEquals(InterviewStatus.PAUSED, c.state.status());
        assertEquals(List.of("Paused. Press Resume on the COE card or run `/coe resume` in the channel; "
                + "I'll pick up right here."), c.says());
    }

    @Test
    void whilePausedPeopleTalkFreelyAndNothingIsRecorded() {
        Conversation c = Conversation.started();
        c.reply("pause");

        c.reply("2026-11-19 14:05 UTC");
        assertEquals(List.of(Facilitator.PAUSED_NOT_ANSWERED), c.says(), "the first reply of a pause hears why nothing happens");
        InterviewState told = c.state;
        for (String talk : List.of("I think it was earlier", "skip", "back")) {
            c.reply(talk);
            c.assertNothingHappened(told);
        }
        assertTrue(c.state.answers().isEmpty());

        c.reply("resume");
        c.reply("pause");
        c.reply("still looking at the graphs");
        assertEquals(List.of(Facilitator.PAUSED_NOT_ANSWERED), c.says(), "told again in a later pause");
    }

    @Test
    void skipSaysWhatWasSkippedAndThatItComesBack() {
        Conversation c = Conversation.started().answerUntil("services");

        c.reply("skip");

        assertContains(c.said(), "Skipped “Affected services”. I'll come back to it before the summary.");
        assertEquals("customers_affected", c.current());
    }

    @Test
    void resumeAsksTheSameQuestionAgain() {
        Conversation c = Conversation.started().answerUntil("severity");
        c.press(Control.PAUSE);
        c.press(Control.RESUME);

        assertEquals(InterviewStatus.IN_PROGRESS, c.state.status());
        assertEquals(List.of("severity"), c.askedIds());
        assertTrue(c.lastAsk().text().startsWith("*Basics* — What severity was it?"), c.lastAsk().text());
        c.reply("sev2");
        assertEquals("SEV2", c.value("severity"));
    }

    @Test
    void typingResumeResumes() {
        Conversation c = Conversation.started();
        c.reply("pause");
        c.reply("Resume.");

        assertEquals(InterviewStatus.IN_PROGRESS, c.state.status());
        assertEquals(List.of("trigger_at"), c.askedIds());
    }

    @Test
    void pausingTwiceOrResumingWhileRunningGetsAShortNote() {
        Conversation c = Conversation.started();
        c.press(Control.RESUME);
        assertEquals(List.of(Facilitator.NOT_PAUSED), c.says());
        assertEquals(InterviewStatus.IN_PROGRESS, c.state.status());

        c.press(Control.PAUSE);
        c.press(Control.PAUSE);
        assertEquals(List.of(Facilitator.ALREADY_PAUSED), c.says());
        assertEquals(InterviewStatus.PAUSED, c.state.status());
    }

    @Test
    void buttonsWhilePausedAskToResumeFirst() {
        Conversation c = Conversation.started().answerUntil("severity");
        c.press(Control.PAUSE);
        InterviewState paused = c.state;

        c.press(Control.SKIP);
        assertEquals(List.of(Facilitator.PAUSED_REMINDER), c.says());
        c.pick("severity", "SEV2");
        assertEquals(List.of(Facilitator.PAUSED_REMINDER), c.says());
        assertEquals(paused, c.state);
    }

    @Test
    void pickingOnAnEarlierQuestionSaysItWasAlreadyAnswered() {
        Conversation c = Conversation.started().answerUntil("services");
        InterviewState before = c.state;
        c.pick("severity", "SEV1");

        assertEquals(List.of("“Severity” already has an answer. Say `back` to change it, or use `/coe answers`."),
                c.says());
        assertEquals(before, c.state);
        assertEquals("SEV2", c.value("severity"));
    }

    @Test
    void pickingOnAQuestionNotReachedYetIsRefused() {
        Conversation c = Conversation.started();
        c.pick("severity", "SEV1");

        assertContains(c.said(), "We're not on “Severity” right now");
        assertNull(c.value("severity"));
    }

    @Test
    void emptyRepliesAreIgnored() {
        Conversation c = Conversation.started();
        InterviewState before = c.state;
        c.reply("   ");

        c.assertNothingHappened(before);
    }
}
