package io.coebot.interview;

import io.coebot.slack.MessageTs;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The state survives the trip through the database's JSON exactly, or a restart would lose answers. */
class InterviewStoreJsonTest {
    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

    @Test
    void aStateWithAnswersSkipsAndATrailRoundTrips() {
        Step step = triggerAnswered();
        step = Interview.next(step.state(), new QuestionPosted(Questions.DETECTED_AT, new MessageTs("1763632801.000250")), NOW);
        step = Interview.next(step.state(), new Reply("U2", "skip", new MessageTs("1763632802.000300"), ZoneOffset.UTC), NOW);
        InterviewState state = step.state();

        InterviewState back = InterviewStore.fromJson(InterviewStore.toJson(state));

        assertEquals(state, back);
        assertEquals(Questions.MITIGATED_AT, back.currentQuestionId());
        assertEquals("U1", back.answers().get(Questions.TRIGGER_AT).contributions().get(0).userId());
    }

    /** Answers stored before the typed accessors load, and the JSON gains nothing from them. */
    @Test
    void aTimeAnswerIsStoredAsItsValueAndReadsBackAsAnInstant() {
        String json = InterviewStore.toJson(triggerAnswered().state());

        assertFalse(json.contains("\"instant\"") || json.contains("\"choices\""), json);
        Answer back = InterviewStore.fromJson(json).answers().get(Questions.TRIGGER_AT);
        assertEquals("2026-11-20T09:00:00Z", back.value());
        assertEquals(Optional.of(Instant.parse("2026-11-20T09:00:00Z")), back.instant());
    }

    private static Step triggerAnswered() {
        Step step = Interview.begin(NOW);
        step = Interview.next(step.state(), new QuestionPosted(Questions.TRIGGER_AT, new MessageTs("1763632800.000100")), NOW);
        return Interview.next(step.state(), new Reply("U1", "09:00", new MessageTs("1763632801.000200"), ZoneOffset.UTC), NOW);
    }
}
