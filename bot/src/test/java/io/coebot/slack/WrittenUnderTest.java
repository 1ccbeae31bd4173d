package io.coebot.slack;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WrittenUnderTest {
    private static final Function<String, MessageTs> TS = MessageTs::new;

    @Test
    void heldRepliesKeepTheOrderTheyWereWrittenIn() {
        List<String> held = List.of();
        for (String ts : new String[]{"1700000000.000300", "9.000001", "1700000000.000100", "10.000000"}) {
            held = WrittenUnder.hold(held, ts, TS);
        }
        assertEquals(List.of("9.000001", "10.000000", "1700000000.000100", "1700000000.000300"), held);
        assertEquals(2, WrittenUnder.indexOf(held, new MessageTs("1700000000.0001"), TS), "the same ts, however it is written");
        assertEquals(-1, WrittenUnder.indexOf(held, new MessageTs("1700000000.000200"), TS));
    }

    @Test
    void aReplyIsWrittenUnderTheNewestQuestionShownBeforeIt() {
        List<String> asked = List.of("100.000000", "200.000000", "300.000000");
        assertEquals("200.000000", WrittenUnder.question(asked, new MessageTs("250.000000"), TS).orElseThrow());
        assertTrue(WrittenUnder.question(asked, new MessageTs("50.000000"), TS).isEmpty());
        assertTrue(WrittenUnder.beforeQuestion(new MessageTs("250.000000"), new MessageTs("300.000000")));
        assertFalse(WrittenUnder.beforeQuestion(new MessageTs("350.000000"), new MessageTs("300.000000")));
    }

    @Test
    void aQuestionNeverPostedIsOlderThanEveryReplyWhicheverWayItWasSaved() {
        assertTrue(MessageTs.NEVER_POSTED.neverPosted());
        assertTrue(new MessageTs("0").neverPosted(), "5 Whys sessions saved before the value was shared");
        assertFalse(new MessageTs("1700000000.000100").neverPosted());
        assertFalse(WrittenUnder.beforeQuestion(new MessageTs("1700000000.000100"), MessageTs.NEVER_POSTED));
    }

    @Test
    void aReplayStopsAnsweringOnceAReplyAsksANewQuestion() {
        // state: the replies applied so far, and "?" at the end while a question waits for its ts
        String end = WrittenUnder.replay("", List.of("a", "b", "c"), s -> s.endsWith("?"),
                (s, r) -> s.substring(0, s.length() - 1) + "(held " + r + ")?", (s, r) -> s + r + (r.equals("a") ? "?" : ""));
        assertEquals("a(held b)(held c)?", end);
    }
}
