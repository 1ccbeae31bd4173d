package io.coebot.interview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** An answer's stored value read as what it means, without changing what is stored. */
class InterviewAnswerValueTest {

    @Test
    void aTimeReadsBackAsTheInstantItWasStoredFrom() {
        Instant t = Instant.parse("2026-11-20T09:00:00Z");
        Answer a = new Answer(Questions.TRIGGER_AT, List.of(), t.toString());
        assertEquals(Optional.of(t), a.instant());
        assertEquals(t.toString(), a.value());
    }

    @ParameterizedTest(name = "\"{0}\"")
    @NullSource
    @ValueSource(strings = {"", "yesterday morning", "2026-11-20 09:00", "2026-11-20T09:00:00"})
    void aMissingOrMalformedTimeIsNoInstant(String stored) {
        Answer a = new Answer(Questions.TRIGGER_AT, List.of(), stored);
        assertEquals(Optional.empty(), a.instant());
        assertNull(Milestones.time(Map.of(Questions.TRIGGER_AT, a), Questions.TRIGGER_AT), "and no milestone");
    }

    @Test
    void choicesReadBackInStoredOrderAndJoinToTheStoredValue() {
        Answer a = new Answer(Questions.NFR, List.of(), "reliability,performance_efficiency");
        assertEquals(List.of("reliability", "performance_efficiency"), a.choices());
        assertEquals(a.value(), String.join(",", a.choices()));
        assertEquals(List.of("yes"), new Answer(Questions.NFR, List.of(), "yes").choices());
    }

    @ParameterizedTest(name = "\"{0}\"")
    @NullSource
    @ValueSource(strings = {"", "  ", ",", " , "})
    void noPickedValueIsNoChoice(String stored) {
        assertEquals(List.of(), new Answer(Questions.NFR, List.of(), stored).choices());
    }
}
