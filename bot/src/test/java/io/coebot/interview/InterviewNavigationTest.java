package io.coebot.interview;

import static io.coebot.interview.Conversation.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** skip, the pass over skipped questions before the summary, and back. */
class InterviewNavigationTest {

    @Test
    void skippedQuestionsAreAskedAgainBeforeTheSummary() {
        Conversation c = Conversation.started().answerUntil("services");
        c.press(Control.SKIP);
        assertEquals(List.of("services"), c.state.skipped());
        assertEquals("customers_affected", c.current());

        c.answerUntil("lessons");
        c.reply("skip");
        c.reply(Conversation.ANSWERS.get("related"));

        assertEquals(List.of("Before the summary, let's go back to the 2 questions you skipped. "
                + "`skip` again leaves one open."), c.says());
        assertEquals(List.of("services"), c.askedIds());
        assertTrue(c.lastAsk().text().startsWith("*Basics* — Which services were affected?"), c.lastAsk().text());

        c.reply("checkout");
        assertEquals(List.of("lessons"), c.askedIds());
        c.reply("Review config like code");
        assertEquals(List.of("summary"), c.askedIds());
        assertEquals(List.of(), c.state.skipped());
        assertEquals("checkout", c.value("services"));
    }

    @Test
    void skippingAgainLeavesTheQuestionOpenForGood() {
        Conversation c = Conversation.started().answerUntil("services");
        c.press(Control.SKIP);
        c.answerUntil("services"); // asked again in the pass before the summary
        assertContains(c.said(), "the question you skipped");

        c.press(Control.SKIP);
        assertEquals("summary", c.current());
        c.reply("accept");

        assertEquals(InterviewStatus.COMPLETE, c.state.status());
        assertEquals(List.of("services"), c.state.skipped());
        assertContains(c.said(), "Still open: “Affected services”.");
        assertContains(c.said(), "/coe answers");
        assertEquals(1, c.asked.stream().filter("summary"::equals).count());
        assertEquals(2, c.asked.stream().filter("services"::equals).count());
    }

    @Test
    void aQuestionSkippedJustBeforeThePassIsOfferedLastNotStraightAway() {
        Conversation c = Conversation.started().answerUntil("services");
        c.press(Control.SKIP);
        c.answerUntil("related");
        c.press(Control.SKIP);

        assertEquals(List.of("services"), c.askedIds());
        c.reply("checkout");
        assertEquals(List.of("related"), c.askedIds());
    }

    @Test
    void aLoneQuestionSkippedLastIsNotAskedTwiceInARow() {
        Conversation c = Conversation.started().answerUntil("related");
        c.press(Control.SKIP);

        assertEquals(List.of("summary"), c.askedIds());
        c.reply("accept");
        assertContains(c.said(), "Still open: “Related items”.");
    }

    @Test
    void skippingTheSummaryCompletesWithTheSummaryOpen() {
        Conversation c = Conversation.started().answerUntil("summary");
        c.press(Control.SKIP);

        assertEquals(InterviewStatus.COMPLETE, c.state.status());
        assertContains(c.said(), "Still open: “Summary”.");
    }

    @Test
    void backAtTheFirstQuestionSaysThereIsNothingBefore() {
        Conversation c = Conversation.started();
        InterviewState before = c.state;
        c.press(Control.BACK);

        assertEquals(List.of("This is the first question, so there's nothing to go back to."), c.says());
        assertEquals(before, c.state);
    }

    @Test
    void backReasksThePreviousQuestionAndTheNewAnswerReplacesTheOld() {
        Conversation c = Conversation.started().answerUntil("services");
        c.reply("back");

        assertEquals(List.of("severity"), c.askedIds());
        assertEquals(List.of("The answer so far: SEV2. Your reply replaces it; `skip` keeps it."), c.says());
        assertFalse(c.lastAsk().text().startsWith("*"), "same section, no title: " + c.lastAsk().text());

        c.reply("sev3");
        assertEquals("SEV3", c.value("severity"));
        assertEquals(1, c.state.answers().get("severity").contributions().size());
        assertEquals(List.of("services"), c.askedIds());
    }

    @Test
    void backTwiceThenAnsweringReturnsToWhereTheTeamLeftOff() {
        Conversation c = Conversation.started().answerUntil("services");
        c.press(Control.BACK);
        c.press(Control.BACK);
        assertEquals("resolved_at", c.current());

        c.reply("2026-11-19 16:10 UTC");
        assertEquals("2026-11-19T16:10:00Z", c.value("resolved_at"));
        assertEquals("services", c.current());
        assertEquals("SEV2", c.value("severity"));
    }

    @Test
    void skipOnAQuestionReachedWithBackKeepsItsAnswer() {
        Conversation c = Conversation.started().answerUntil("services");
        c.press(Control.BACK);
        c.press(Control.SKIP);

        assertEquals("SEV2", c.value("severity"));
        assertEquals(List.of(), c.state.skipped());
        assertEquals(List.of("Kept the answer to “Severity”: SEV2."), c.says());
        assertEquals("services", c.current());
    }

    @Test
    void backAcrossTheConditionalBranchFollowsThePathTaken() {
        Conversation c = Conversation.started().answerUntil("internal_activity");
        c.reply("yes");
        c.answerUntil("diagnosis_halve");

        c.press(Control.BACK);
        assertEquals("backlog_task", c.current());
        c.press(Control.BACK);
        assertEquals("owner_knew", c.current());
        c.press(Control.BACK);
        assertEquals("activity_announced", c.current());
        c.press(Control.BACK);
        assertEquals("internal_activity", c.current());

        c.reply("no");
        assertEquals("diagnosis_halve", c.current());
        SectionProgress diagnosis = InterviewProgress.of(c.state).get(Section.DIAGNOSIS.ordinal());
        assertEquals(3, diagnosis.applicable());
        assertEquals(2, diagnosis.answered());

        c.press(Control.BACK);
        assertEquals("internal_activity", c.current(), "the follow-ups no longer apply, so back skips them");
    }

    @Test
    void backFromAfterTheDiagnosisWithoutActivityGoesToTheYesNoQuestion() {
        Conversation c = Conversation.started().answerUntil("diagnosis_halve");
        c.press(Control.BACK);

        assertEquals("internal_activity", c.current());
    }

    @Test
    void changingNoToYesWithBackAsksTheFollowUps() {
        Conversation c = Conversation.started().answerUntil("mitigated_confirm");
        c.press(Control.BACK);
        c.press(Control.BACK);
        assertEquals("internal_activity", c.current());

        c.reply("yes");
        assertEquals(List.of("activity_announced"), c.askedIds());
        c.reply("no");
        c.reply("No, nobody told them");
        c.reply("No task existed");
        assertEquals("mitigated_confirm", c.current(), "diagnosis_halve was answered before, so it is not asked again");
    }

    @Test
    void backIntoAnEarlierSectionOpensWithThatSectionsTitle() {
        Conversation c = Conversation.started().answerUntil("customers_affected");
        c.press(Control.BACK);

        assertTrue(c.lastAsk().text().startsWith("*Basics* — Which services were affected?"), c.lastAsk().text());
    }

    @Test
    void backDuringThePassOverSkippedQuestionsKeepsThemInThePass() {
        Conversation c = Conversation.started().answerUntil("services");
        c.press(Control.SKIP);
        c.answerUntil("related");
        c.reply("none");
        assertEquals("services", c.current());

        c.press(Control.BACK);
        assertEquals("related", c.current());
        c.reply("COE-123");
        assertEquals("services", c.current(), "the skipped question is still asked again");
        c.reply("checkout");
        assertEquals("summary", c.current());
    }

    @Test
    void backFromTheSummaryReasksTheLastQuestion() {
        Conversation c = Conversation.started().answerUntil("summary");
        c.press(Control.BACK);

        assertEquals("related", c.current());
        c.reply("COE-99 had the same cause");
        assertEquals("summary", c.current());
        assertContains(c.lastAsk().text(), "*Summary* — ");
    }

    @Test
    void theInterviewNeverEndsUpWithoutAQuestionWhileRunning() {
        Conversation c = Conversation.started();
        for (int i = 0; i < 40 && c.state.status() != InterviewStatus.COMPLETE; i++) {
            c.press(i % 3 == 2 ? Control.BACK : Control.SKIP);
            if (c.state.status() != InterviewStatus.COMPLETE) {
                assertTrue(c.current() != null && !c.last.replies().isEmpty(), "silent step at " + i);
            }
        }
    }
}
