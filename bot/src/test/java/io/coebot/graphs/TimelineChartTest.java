package io.coebot.graphs;

import io.coebot.timeline.Milestone;
import io.coebot.timeline.Timeline;
import io.coebot.timeline.TimelineEntry;
import io.coebot.timeline.TimelineSource;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Golden properties of the timeline chart, not its bytes (a font hinting change moves pixels, not meaning): its size,
 * each phase's colour in the middle of its band, the red of a gap still to explain and not of an explained one, a
 * tick where an entry is and white where none is.
 */
class TimelineChartTest {
    static final Instant TRIGGER = Instant.parse("2026-11-19T14:00:00Z");
    static final Instant DETECTED = TRIGGER.plus(Duration.ofMinutes(12));
    static final Instant DIAGNOSED = TRIGGER.plus(Duration.ofMinutes(40));
    static final Instant MITIGATED = TRIGGER.plus(Duration.ofMinutes(65));
    static final Instant RESOLVED = TRIGGER.plus(Duration.ofMinutes(120));

    @Test
    void thePhasesAreBandsInTheirColoursAndAnUnexplainedGapIsRed() throws IOException {
        Picture p = TimelineChart.draw("COE-3", "Checkout 500s", incident(Map.of()));
        assertEquals(TimelineChart.WIDTH, p.image().getWidth());
        assertEquals(TimelineChart.HEIGHT, p.image().getHeight());
        int phase = p.y(TimelineChart.PHASE_ROW);
        assertColour(TimelineChart.TO_DETECT, p, between(p, TRIGGER, DETECTED), phase, "to detect");
        assertColour(TimelineChart.TO_DIAGNOSE, p, between(p, DETECTED, DIAGNOSED), phase, "to diagnose");
        assertColour(TimelineChart.TO_MITIGATE, p, between(p, DIAGNOSED, MITIGATED), phase, "to mitigate");
        assertColour(TimelineChart.TO_RESOLVE, p, between(p, MITIGATED, RESOLVED), phase, "to resolve");

        // entries at +2, +12 (detected), +20, +40, +65 min: the 20-minute silence from +20 to +40 is a gap
        int gapRow = p.y(TimelineChart.GAP_ROW);
        assertColour(TimelineChart.GAP, p, between(p, TRIGGER.plusSeconds(20 * 60), TRIGGER.plusSeconds(40 * 60)), gapRow, "the gap");
        assertFar(TimelineChart.GAP, p, between(p, TRIGGER.plusSeconds(2 * 60), TRIGGER.plusSeconds(12 * 60)), gapRow,
                "no gap between entries 10 minutes apart");

        int entryRow = p.y(TimelineChart.ENTRY_ROW);
        assertColour(TimelineChart.TICK, p, p.x(TRIGGER.plusSeconds(20 * 60)), entryRow, "a tick at an entry");
        assertFar(TimelineChart.TICK, p, p.x(TRIGGER.plusSeconds(30 * 60)), entryRow, "nothing between entries");

        // what is uploaded is that picture, as a PNG of the same size (left in target/ to look at)
        java.nio.file.Files.write(java.nio.file.Path.of("target", "timeline-chart.png"), p.png());
        var decoded = ImageIO.read(new ByteArrayInputStream(p.png()));
        assertEquals(TimelineChart.WIDTH, decoded.getWidth());
        assertEquals(TimelineChart.HEIGHT, decoded.getHeight());
    }

    @Test
    void anExplainedGapIsNotMarked() {
        Picture p = TimelineChart.draw("COE-3", "Checkout 500s", incident(Map.of("3-4", "Waiting for the vendor's call")));
        int gapRow = p.y(TimelineChart.GAP_ROW);
        assertFar(TimelineChart.GAP, p, between(p, TRIGGER.plusSeconds(20 * 60), TRIGGER.plusSeconds(40 * 60)), gapRow,
                "an explained gap");
    }

    @Test
    void theSameCoeDrawsTheSamePixels() {
        assertArrayEquals(TimelineChart.png("COE-3", "Checkout 500s", incident(Map.of())),
                TimelineChart.png("COE-3", "Checkout 500s", incident(Map.of())));
    }

    @Test
    void aCoeWithoutMilestonesHasNoChartAndOneMilestoneIsEnough() {
        Timeline none = new Timeline(entries().stream().map(e -> e.withMilestone(null)).toList(), Map.of());
        assertFalse(TimelineChart.applies(none));
        assertThrows(IllegalArgumentException.class, () -> TimelineChart.draw("COE-1", "x", none));
        Timeline one = new Timeline(List.of(), Map.of(Milestone.TRIGGER, TRIGGER));
        assertTrue(TimelineChart.applies(one));
        Picture p = TimelineChart.draw("COE-1", "Only a trigger", one);
        assertEquals(TimelineChart.WIDTH, p.image().getWidth());
    }

    @Test
    void aTitleFullOfMarkupAndAccentsDrawsInTheBundledFont() {
        Picture p = TimelineChart.draw("COE-9", "Paiement échoué &lt;@U123&gt; — 決済 " + "x".repeat(200), incident(Map.of()));
        assertEquals(TimelineChart.WIDTH, p.image().getWidth());
        assertEquals("DejaVu Sans", ChartStyle.FONT.getFamily());
    }

    static Timeline incident(Map<String, String> explanations) {
        List<TimelineEntry> entries = entries();
        return new Timeline(entries, Map.of(Milestone.TRIGGER, TRIGGER, Milestone.DIAGNOSED, DIAGNOSED,
                Milestone.MITIGATED, MITIGATED, Milestone.RESOLVED, RESOLVED), Timeline.DEFAULT_GAP_THRESHOLD, explanations);
    }

    static List<TimelineEntry> entries() {
        List<TimelineEntry> out = new ArrayList<>();
        int[] minutes = {2, 12, 20, 40, 65};
        for (int i = 0; i < minutes.length; i++) {
            TimelineEntry e = new TimelineEntry(i + 1, TRIGGER.plusSeconds(minutes[i] * 60L), null, "entry " + i, "U1",
                    TimelineSource.MANUAL, null, null, null);
            out.add(minutes[i] == 12 ? e.withMilestone(Milestone.DETECTED) : e);
        }
        return out;
    }

    private static int between(Picture p, Instant a, Instant b) {
        return (p.x(a) + p.x(b)) / 2;
    }

    /** Not that colour, nor close to it (a grid line or a letter may pass there; a band or a tick may not). */
    static void assertFar(Color unwanted, Picture p, int x, int y, String what) {
        Color got = new Color(p.rgb(x, y));
        int distance = Math.abs(got.getRed() - unwanted.getRed()) + Math.abs(got.getGreen() - unwanted.getGreen())
                + Math.abs(got.getBlue() - unwanted.getBlue());
        assertTrue(distance > 150, what + " at (" + x + ", " + y + ") is #" + Integer.toHexString(p.rgb(x, y)));
    }

    static void assertColour(Color expected, Picture p, int x, int y, String what) {
        int rgb = p.rgb(x, y);
        assertEquals(Integer.toHexString(expected.getRGB() & 0xFFFFFF), Integer.toHexString(rgb),
                what + " at (" + x + ", " + y + ")");
    }
}
