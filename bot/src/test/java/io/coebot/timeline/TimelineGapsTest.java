package io.coebot.timeline;

import static io.coebot.timeline.Entries.at;
import static io.coebot.timeline.Entries.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TimelineGapsTest {

    private static List<String> keys(Timeline t) {
        return t.gaps().stream().map(TimelineGap::key).toList();
    }

    /** The bar is "longer than 15 minutes": exactly 15 is fine, a microsecond more is a gap to explain. */
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "1763561699.999999, false",
            "1763561700.000000, false",
            "1763561700.000001, true",
            "1763564400.000000, true",
    })
    void aGapIsFlaggedOnlyWhenStrictlyLongerThanTheThreshold(String secondTs, boolean flagged) {
        Timeline timeline = new Timeline(List.of(message(1, "1763560800.000000"), message(2, secondTs)), Map.of());

        assertEquals(flagged ? List.of("1-2") : List.of(), keys(timeline));
    }

    @Test
    void theThresholdIsConfigurable() {
        List<TimelineEntry> entries = List.of(message(1, at(14, 0)), message(2, at(14, 12)));

        assertEquals(List.of(), keys(new Timeline(entries, Map.of())));
        assertEquals(List.of("1-2"), keys(new Timeline(entries, Map.of(), Duration.ofMinutes(10), Map.of())));
    }

    @Test
    void aGapKnowsItsLengthAndBoundingEntries() {
        Timeline timeline = new Timeline(List.of(message(1, at(14, 0)), message(2, at(14, 47, 30))), Map.of());

        TimelineGap gap = timeline.gaps().get(0);
        assertEquals(1, gap.before().id());
        assertEquals(2, gap.after().id());
        assertEquals(Duration.ofMinutes(47).plusSeconds(30), gap.length());
        assertNull(gap.explanation());
    }

    /** Before the trigger and after mitigation a silence is not a finding, so nobody is asked to explain it. */
    @Test
    void onlyGapsInsideTriggerToMitigationAreFlagged() {
        List<TimelineEntry> entries = List.of(
                message(1, at(12, 0)), message(2, at(13, 50)),   // before the trigger
                message(3, at(14, 0)), message(4, at(14, 30)),   // inside: 30 minutes
                message(5, at(15, 0)),                           // mitigation
                message(6, at(16, 0)), message(7, at(18, 0)));   // after mitigation, before resolution
        Map<Milestone, Instant> answers = Map.of(
                Milestone.TRIGGER, at(14, 0), Milestone.MITIGATED, at(15, 0), Milestone.RESOLVED, at(19, 0));

        assertEquals(List.of("3-4", "4-5"), keys(new Timeline(entries, answers)));
    }

    @Test
    void withoutAMitigationTimeTheWindowEndsAtResolution() {
        List<TimelineEntry> entries = List.of(message(1, at(14, 0)), message(2, at(14, 30)),
                message(3, at(15, 0)), message(4, at(16, 0)));
        Map<Milestone, Instant> answers = Map.of(Milestone.TRIGGER, at(14, 0), Milestone.RESOLVED, at(15, 0));

        assertEquals(List.of("1-2", "2-3"), keys(new Timeline(entries, answers)));
    }

    @Test
    void withoutMilestonesEveryEntryFromFirstToLastCounts() {
        List<TimelineEntry> entries = List.of(message(1, at(9, 0)), message(2, at(12, 0)), message(3, at(20, 0)));

        assertEquals(List.of("1-2", "2-3"), keys(new Timeline(entries, Map.of())));
    }

    /** A milestone marked on an entry moves the window just like an interview answer. */
    @Test
    void aMarkedTriggerEntryStartsTheWindow() {
        List<TimelineEntry> entries = List.of(message(1, at(12, 0)),
                message(2, at(14, 0)).withMilestone(Milestone.TRIGGER), message(3, at(14, 40)));

        assertEquals(List.of("2-3"), keys(new Timeline(entries, Map.of())));
    }

    @Test
    void entriesAtTheSameInstantMakeNoGap() {
        List<TimelineEntry> entries = List.of(message(1, at(14, 0)), message(2, at(14, 0)), message(3, at(14, 10)));

        assertEquals(List.of(), keys(new Timeline(entries, Map.of())));
    }

    @Test
    void anExplanationIsShownOnTheGapItWasWrittenFor() {
        List<TimelineEntry> entries = List.of(message(1, at(14, 0)), message(2, at(14, 40)), message(3, at(15, 30)));

        Timeline timeline = new Timeline(entries, Map.of(), Timeline.DEFAULT_GAP_THRESHOLD,
                Map.of("2-3", "Waiting for the database failover to finish."));

        assertEquals(List.of(false, true), timeline.gaps().stream().map(TimelineGap::explained).toList());
        assertEquals("Waiting for the database failover to finish.", timeline.gaps().get(1).explanation());
    }

    /**
     * The explanation covered 14:00–14:40; once an entry splits that stretch, each half needs its own account.
     * Removing the entry again brings the explanation back, since it is stored by the pair it was written for.
     */
    @Test
    void anEntryInsertedIntoAnExplainedGapDropsTheExplanationUntilItIsRemoved() {
        TimelineEntry first = message(1, at(14, 0));
        TimelineEntry last = message(2, at(14, 40));
        TimelineEntry inserted = message(3, at(14, 20));
        Map<String, String> explanations = Map.of("1-2", "Rolling back region by region.");

        Timeline split = new Timeline(List.of(first, last, inserted), Map.of(), Timeline.DEFAULT_GAP_THRESHOLD, explanations);
        Timeline restored = new Timeline(List.of(first, last), Map.of(), Timeline.DEFAULT_GAP_THRESHOLD, explanations);

        assertEquals(List.of("1-3", "3-2"), keys(split));
        assertTrue(split.gaps().stream().noneMatch(TimelineGap::explained));
        assertEquals("Rolling back region by region.", restored.gaps().get(0).explanation());
    }

    @Test
    void aBlankExplanationLeavesTheGapUnexplained() {
        Timeline timeline = new Timeline(List.of(message(1, at(14, 0)), message(2, at(14, 40))), Map.of(),
                Timeline.DEFAULT_GAP_THRESHOLD, Map.of("1-2", "  "));

        assertTrue(!timeline.gaps().get(0).explained());
    }

    /** 01:50 CEST to 02:10 CET on the night the clocks go back is 1 h 20 min, not the 20 minutes the wall clock says. */
    @Test
    void aGapAcrossTheDstChangeIsTheRealElapsedTime() {
        ZoneId paris = ZoneId.of("Europe/Paris");
        Instant before = LocalDateTime.of(2026, 10, 25, 1, 50).atZone(paris).toInstant();
        Instant after = LocalDateTime.of(2026, 10, 25, 2, 10).atZone(paris).withLaterOffsetAtOverlap().toInstant();

        List<TimelineGap> gaps = new Timeline(List.of(message(1, before), message(2, after)), Map.of()).gaps();

        assertEquals(Duration.ofMinutes(80), gaps.get(0).length());
        assertTrue(TimelineText.gap(gaps.get(0)).contains("1 hour 20 minutes"), TimelineText.gap(gaps.get(0)));
    }
}
