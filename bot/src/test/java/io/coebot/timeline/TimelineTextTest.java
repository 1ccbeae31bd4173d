package io.coebot.timeline;

import static io.coebot.timeline.Entries.at;
import static io.coebot.timeline.Entries.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

class TimelineTextTest {

    private static String line(TimelineEntry e) {
        return TimelineText.entry(e, WindowPosition.INSIDE);
    }

    @Test
    void anEntryShowsEachReaderTheirLocalTimeAndTheExactUtcTime() {
        TimelineEntry e = message(1, "1763560800.000001");

        String line = line(e);

        assertTrue(line.startsWith("*<!date^1763560800^{date_short_pretty} {time}|Wed 19 Nov 2025 14:00 UTC>*"
                + " · 2025-11-19 14:00:00 UTC"), line);
    }

    /** Slack wants whole seconds: the token rounds down, never into the next minute. */
    @Test
    void theDateTokenUsesWholeEpochSecondsRoundedDown() {
        String line = line(message(1, "1763560859.999999"));

        assertTrue(line.contains("<!date^1763560859^"), line);
        assertTrue(line.contains("|Wed 19 Nov 2025 14:00 UTC>"), line);
        assertTrue(line.contains("2025-11-19 14:00:59 UTC"), line);
    }

    /** A message written at 03:30 winter time in Paris is 02:30 UTC, whatever the server's zone. */
    @Test
    void timesAreUtcWhateverTheServersZone() {
        Instant t = LocalDateTime.of(2026, 10, 25, 3, 30).atZone(ZoneId.of("Europe/Paris")).toInstant();
        TimeZone saved = TimeZone.getDefault();
        String line;
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Asia/Tokyo"));
            line = line(message(1, t));
        } finally {
            TimeZone.setDefault(saved);
        }

        assertTrue(line.contains("<!date^" + t.getEpochSecond() + "^{date_short_pretty} {time}|Sun 25 Oct 2026 02:30 UTC>"), line);
        assertTrue(line.contains("2026-10-25 02:30:00 UTC"), line);
    }

    @Test
    void theMarkdownFormIsASortableUtcStamp() {
        assertEquals("2026-11-19 14:05:03 UTC", TimelineTime.utcStamp(at(14, 5, 3).plusNanos(999_000)));
    }

    @Test
    void anEntryShowsItsAuthorMilestoneSourceAndLink() {
        TimelineEntry e = new TimelineEntry(1, at(14, 12), "1795097520.000000", "Error rate alarm fired", "U123ABC",
                TimelineSource.SHORTCUT, "https://acme.slack.com/archives/C1/p1795097520000000", Milestone.DETECTED, null);

        assertEquals("*<!date^1795097520^{date_short_pretty} {time}|Thu 19 Nov 2026 14:12 UTC>* · 2026-11-19 14:12:00 UTC"
                + " · <@U123ABC> · :triangular_flag_on_post: *Detected* · _added with the shortcut_"
                + " · <https://acme.slack.com/archives/C1/p1795097520000000|message>\nError rate alarm fired", line(e));
    }

    /**
     * Slack already escaped the message; escaping again would print "&amp;amp;" and break the mention. The link is
     * shown by its address, like every link people wrote.
     */
    @Test
    void messageTextIsShownAsSlackSentItAndTheNoteIsEscaped() {
        TimelineEntry e = new TimelineEntry(1, at(14, 12), null, "p99 &gt; 2s &amp; rising, <@U2> see <https://grafana/d|dash>",
                null, TimelineSource.MANUAL, null, null, "Rollback <maybe> & retry");

        String line = line(e);

        assertTrue(line.contains("\np99 &gt; 2s &amp; rising, <@U2> see <https://grafana/d> (dash)\n"), line);
        assertTrue(line.endsWith("*Note:* Rollback &lt;maybe&gt; &amp; retry"), line);
        assertTrue(line.contains("_added by hand_"), line);
        assertFalse(line.contains("<@null>"), line);
    }

    @Test
    void entriesOutsideTheIncidentAreFlagged() {
        TimelineEntry early = message(1, at(13, 0));
        TimelineEntry during = message(2, at(14, 30));
        TimelineEntry late = message(3, at(18, 0));
        Timeline timeline = new Timeline(List.of(early, during, late),
                Map.of(Milestone.TRIGGER, at(14, 0), Milestone.RESOLVED, at(17, 0)));

        assertEquals(List.of(WindowPosition.BEFORE_TRIGGER, WindowPosition.INSIDE, WindowPosition.AFTER_RESOLUTION),
                timeline.entries().stream().map(timeline::flag).toList());
        assertTrue(TimelineText.entry(early, timeline.flag(early)).contains(":warning: _before the trigger_"));
        assertTrue(TimelineText.entry(late, timeline.flag(late)).contains(":warning: _after resolution_"));
        assertFalse(TimelineText.entry(during, timeline.flag(during)).contains(":warning:"));
    }

    @Test
    void entriesExactlyAtTriggerAndResolutionAreInside() {
        Timeline timeline = new Timeline(List.of(message(1, at(14, 0)), message(2, at(17, 0))),
                Map.of(Milestone.TRIGGER, at(14, 0), Milestone.RESOLVED, at(17, 0)));

        assertEquals(List.of(WindowPosition.INSIDE, WindowPosition.INSIDE),
                timeline.entries().stream().map(timeline::flag).toList());
    }

    @Test
    void withoutTriggerOrResolutionNothingIsFlagged() {
        Timeline noTrigger = new Timeline(List.of(message(1, at(1, 0))), Map.of(Milestone.RESOLVED, at(17, 0)));
        Timeline noResolution = new Timeline(List.of(message(1, at(23, 0))), Map.of(Milestone.TRIGGER, at(14, 0)));

        assertEquals(WindowPosition.INSIDE, noTrigger.flag(noTrigger.entries().get(0)));
        assertEquals(WindowPosition.INSIDE, noResolution.flag(noResolution.entries().get(0)));
    }

    @Test
    void anUnexplainedGapAsksWhatHappened() {
        TimelineGap gap = new TimelineGap(message(1, at(14, 5)), message(2, at(14, 52)),
                java.time.Duration.ofMinutes(47), null);

        assertEquals(":hourglass_flowing_sand: *47 minutes without an entry* (14:05–14:52 UTC)\n"
                + "_Not explained yet: what was the team doing?_", TimelineText.gap(gap));
    }

    @Test
    void anExplainedGapQuotesTheExplanationEscaped() {
        TimelineGap gap = new TimelineGap(message(1, at(23, 50)), message(2, at(23, 50).plusSeconds(3600)),
                java.time.Duration.ofHours(1), "Waiting on the vendor <ticket 42>\nthen & only then restarted");

        assertEquals(":hourglass_flowing_sand: *1 hour without an entry* (Thu 19 Nov 2026 23:50 UTC – Fri 20 Nov 2026 00:50 UTC)\n"
                + "> Waiting on the vendor &lt;ticket 42&gt;\n> then &amp; only then restarted", TimelineText.gap(gap));
    }
}
