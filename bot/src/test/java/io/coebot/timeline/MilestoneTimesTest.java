package io.coebot.timeline;

import static io.coebot.timeline.Entries.at;
import static io.coebot.timeline.Entries.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class MilestoneTimesTest {

    /** Every ordered pair of milestones (earlier, later): the ten orders a person could get wrong. */
    static Stream<Arguments> pairs() {
        List<Arguments> pairs = new ArrayList<>();
        for (Milestone earlier : Milestone.values()) {
            for (Milestone later : Milestone.values()) {
                if (earlier.compareTo(later) < 0) {
                    pairs.add(Arguments.of(earlier, later));
                }
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{1} set before {0}")
    @MethodSource("pairs")
    void settingALaterMilestoneBeforeAnEarlierOneIsRefused(Milestone earlier, Milestone later) {
        MilestoneTimes times = MilestoneTimes.of(Map.of(earlier, at(14, 20)));

        assertEquals("That would put " + later.humanName() + " (Thu 19 Nov 2026 14:05 UTC) before "
                        + earlier.humanName() + " (Thu 19 Nov 2026 14:20 UTC). Please check the time.",
                times.conflict(later, at(14, 5)));
    }

    @ParameterizedTest(name = "{0} set after {1}")
    @MethodSource("pairs")
    void settingAnEarlierMilestoneAfterALaterOneIsRefused(Milestone earlier, Milestone later) {
        MilestoneTimes times = MilestoneTimes.of(Map.of(later, at(14, 5)));

        assertEquals("That would put " + later.humanName() + " (Thu 19 Nov 2026 14:05 UTC) before "
                        + earlier.humanName() + " (Thu 19 Nov 2026 14:20 UTC). Please check the time.",
                times.conflict(earlier, at(14, 20)));
    }

    @Test
    void theSentenceUsesTheCoeWords() {
        MilestoneTimes times = MilestoneTimes.of(Map.of(Milestone.TRIGGER, at(14, 20)));

        assertEquals("That would put detection (Thu 19 Nov 2026 14:05 UTC) before the trigger "
                + "(Thu 19 Nov 2026 14:20 UTC). Please check the time.", times.conflict(Milestone.DETECTED, at(14, 5)));
    }

    /** A deploy alarm can fire the second the deploy lands; equal times are a fast detection, not an error. */
    @Test
    void equalMilestoneTimesAreAllowed() {
        Map<Milestone, Instant> all = new EnumMap<>(Milestone.class);
        for (Milestone m : Milestone.values()) {
            all.put(m, at(14, 5));
        }
        MilestoneTimes times = MilestoneTimes.of(all);

        for (Milestone m : Milestone.values()) {
            assertNull(times.conflict(m, at(14, 5)), m.toString());
        }
        assertNull(times.disorder());
    }

    @Test
    void aMilestonesOwnEarlierTimeDoesNotBlockCorrectingIt() {
        MilestoneTimes times = MilestoneTimes.of(Map.of(Milestone.TRIGGER, at(14, 0), Milestone.DETECTED, at(14, 10),
                Milestone.MITIGATED, at(15, 0)));

        assertNull(times.conflict(Milestone.DETECTED, at(14, 30)));
        assertEquals("That would put mitigation (Thu 19 Nov 2026 15:00 UTC) before detection "
                + "(Thu 19 Nov 2026 15:10 UTC). Please check the time.", times.conflict(Milestone.DETECTED, at(15, 10)));
    }

    /** Marked entries are seconds apart; "14:05 before 14:05" would leave the person puzzled. */
    @Test
    void timesInTheSameMinuteAreShownWithSeconds() {
        MilestoneTimes times = MilestoneTimes.of(Map.of(Milestone.TRIGGER, at(14, 5, 30)));

        assertEquals("That would put detection (Thu 19 Nov 2026 14:05:10 UTC) before the trigger "
                + "(Thu 19 Nov 2026 14:05:30 UTC). Please check the time.",
                times.conflict(Milestone.DETECTED, at(14, 5, 10)));
    }

    /** The entry's time is the message's own ts; the interview's is a recollection typed later. */
    @Test
    void anEntryMarkedWithAMilestoneWinsOverTheInterviewAnswer() {
        TimelineEntry alarm = message(4, "1763561523.250000").withMilestone(Milestone.DETECTED);
        Map<Milestone, Instant> answers = Map.of(Milestone.TRIGGER, Instant.parse("2025-11-19T14:00:00Z"),
                Milestone.DETECTED, Instant.parse("2025-11-19T14:10:00Z"));

        MilestoneTimes times = MilestoneTimes.resolve(answers, List.of(alarm));

        assertEquals(Optional.of(Instant.parse("2025-11-19T14:12:03.250Z")), times.time(Milestone.DETECTED));
        assertEquals(Optional.of(Instant.parse("2025-11-19T14:00:00Z")), times.time(Milestone.TRIGGER));
        assertEquals(Optional.empty(), times.time(Milestone.DIAGNOSED));
    }

    @Test
    void whenTwoEntriesMarkTheSameMilestoneTheEarlierCounts() {
        TimelineEntry second = message(1, at(14, 30)).withMilestone(Milestone.MITIGATED);
        TimelineEntry first = message(2, at(14, 20)).withMilestone(Milestone.MITIGATED);

        assertEquals(Optional.of(at(14, 20)), MilestoneTimes.resolve(Map.of(), List.of(second, first)).time(Milestone.MITIGATED));
    }

    /** Each source was checked on its own; together they clash, and the card must say so rather than show -15 min. */
    @Test
    void aMarkAndAnInterviewAnswerThatClashAreReportedAndGiveNoDuration() {
        TimelineEntry detected = message(1, at(14, 5)).withMilestone(Milestone.DETECTED);
        Timeline timeline = new Timeline(List.of(detected), Map.of(Milestone.TRIGGER, at(14, 20)));

        assertEquals("Detection (Thu 19 Nov 2026 14:05 UTC) is before the trigger (Thu 19 Nov 2026 14:20 UTC). "
                + "Please check the milestone times.", timeline.milestones().disorder());
        assertEquals(Optional.empty(), timeline.durations().to(Milestone.DETECTED));
    }

    /** Keys are stored; changing one would orphan every stored mark. */
    @ParameterizedTest
    @CsvSource({"TRIGGER, trigger", "DETECTED, detected", "DIAGNOSED, diagnosed", "MITIGATED, mitigated",
            "RESOLVED, resolved"})
    void milestoneKeysAreStable(Milestone m, String key) {
        assertEquals(key, m.key());
        assertEquals(m, Milestone.fromKey(key));
    }

    @Test
    void anUnknownKeyIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Milestone.fromKey("paged"));
    }

    @ParameterizedTest
    @CsvSource({"REACTION, reaction", "SHORTCUT, shortcut", "MANUAL, manual", "IMPORT, import"})
    void sourceKeysAreStable(TimelineSource s, String key) {
        assertEquals(key, s.key());
        assertEquals(s, TimelineSource.fromKey(key));
    }
}
