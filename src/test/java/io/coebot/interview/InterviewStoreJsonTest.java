package io.coebot.interview;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The state survives the trip through the database's JSON exactly, or a restart would lose answers. */
class InterviewStoreJsonTest {
    @Test
    void aStateWithAnswersSkipsAndATrailRoundTrips() {
        Instant now = Instant.parse("2026-11-20T10:00:00Z");
        Step step = Interview.begin(now);
        step = Interview.next(step.state(), new QuestionPosted(Questions.TRIGGER_AT, "1763632800.000100"), now);
        step = Interview.next(step.state(), new Reply("U1", "09:00", "1763632801.000200", ZoneOffset.UTC), now);
        step = Interview.next(step.state(), new QuestionPosted(Questions.DETECTED_AT, "1763632801.000250"), now);
        step = Interview.next(step.state(), new Reply("U2", "skip", "1763632802.000300", ZoneOffset.UTC), now);
        InterviewState state = step.state();

        InterviewState back = InterviewStore.fromJson(InterviewStore.toJson(state));

        assertEquals(state, back);
        assertEquals(Questions.MITIGATED_AT, back.currentQuestionId());
        assertEquals("U1", back.answers().get(Questions.TRIGGER_AT).contributions().get(0).userId());
    }
}
