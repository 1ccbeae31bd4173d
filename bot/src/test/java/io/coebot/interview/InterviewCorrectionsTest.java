package io.coebot.interview;

import static io.coebot.interview.Conversation.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Editing or deleting the message that held an answer, and rewriting an answer from the modal. */
class InterviewCorrectionsTest {

    @Test
    void editingATextAnswerUpdatesIt() {
        Conversation c = Conversation.started().answerUntil("services");
        c.reply("chekout");
        String ts = c.lastReplyTs;
        c.edit(ts, "checkout");

        assertEquals("checkout", c.value("services"));
        assertEquals(List.of("Updated the answer to “Affected services”."), c.says());
        assertEquals("customers_affected", c.current(), "an edit does not move the interview");
        assertEquals(List.of(), c.askedIds());
    }

    @Test
    void editingATimeReReadsItAndEchoes() {
        Conversation c = Conversation.started();
        c.reply("2026-11-19 14:50 UTC");
        c.edit(c.lastReplyTs, "2026-11-19 14:05 UTC");

        assertEquals("2026-11-19T14:05:00Z", c.value("trigger_at"));
        assertEquals(List.of("Updated the answer to “When it started”. Got it: Thu 19 Nov 2026 14:05 UTC."), c.says());
    }

    @Test
    void aBareTimeInAnEditKeepsTheDayTheMessageWasWrittenOn() {
        Conversation c = Conversation.started();
        c.reply("14:50"); // read as Thu 19 Nov (later than now means yesterday)
        String ts = c.lastReplyTs;
        c.now = Conversation.NOW.plusSeconds(2 * 24 * 3600); // the typo is fixed two days later
        c.edit(ts, "14:05");

        assertEquals("2026-11-19T14:05:00Z", c.value("trigger_at"));
    }

    @Test
    void aTimeEditThatBreaksTheOrderIsNotTakenAndThePreviousValueKept() {
        Conversation c = Conversation.started();
        c.reply("2026-11-19 14:05 UTC");
        String triggerTs = c.lastReplyTs;
        c.reply("2026-11-19 14:43 UTC");
        c.edit(triggerTs, "2026-11-19 15:00 UTC");

        assertEquals(List.of("I didn't take that edit to “When it started”. That would put detection "
                + "(Thu 19 Nov 2026 14:43 UTC) before the trigger (Thu 19 Nov 2026 15:00 UTC). Please check the "
                + "time. I kept the previous answer: Thu 19 Nov 2026 14:05 UTC."), c.says());
        assertEquals("2026-11-19T14:05:00Z", c.value("trigger_at"));
        assertEquals("2026-11-19 14:05 UTC", c.state.answers().get("trigger_at").text());
    }

    @Test
    void aTimeEditThatCannotBeReadIsNotTaken() {
        Conversation c = Conversation.started();
        c.reply("2026-11-19 14:05 UTC");
        c.edit(c.lastReplyTs, "around two");

        assertContains(c.said(), "I didn't take that edit to “When it started”. I couldn't read “around two” as a time.");
        assertContains(c.said(), "I kept the previous answer: Thu 19 Nov 2026 14:05 UTC.");
        assertEquals("2026-11-19T14:05:00Z", c.value("trigger_at"));
    }

    @Test
    void editingAMessageThatHeldNoAnswerDoesNothing() {
        Conversation c = Conversation.started().answerUntil("services");
        c.reply("(checking the dashboard)");
        String remarkTs = c.lastReplyTs;
        InterviewState before = c.state;

        c.edit(remarkTs, "checkout");
        c.assertNothingHappened(before);
        c.edit("999.000000", "checkout");
        c.assertNothingHappened(before);
    }

    @Test
    void editingAChoiceReReadsIt() {
        Conversation c = Conversation.started().answerUntil("severity");
        c.reply("sev3");
        c.edit(c.lastReplyTs, "sev2");

        assertEquals("SEV2", c.value("severity"));
        assertEquals(List.of("Updated the answer to “Severity”."), c.says());
    }

    @Test
    void changingTheActivityAnswerToNoByEditMovesPastFollowUpsThatNoLongerApply() {
        Conversation c = Conversation.started().answerUntil("internal_activity");
        c.reply("yes");
        String yesTs = c.lastReplyTs;
        c.reply("yes"); // activity_announced
        assertEquals("owner_knew", c.current());

        c.edit(yesTs, "no");

        assertEquals("no", c.value("internal_activity"));
        assertEquals("Updated the answer to “Internal activity under way”.", c.says().get(0));
        assertEquals(List.of("diagnosis_halve"), c.askedIds());
        SectionProgress diagnosis = InterviewProgress.of(c.state).get(Section.DIAGNOSIS.ordinal());
        assertEquals(3, diagnosis.applicable());
        assertEquals(2, diagnosis.answered(), "activity_announced no longer counts");
        assertEquals("yes", c.value("activity_announced"), "kept, in case the answer goes back to yes");
    }

    @Test
    void changingTheActivityAnswerToYesLaterAsksTheFollowUpsNext() {
        Conversation c = Conversation.started().answerUntil("internal_activity");
        c.reply("no");
        String noTs = c.lastReplyTs;
        c.edit(noTs, "yes, a database failover drill");
        assertEquals("diagnosis_halve", c.current());

        c.reply("Link the deploy log from the alarm");
        assertEquals(List.of("activity_announced"), c.askedIds());
    }

    @Test
    void deletingAnAnswerClearsItAndItIsAskedAgainBeforeTheSummary() {
        Conversation c = Conversation.started().answerUntil("services");
        c.reply("checkout");
        String ts = c.lastReplyTs;
        c.delete(ts);

        assertNull(c.value("services"));
        assertEquals(List.of("services"), c.state.skipped());
        assertEquals(List.of("Cleared the answer to “Affected services”. I'll ask it again before the summary."),
                c.says());
        assertEquals("customers_affected", c.current());

        c.answerUntil("services");
        assertContains(c.said(), "Before the summary");
    }

    @Test
    void deletingOneOfTwoMessagesShrinksTheAnswer() {
        Conversation c = Conversation.started().answerUntil("services");
        c.postQuestions = false;
        c.reply("U1", "checkout");
        c.reply("U2", "and search");
        String second = c.lastReplyTs;
        c.post();
        c.delete(second);

        assertEquals("checkout", c.value("services"));
        assertEquals(List.of("U1"), c.state.answers().get("services").contributors());
        assertEquals(List.of("Removed that message from the answer to “Affected services”."), c.says());
    }

    @Test
    void deletingTheMessageThatSetAChoiceClearsIt() {
        Conversation c = Conversation.started().answerUntil("severity");
        c.postQuestions = false;
        c.reply("U1", "sev2");
        String first = c.lastReplyTs;
        c.reply("U2", "sev3");
        c.post();
        c.delete(first);

        assertNull(c.value("severity"));
        assertTrue(c.state.skipped().contains("severity"));
    }

    @Test
    void deletingAnUnknownMessageDoesNothing() {
        Conversation c = Conversation.started().answerUntil("services");
        InterviewState before = c.state;
        c.delete("1.000000");

        c.assertNothingHappened(before);
    }

    @Test
    void deletingAfterCompletionLeavesTheQuestionOpen() {
        Conversation c = Conversation.started().answerUntil("services");
        c.reply("checkout");
        String ts = c.lastReplyTs;
        c.answerToTheEnd();
        c.delete(ts);

        assertEquals(InterviewStatus.COMPLETE, c.state.status());
        assertEquals(List.of("Cleared the answer to “Affected services”. It's open now; `/coe answers` fills it in."),
                c.says());
        assertEquals(List.of("services"), c.state.openQuestions());
    }

    @Test
    void deletingDuringThePassOverSkippedQuestionsAddsItToThePass() {
        Conversation c = Conversation.started().answerUntil("services");
        c.press(Control.SKIP);
        c.answerUntil("lessons");
        c.reply("Review config like code");
        String lessonsTs = c.lastReplyTs;
        c.reply("none");
        assertEquals("services", c.current());

        c.delete(lessonsTs);
        c.reply("checkout");
        assertEquals("lessons", c.current());
    }

    @Test
    void theModalReplacesTheWholeAnswerButKeepsWhoAnswered() {
        Conversation c = Conversation.started().answerUntil("services");
        c.postQuestions = false;
        c.reply("U1", "checkout");
        String first = c.lastReplyTs;
        c.reply("U3", "and search");
        c.post();
        c.replace("services", "checkout, search and the partner API");

        Answer services = c.state.answers().get("services");
        assertEquals("checkout, search and the partner API", services.value());
        assertEquals("checkout, search and the partner API", services.text());
        assertEquals(List.of("U1", "U3", "U2"), services.contributors());
        assertEquals(List.of("Updated the answer to “Affected services”."), c.says());

        InterviewState replaced = c.state;
        c.edit(first, "checkout only");
        c.assertNothingHappened(replaced); // the old message no longer holds the answer
    }

    @Test
    void anEditorWhoHadAnsweredKeepsTheirPlaceAmongTheContributors() {
        Conversation c = Conversation.started().answerUntil("services");
        c.postQuestions = false;
        c.reply("U1", "checkout");
        c.reply("U3", "and search");
        c.post();
        c.send(new AnswerReplaced("U1", "services", "checkout and search", c.zone));
        c.replace("services", "checkout, search and the partner API");

        Answer services = c.state.answers().get("services");
        assertEquals(List.of("U1", "U3", "U2"), services.contributors());
        assertEquals("checkout, search and the partner API", services.text());
    }

    @Test
    void confirmingTheMitigationTimeFromTheModalShowsTheEditorsWords() {
        Conversation c = Conversation.started().answerToTheEnd();
        c.replace("mitigated_confirm", "2026-11-19 15:25 UTC");

        assertEquals("2026-11-19T15:25:00Z", c.value("mitigated_at"));
        assertEquals("2026-11-19 15:25 UTC", c.state.answers().get("mitigated_at").text());
        assertEquals(List.of("U2"), c.state.answers().get("mitigated_at").contributors());
        assertEquals(List.of("U1", "U2"), c.state.answers().get("mitigated_confirm").contributors());
    }

    @Test
    void theModalChecksTimesLikeTheThread() {
        Conversation c = Conversation.started().answerUntil("severity");
        c.replace("detected_at", "2026-11-19 13:00 UTC");

        assertEquals(List.of("I couldn't update “When it was detected”. That would put detection "
                + "(Thu 19 Nov 2026 13:00 UTC) before the trigger (Thu 19 Nov 2026 14:05 UTC). Please check the time."),
                c.says());
        assertEquals("2026-11-19T14:43:00Z", c.value("detected_at"));
    }

    @Test
    void theModalReadsTimesInTheEditorsZone() {
        Conversation c = Conversation.started().answerUntil("severity");
        c.zone = ZoneId.of("America/Los_Angeles");
        c.replace("detected_at", "2026-11-19 06:50");

        assertEquals("2026-11-19T14:50:00Z", c.value("detected_at"));
        assertEquals(List.of("Updated the answer to “When it was detected”. "
                + "Got it: Thu 19 Nov 2026 14:50 UTC (06:50 America/Los_Angeles)."), c.says());
    }

    @Test
    void answeringTheCurrentQuestionFromTheModalMovesOn() {
        Conversation c = Conversation.started().answerUntil("services");
        c.replace("services", "checkout");

        assertEquals("checkout", c.value("services"));
        assertEquals(List.of("customers_affected"), c.askedIds());
    }

    @Test
    void answeringASkippedQuestionFromTheModalClosesIt() {
        Conversation c = Conversation.started().answerUntil("services");
        c.press(Control.SKIP);
        c.replace("services", "checkout");

        assertEquals(List.of(), c.state.skipped());
        assertEquals(List.of(), c.state.openQuestions());
        assertEquals(List.of("Updated the answer to “Affected services”."), c.says());
        assertEquals("customers_affected", c.current(), "the question being asked stays open");
        c.answerUntil("summary");
        assertEquals(1, c.asked.stream().filter("services"::equals).count(), "not asked again");
    }

    @Test
    void answeringASkippedQuestionFromTheModalDuringThePassTakesItOutOfThePass() {
        Conversation c = Conversation.started().answerUntil("services");
        c.press(Control.SKIP);
        c.press(Control.SKIP); // customers_affected
        c.answerUntil("services");
        assertContains(c.said(), "the 2 questions you skipped");

        c.replace("customers_affected", "about 1,200");
        assertEquals(List.of("services"), c.state.openQuestions());
        c.reply("checkout");

        assertEquals("summary", c.current());
        assertEquals(List.of(), c.state.openQuestions());
        assertEquals(1, c.asked.stream().filter("customers_affected"::equals).count(), "not asked again");
    }

    @Test
    void answeringASkippedQuestionFromTheModalAfterCompletionClosesIt() {
        Conversation c = Conversation.started().answerUntil("related");
        c.press(Control.SKIP);
        c.reply("accept");
        assertEquals(List.of("related"), c.state.openQuestions());

        c.replace("related", "COE-99 had the same cause");
        assertEquals("COE-99 had the same cause", c.value("related"));
        assertEquals(List.of(), c.state.openQuestions());
        assertEquals(List.of(), c.state.skipped());
        assertEquals(InterviewStatus.COMPLETE, c.state.status());
        assertEquals(List.of("Updated the answer to “Related items”."), c.says());
    }

    @Test
    void theModalOnAnUnknownQuestionSaysSo() {
        Conversation c = Conversation.started();
        InterviewState before = c.state;
        c.replace("root_cause_v0", "whatever");

        assertEquals(List.of("There's no interview question called “root_cause_v0”."), c.says());
        assertEquals(before, c.state);
    }

    @Test
    void theModalAfterCompletionUpdatesWithoutReopening() {
        Conversation c = Conversation.started().answerToTheEnd();
        c.replace("severity", "SEV1");

        assertEquals("SEV1", c.value("severity"));
        assertEquals(InterviewStatus.COMPLETE, c.state.status());
        assertEquals(List.of(), c.askedIds());
    }

    @Test
    void correctingTheMitigationTimeFromTheModalKeepsTheConfirmationInStep() {
        Conversation c = Conversation.started().answerToTheEnd();
        c.replace("mitigated_at", "2026-11-19 15:25 UTC");

        assertEquals("2026-11-19T15:25:00Z", c.value("mitigated_at"));
        assertEquals("2026-11-19T15:25:00Z", c.value("mitigated_confirm"));
        assertFalse(c.state.skipped().contains("mitigated_at"));
    }
}
