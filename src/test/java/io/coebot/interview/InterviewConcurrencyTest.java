package io.coebot.interview;

import static io.coebot.interview.Conversation.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Two people typing at once: a message written while the previous question was on screen belongs to that
 * question, even if it arrives after the bot moved on.
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
    void aReplyBeforeTheQuestionIsPostedGrowsThePreviousAnswer() {
        Conversation c = servicesJustAnswered();
        c.reply("U2", "and the admin console");

        Answer services = c.state.answers().get("services");
        assertEquals("checkout\nand the admin console", services.text());
        assertEquals("checkout\nand the admin console", services.value());
        assertEquals(List.of("U1", "U2"), services.contributors());
        assertEquals(List.of("Added that to the answer to “Affected services”, since it was sent before this "
                + "question appeared."), c.says());
        assertEquals("customers_affected", c.current());
        assertNull(c.value("customers_affected"));
    }

    @Test
    void aReplyAfterTheQuestionIsPostedAnswersIt() {
        Conversation c = servicesJustAnswered();
        c.send(new QuestionPosted("customers_affected", c.nextTs()));
        c.reply("U2", "about 300");

        assertEquals("about 300", c.value("customers_affected"));
        assertEquals("checkout", c.value("services"));
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
        Conversation c = servicesJustAnswered();
        c.send(new QuestionPosted("customers_affected", questionTs));
        c.replyAt("U2", "about 300", replyTs);

        if (answered.equals("services")) {
            assertEquals("checkout\nabout 300", c.value("services"));
            assertNull(c.value("customers_affected"));
        } else {
            assertEquals("about 300", c.value("customers_affected"));
            assertEquals("checkout", c.value("services"));
        }
    }

    @Test
    void aLateSecondStructuredAnswerIsKeptButTheFirstValueStays() {
        Conversation c = Conversation.started().answerUntil("severity");
        c.postQuestions = false;
        c.reply("U1", "sev2");
        c.reply("U2", "sev3");

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

        assertEquals("2026-11-19T14:05:00Z", c.value("trigger_at"));
        assertNull(c.value("detected_at"));
        assertContains(c.said(), "kept the first one (Thu 19 Nov 2026 14:05 UTC)");
    }

    @Test
    void withNoEarlierAnswerAnUnpostedQuestionIsStillAnswered() {
        Conversation c = new Conversation();
        c.postQuestions = false;
        c.state = Interview.begin(Conversation.NOW).state();
        c.reply("2026-11-19 14:05 UTC");

        assertEquals("2026-11-19T14:05:00Z", c.value("trigger_at"));
    }

    @Test
    void whenThePreviousQuestionWasSkippedALateReplyAnswersTheCurrentOne() {
        Conversation c = Conversation.started().answerUntil("services");
        c.postQuestions = false;
        c.press(Control.SKIP);
        c.reply("U2", "about 300");

        assertEquals("about 300", c.value("customers_affected"));
        assertEquals(List.of("services"), c.state.skipped());
    }

    @Test
    void aPostedTsForAnotherQuestionIsIgnored() {
        Conversation c = servicesJustAnswered();
        InterviewState before = c.state;
        c.send(new QuestionPosted("services", c.nextTs()));

        c.assertNothingHappened(before);
        c.reply("U2", "and search");
        assertEquals("checkout\nand search", c.value("services"));
    }

    @Test
    void onlyTheFirstPostOfAQuestionCounts() {
        Conversation c = servicesJustAnswered();
        c.send(new QuestionPosted("customers_affected", "100.000000"));
        c.press(Control.PAUSE);
        c.press(Control.RESUME); // the re-ask is posted again, later
        c.send(new QuestionPosted("customers_affected", "200.000000"));
        c.replyAt("U2", "about 300", "150.000000"); // typed after the first post: an answer to this question

        assertEquals("about 300", c.value("customers_affected"));
    }

    @Test
    void aSkipTypedBeforeTheQuestionAppearedDoesNotSkipIt() {
        Conversation c = servicesJustAnswered();
        c.reply("U2", "skip");

        assertEquals(List.of(Facilitator.STALE_SKIP), c.says());
        assertEquals("customers_affected", c.current());
        assertFalse(c.state.skipped().contains("customers_affected"));

        c.send(new QuestionPosted("customers_affected", c.nextTs()));
        c.reply("U2", "skip");
        assertEquals(List.of("customers_affected"), c.state.skipped());
    }

    @Test
    void aLateReplyCanBeEditedLikeAnyOther() {
        Conversation c = servicesJustAnswered();
        c.reply("U2", "and the admin console");
        c.edit(c.lastReplyTs, "and the partner API");

        assertEquals("checkout\nand the partner API", c.value("services"));
    }
}
