package io.coebot.interview;

import static io.coebot.interview.Conversation.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Two people typing at once: a message written while the previous question was on screen belongs to that
 * question, even if it arrives after the bot moved on. A reply that arrives before the bot knows when the
 * current question was posted waits until it does.
 */
class InterviewConcurrencyTest {

    /** At customers_affected, with services answered by U1 and the new question not posted yet. */
    private static Conversation servicesJustAnswered() {
        Conversation c = Conversation.started().answerUntil("services");
        c.postQuestions = false;
        c.reply("U1", "checkout");
        assertEquals("customers_affected", c.current());
        assertNull(c.state.askedTs());
        return c;
    }

    @Test
    void aReplyBeforeTheQuestionIsPostedWaitsAndSaysNothing() {
        Conversation c = servicesJustAnswered();
        c.reply("U2", "and the admin console");

        assertEquals(List.of(), c.last.replies());
        assertEquals("checkout", c.value("services"));
        assertNull(c.value("customers_affected"));
        assertEquals(List.of("and the admin console"), c.state.heldReplies().stream().map(HeldReply::text).toList());
    }

    @Test
    void aHeldReplyOlderThanTheQuestionGrowsThePreviousAnswerOncePosted() {
        Conversation c = servicesJustAnswered();
        c.reply("U2", "and the admin console");
        c.post(); // its ts is later than the reply: nobody could see it when the reply was written

        Answer services = c.state.answers().get("services");
        assertEquals("checkout\nand the admin console", services.text());
        assertEquals("checkout\nand the admin console", services.value());
        assertEquals(List.of("U1", "U2"), services.contributors());
        assertEquals(List.of("Added that to the answer to “Affected services”, since it was sent before this "
                + "question appeared."), c.says());
        assertEquals("customers_affected", c.current());
        assertNull(c.value("customers_affected"));
        assertEquals(List.of(), c.state.heldReplies());
    }

    @Test
    void aHeldReplyNewerThanTheQuestionAnswersItOncePosted() {
        Conversation c = servicesJustAnswered();
        String questionTs = c.nextTs(); // Slack has the question; the bot hears of it after the reply
        c.reply("U2", "about 300");
        c.send(new QuestionPosted("customers_affected", Conversation.at(questionTs)));

        assertEquals("about 300", c.value("customers_affected"));
        assertEquals("checkout", c.value("services"));
        assertEquals(List.of("customer_experience"), c.askedIds());
        assertEquals(List.of(), c.says());
    }

    @Test
    void ofTwoHeldRepliesTheSecondWaitsForTheNextQuestion() {
        Conversation c = servicesJustAnswered();
        String customersTs = c.nextTs();
        c.reply("U2", "about 300");
        String experienceTs = c.nextTs();
        c.reply("U3", "checkout failed with an error page");

        c.send(new QuestionPosted("customers_affected", Conversation.at(customersTs)));
        assertEquals("about 300", c.value("customers_affected"));
        assertEquals(List.of("customer_experience"), c.askedIds());
        assertNull(c.value("customer_experience"), "its question is not posted yet");
        assertEquals(1, c.state.heldReplies().size());

        c.send(new QuestionPosted("customer_experience", Conversation.at(experienceTs)));
        assertEquals("checkout failed with an error page", c.value("customer_experience"));
        assertEquals("about 300", c.value("customers_affected"));
        assertEquals(List.of("impact_severity"), c.askedIds());
        assertEquals(List.of(), c.state.heldReplies());
    }

    @Test
    void heldRepliesApplyInTheOrderTheyWereWrittenNotTheOrderTheyArrived() {
        Conversation c = servicesJustAnswered();
        String questionTs = c.nextTs();
        String firstTs = c.nextTs();
        String secondTs = c.nextTs();
        c.replyAt("U3", "checkout failed with an error page", secondTs);
        c.replyAt("U2", "about 300", firstTs);
        c.send(new QuestionPosted("customers_affected", Conversation.at(questionTs)));

        assertEquals("about 300", c.value("customers_affected"));
    }

    @ParameterizedTest(name = "question at {0}, reply at {1}: {2}")
    @CsvSource({
            "10.000000,         9.000001,          services",           // as strings 9.000001 > 10.000000
            "9.000001,          10.000000,         customers_affected",
            "1700000000.000100, 1700000000.000099, services",           // one microsecond earlier
            "1700000000.000100, 1700000000.000101, customers_affected",
            "1700000000.000100, 1700000000.000100, customers_affected", // same instant is not older
    })
    void repliesAreOrderedAgainstTheQuestionByTsAsDecimals(String questionTs, String replyTs, String answered) {
        Conversation postedFirst = servicesJustAnswered();
        postedFirst.send(new QuestionPosted("customers_affected", Conversation.at(questionTs)));
        postedFirst.replyAt("U2", "about 300", replyTs);
        Conversation heldFirst = servicesJustAnswered();
        heldFirst.replyAt("U2", "about 300", replyTs);
        heldFirst.send(new QuestionPosted("customers_affected", Conversation.at(questionTs)));

        for (Conversation c : List.of(postedFirst, heldFirst)) {
            if (answered.equals("services")) {
                assertEquals("checkout\nabout 300", c.value("services"));
                assertNull(c.value("customers_affected"));
            } else {
                assertEquals("about 300", c.value("customers_affected"));
                assertEquals("checkout", c.value("services"));
            }
        }
    }

    @Test
    void whenTheQuestionCannotBePostedHeldRepliesAnswerIt() {
        Conversation c = servicesJustAnswered();
        c.reply("U2", "about 300");
        c.send(new QuestionFailed("customers_affected"));

        assertEquals("about 300", c.value("customers_affected"));
        assertEquals("checkout", c.value("services"));
        assertEquals(List.of("customer_experience"), c.askedIds());
        assertEquals(List.of(), c.says());
    }

    @Test
    void afterAFailedPostLaterRepliesAnswerTheCurrentQuestion() {
        Conversation c = servicesJustAnswered();
        c.send(new QuestionFailed("customers_affected"));
        assertEquals(List.of(), c.last.replies());

        c.reply("U2", "about 300");
        assertEquals("about 300", c.value("customers_affected"));
        assertEquals("checkout", c.value("services"));
    }

    @Test
    void aFailureReportedForAnotherQuestionIsIgnored() {
        Conversation c = servicesJustAnswered();
        c.reply("U2", "about 300");
        InterviewState before = c.state;
        c.send(new QuestionFailed("services"));

        c.assertNothingHappened(before);
    }

    @Test
    void aLateSecondStructuredAnswerIsKeptButTheFirstValueStays() {
        Conversation c = Conversation.started().answerUntil("severity");
        c.postQuestions = false;
        c.reply("U1", "sev2");
        c.reply("U2", "sev3");
        c.post();

        Answer severity = c.state.answers().get("severity");
        assertEquals("SEV2", severity.value());
        assertEquals("sev2\nsev3", severity.text());
        assertEquals(List.of("U1", "U2"), severity.contributors());
        assertEquals(List.of("“Severity” already had an answer, so I kept the first one (SEV2). "
                + "Say `back` to change it."), c.says());
        assertEquals("services", c.current());
        assertNull(c.value("services"));
    }

    @Test
    void aLateTimeIsNotReadAsTheNextAnswer() {
        Conversation c = Conversation.started();
        c.postQuestions = false;
        c.reply("U1", "2026-11-19 14:05 UTC");
        c.reply("U2", "2026-11-19 14:00 UTC");
        c.post();

        assertEquals("2026-11-19T14:05:00Z", c.value("trigger_at"));
        assertNull(c.value("detected_at"));
        assertContains(c.said(), "kept the first one (Thu 19 Nov 2026 14:05 UTC)");
    }

    @Test
    void aHeldTimeIsReadInTheWritersZoneAsOfWhenItWasWritten() {
        Conversation c = Conversation.started();
        c.postQuestions = false;
        c.reply("U1", "2026-11-19 14:05 UTC");
        String questionTs = c.nextTs();
        c.zone = ZoneId.of("America/Los_Angeles");
        c.reply("U2", "06:50"); // written at 02:00 in LA on the 20th, so yesterday's 06:50
        c.now = Conversation.NOW.plusSeconds(2 * 24 * 3600); // the post is only confirmed two days later

        // the held reply is part of the state, so it survives being stored and loaded in between
        InterviewState s = c.state;
        c.state = new InterviewState(s.status(), s.currentQuestionId(), s.askedTs(), s.previousQuestionId(),
                s.answers(), s.skipped(), s.trail(), s.revisiting(), s.revisit(), List.copyOf(s.heldReplies()));
        c.send(new QuestionPosted("detected_at", Conversation.at(questionTs)));

        assertEquals("2026-11-19T14:50:00Z", c.value("detected_at"));
        assertEquals("Got it: Thu 19 Nov 2026 14:50 UTC (06:50 America/Los_Angeles).", c.says().get(0));
    }

    @Test
    void aStateStoredBeforeRepliesWereHeldHasNoneHeld() {
        InterviewState old = new InterviewState(InterviewStatus.IN_PROGRESS, "trigger_at", null, null, null, null,
                null, false, null, null);

        assertEquals(List.of(), old.heldReplies());
    }

    @Test
    void withNoEarlierAnswerAHeldReplyAnswersTheFirstQuestionOncePosted() {
        Conversation c = new Conversation();
        c.postQuestions = false;
        c.state = Interview.begin(Conversation.NOW).state();
        c.reply("2026-11-19 14:05 UTC");
        assertNull(c.value("trigger_at"));

        c.post();
        assertEquals("2026-11-19T14:05:00Z", c.value("trigger_at"));
        assertEquals(List.of("detected_at"), c.askedIds());
    }

    @Test
    void whenThePreviousQuestionWasSkippedALateReplyAnswersTheCurrentOne() {
        Conversation c = Conversation.started().answerUntil("services");
        c.postQuestions = false;
        c.press(Control.SKIP);
        c.reply("U2", "about 300");
        c.post();

        assertEquals("about 300", c.value("customers_affected"));
        assertEquals(List.of("services"), c.state.skipped());
    }

    @Test
    void aPostedTsForAnotherQuestionIsIgnored() {
        Conversation c = servicesJustAnswered();
        InterviewState before = c.state;
        c.send(new QuestionPosted("services", Conversation.at(c.nextTs())));

        c.assertNothingHappened(before);
        c.reply("U2", "and search");
        assertEquals("checkout", c.value("services"), "still held");
        c.post();
        assertEquals("checkout\nand search", c.value("services"));
    }

    @Test
    void onlyTheFirstPostOfAQuestionCounts() {
        Conversation c = servicesJustAnswered();
        c.send(new QuestionPosted("customers_affected", Conversation.at("100.000000")));
        c.press(Control.PAUSE);
        c.press(Control.RESUME); // the re-ask is posted again, later
        c.send(new QuestionPosted("customers_affected", Conversation.at("200.000000")));
        c.replyAt("U2", "about 300", "150.000000"); // typed after the first post: an answer to this question

        assertEquals("about 300", c.value("customers_affected"));
    }

    @Test
    void aQuestionReachedWithBackHoldsRepliesUntilItIsPostedAgain() {
        Conversation c = Conversation.started().answerUntil("customers_affected");
        c.postQuestions = false;
        c.press(Control.BACK);
        assertEquals("services", c.current());
        String questionTs = c.nextTs();
        c.reply("U2", "checkout and search");
        assertEquals("checkout and payments API", c.value("services"), "held, not yet taken");

        c.send(new QuestionPosted("services", Conversation.at(questionTs)));
        assertEquals("checkout and search", c.value("services"));
    }

    @Test
    void aSkipTypedBeforeTheQuestionAppearedDoesNotSkipIt() {
        Conversation c = servicesJustAnswered();
        c.reply("U2", "skip");
        assertEquals(List.of(), c.last.replies(), "held until the question is posted");
        c.post();

        assertEquals(List.of(Facilitator.STALE_SKIP), c.says());
        assertEquals("customers_affected", c.current());
        assertFalse(c.state.skipped().contains("customers_affected"));

        c.reply("U2", "skip");
        assertEquals(List.of("customers_affected"), c.state.skipped());
    }

    @Test
    void aSkipTypedAfterTheQuestionAppearedSkipsItOncePosted() {
        Conversation c = servicesJustAnswered();
        String questionTs = c.nextTs();
        c.reply("U2", "skip");
        c.send(new QuestionPosted("customers_affected", Conversation.at(questionTs)));

        assertEquals(List.of("customers_affected"), c.state.skipped());
        assertEquals(List.of("customer_experience"), c.askedIds());
    }

    @Test
    void aLateReplyCanBeEditedLikeAnyOther() {
        Conversation c = servicesJustAnswered();
        c.reply("U2", "and the admin console");
        c.post();
        c.edit(c.lastReplyTs, "and the partner API");

        assertEquals("checkout\nand the partner API", c.value("services"));
    }

    @Test
    void aHeldReplyEditedBeforeThePostIsTakenAsEdited() {
        Conversation c = servicesJustAnswered();
        c.reply("U2", "and the admin consle");
        c.edit(c.lastReplyTs, "and the admin console");
        assertEquals(List.of(), c.last.replies());
        c.post();

        assertEquals("checkout\nand the admin console", c.value("services"));
    }

    @Test
    void aHeldReplyDeletedBeforeThePostIsNeverTaken() {
        Conversation c = servicesJustAnswered();
        c.reply("U2", "and the admin console");
        c.delete(c.lastReplyTs);
        assertEquals(List.of(), c.last.replies());
        c.post();

        assertEquals("checkout", c.value("services"));
        assertEquals(List.of(), c.says());
    }

    @Test
    void theSameMessageDeliveredTwiceCountsOnce() {
        Conversation c = Conversation.started().answerUntil("services");
        c.reply("U1", "checkout");
        String ts = c.lastReplyTs;
        c.reply("U2", "about 300");
        String secondTs = c.lastReplyTs;
        InterviewState before = c.state;

        c.replyAt("U1", "checkout", ts);
        c.assertNothingHappened(before);
        c.replyAt("U2", "about 300", secondTs);
        c.assertNothingHappened(before);
        assertEquals("checkout", c.value("services"));
        assertEquals("about 300", c.value("customers_affected"));
        assertEquals(1, c.state.answers().get("customers_affected").contributions().size());
    }

    @Test
    void aHeldMessageDeliveredTwiceIsAppliedOnce() {
        Conversation c = servicesJustAnswered();
        c.reply("U2", "and the admin console");
        String ts = c.lastReplyTs;
        InterviewState held = c.state;
        c.replyAt("U2", "and the admin console", ts);
        c.assertNothingHappened(held);
        c.post();

        assertEquals("checkout\nand the admin console", c.value("services"));
        assertEquals(List.of("U1", "U2"), c.state.answers().get("services").contributors());
    }
}
