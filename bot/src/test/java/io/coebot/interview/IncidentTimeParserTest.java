package io.coebot.interview;

import static io.coebot.interview.Conversation.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** now is Fri 20 Nov 2026 10:00 UTC throughout. */
class IncidentTimeParserTest {

    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

    @ParameterizedTest(name = "\"{0}\" in {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            // bare times: today, unless that is still ahead, then yesterday
            "14:05                          | UTC                 | 2026-11-19T14:05:00Z",
            "09:30                          | UTC                 | 2026-11-20T09:30:00Z",
            "2:05pm                         | UTC                 | 2026-11-19T14:05:00Z",
            "2:05 PM                        | UTC                 | 2026-11-19T14:05:00Z",
            "2pm                            | UTC                 | 2026-11-19T14:00:00Z",
            "12:30am                        | UTC                 | 2026-11-20T00:30:00Z",
            "12:15pm                        | UTC                 | 2026-11-19T12:15:00Z",
            "14:05:30                       | UTC                 | 2026-11-19T14:05:30Z",
            "now                            | UTC                 | 2026-11-20T10:00:00Z",
            // a stated zone wins over the writer's
            "14:05 UTC                      | Europe/Paris        | 2026-11-19T14:05:00Z",
            "14:05Z                         | Europe/Paris        | 2026-11-19T14:05:00Z",
            "14:05 +05:30                   | UTC                 | 2026-11-20T08:35:00Z",
            "14:05 UTC+1                    | UTC                 | 2026-11-19T13:05:00Z",
            "2:05 p.m.                      | UTC                 | 2026-11-19T14:05:00Z",
            "1:05am America/Los_Angeles     | UTC                 | 2026-11-20T09:05:00Z",
            "14:05 utc                      | Asia/Kolkata        | 2026-11-19T14:05:00Z",
            // dates
            "2026-11-19 14:05               | Europe/Paris        | 2026-11-19T13:05:00Z",
            "2026-11-19 14:05 UTC           | Europe/Paris        | 2026-11-19T14:05:00Z",
            "2026-11-19 14:05 Europe/Paris  | America/Los_Angeles | 2026-11-19T13:05:00Z",
            "2026-11-19 14:05 europe/paris  | UTC                 | 2026-11-19T13:05:00Z",
            "2026-11-19T14:05               | Asia/Kolkata        | 2026-11-19T08:35:00Z",
            "2026-11-19T14:05:00+01:00      | America/Los_Angeles | 2026-11-19T13:05:00Z",
            "2026-11-19T14:05:00Z           | Europe/Paris        | 2026-11-19T14:05:00Z",
            "2026-11-19T14:05:00.123Z       | UTC                 | 2026-11-19T14:05:00Z",
            // today / yesterday in the writer's zone (LA: it is Fri 20 Nov 02:00 there)
            "yesterday 14:05                | America/Los_Angeles | 2026-11-19T22:05:00Z",
            "today 01:00                    | America/Los_Angeles | 2026-11-20T09:00:00Z",
            "Yesterday 2:05pm               | UTC                 | 2026-11-19T14:05:00Z",
            "yesterday at 14:05             | UTC                 | 2026-11-19T14:05:00Z",
            // Kolkata: it is Fri 20 Nov 15:30 there
            "14:05                          | Asia/Kolkata        | 2026-11-20T08:35:00Z",
            "16:00                          | Asia/Kolkata        | 2026-11-19T10:30:00Z",
            // LA: 01:00 is 09:00 UTC today; 03:00 would be 11:00 UTC, still ahead, so yesterday
            "01:00                          | America/Los_Angeles | 2026-11-20T09:00:00Z",
            "03:00                          | America/Los_Angeles | 2026-11-19T11:00:00Z",
            // five minutes of clock skew are tolerated; more is "yesterday" for a bare time
            "10:04                          | UTC                 | 2026-11-20T10:04:00Z",
            "10:05                          | UTC                 | 2026-11-20T10:05:00Z",
            "10:06                          | UTC                 | 2026-11-19T10:06:00Z",
            "2026-11-20 10:05 UTC           | UTC                 | 2026-11-20T10:05:00Z",
    })
    void readsEachFormat(String text, String zone, String expected) {
        ParsedTime parsed = IncidentTimeParser.parse(text, ZoneId.of(zone), NOW);

        assertTrue(parsed.isOk(), () -> parsed.error());
        assertEquals(Instant.parse(expected), parsed.instant());
        assertNull(parsed.note());
    }

    @Test
    void noZoneMeansUtc() {
        assertEquals(Instant.parse("2026-11-19T14:05:00Z"), IncidentTimeParser.parse("14:05", null, NOW).instant());
    }

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource(delimiter = '|', value = {
            // the clocks jump 02:00 -> 03:00: a time in the gap is taken as the later valid time (shifted by the gap)
            "2026-03-29 02:30 | Europe/Paris        | 2026-03-29T01:30:00Z | 02:30 didn't exist in Europe/Paris that day (the clocks went forward), so I took 03:30.",
            "2026-03-08 02:30 | America/Los_Angeles | 2026-03-08T10:30:00Z | 02:30 didn't exist in America/Los_Angeles that day (the clocks went forward), so I took 03:30.",
            // the clocks go back 03:00 -> 02:00: a time that happened twice is the first one (the earlier offset)
            "2026-10-25 02:30 | Europe/Paris        | 2026-10-25T00:30:00Z | 02:30 happened twice in Europe/Paris that day (the clocks went back), so I took the first one, at UTC+02:00.",
            "2026-11-01 01:30 | America/Los_Angeles | 2026-11-01T08:30:00Z | 01:30 happened twice in America/Los_Angeles that day (the clocks went back), so I took the first one, at UTC-07:00.",
    })
    void daylightSavingChangesAreResolvedAndExplained(String text, String zone, String expected, String note) {
        ParsedTime parsed = IncidentTimeParser.parse(text, ZoneId.of(zone), NOW);

        assertEquals(Instant.parse(expected), parsed.instant());
        assertEquals(note, parsed.note());
    }

    @Test
    void anExplicitZoneWithAGapIsExplainedInThatZone() {
        ParsedTime parsed = IncidentTimeParser.parse("2026-03-29 02:30 Europe/Paris", ZoneId.of("UTC"), NOW);

        assertEquals(Instant.parse("2026-03-29T01:30:00Z"), parsed.instant());
        assertContains(parsed.note(), "Europe/Paris");
    }

    @ParameterizedTest
    @ValueSource(strings = {"today 14:05", "2026-11-20 10:06 UTC", "2026-12-01T00:00:00Z", "2027-01-01 09:00"})
    void timesMoreThanFiveMinutesAheadAreRefused(String text) {
        ParsedTime parsed = IncidentTimeParser.parse(text, ZoneId.of("UTC"), NOW);

        assertFalse(parsed.isOk());
        assertNull(parsed.instant());
        assertContains(parsed.error(), "“" + text + "”");
        assertContains(parsed.error(), "in the future");
    }

    @Test
    void theFutureRefusalShowsWhatTheTimeWasReadAs() {
        ParsedTime parsed = IncidentTimeParser.parse("today 14:05", ZoneId.of("Europe/Paris"), NOW);

        assertEquals("“today 14:05” would be Fri 20 Nov 2026 13:05 UTC, which is in the future.", parsed.error());
    }

    @ParameterizedTest
    @ValueSource(strings = {"banana", "after lunch", "14", "25:00", "14:61", "13pm", "0am", "2026-02-30 10:00",
            "19/11/2026 14:05", "14:05 on tuesday", "yesterday", "2026-11-19"})
    void garbageIsRefusedWithTheTextQuoted(String text) {
        ParsedTime parsed = IncidentTimeParser.parse(text, ZoneId.of("UTC"), NOW);

        assertFalse(parsed.isOk());
        assertEquals("I couldn't read “" + text + "” as a time.", parsed.error());
    }

    @Test
    void emptyTextAsksForATime() {
        assertEquals("I need a time here.", IncidentTimeParser.parse("  ", ZoneId.of("UTC"), NOW).error());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"14:05 Mars/Olympus_Mons | Mars/Olympus_Mons", "14:05 PST | PST",
            "14:05 CET | CET"})
    void anUnknownOrAmbiguousZoneIsNamed(String text, String zone) {
        ParsedTime parsed = IncidentTimeParser.parse(text, ZoneId.of("UTC"), NOW);

        assertFalse(parsed.isOk());
        assertContains(parsed.error(), "I don't know the time zone “" + zone + "”");
        assertContains(parsed.error(), "Europe/Paris");
    }

    @ParameterizedTest(name = "{0} in {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "2026-11-19T14:05:00Z | UTC                 | Thu 19 Nov 2026 14:05 UTC",
            "2026-11-19T14:05:00Z | Europe/Paris        | Thu 19 Nov 2026 14:05 UTC (15:05 Europe/Paris)",
            "2026-11-19T14:05:00Z | America/Los_Angeles | Thu 19 Nov 2026 14:05 UTC (06:05 America/Los_Angeles)",
            "2026-11-19T23:00:00Z | Asia/Kolkata        | Thu 19 Nov 2026 23:00 UTC (Fri 20 Nov 04:30 Asia/Kolkata)",
            "2026-11-20T03:00:00Z | America/Los_Angeles | Fri 20 Nov 2026 03:00 UTC (Thu 19 Nov 19:00 America/Los_Angeles)",
            "2026-11-19T14:05:00Z | Etc/UTC             | Thu 19 Nov 2026 14:05 UTC",
    })
    void theEchoStatesUtcAndTheWritersOwnClock(String instant, String zone, String echo) {
        assertEquals(echo, IncidentTime.withLocal(Instant.parse(instant), ZoneId.of(zone)));
    }

    @Test
    void aDaylightSavingNoteIsSaidWithTheEcho() {
        Conversation c = Conversation.started();
        c.zone = ZoneId.of("Europe/Paris");
        c.reply("2026-03-29 02:30");

        assertEquals("Got it: Sun 29 Mar 2026 01:30 UTC (03:30 Europe/Paris). 02:30 didn't exist in Europe/Paris "
                + "that day (the clocks went forward), so I took 03:30.", c.says().get(0));
    }
}
