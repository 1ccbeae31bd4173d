package io.coebot.timeline;

import static io.coebot.timeline.Entries.at;
import static io.coebot.timeline.Entries.manual;
import static io.coebot.timeline.Entries.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TimelineOrderTest {

    private static List<Long> ids(Timeline t) {
        return t.entries().stream().map(TimelineEntry::id).toList();
    }

    /** Two messages a microsecond apart: the ts, not the order they were pinned in, decides. */
    @Test
    void messagesOneMicrosecondApartOrderByTheirTsAndKeepTheMicrosecond() {
        TimelineEntry later = message(1, "1763560800.000002");
        TimelineEntry earlier = message(2, "1763560800.000001");

        Timeline timeline = new Timeline(List.of(later, earlier), Map.of());

        assertEquals(List.of(2L, 1L), ids(timeline));
        assertEquals(Instant.ofEpochSecond(1763560800L, 1_000), earlier.occurredAt());
        assertEquals(Instant.ofEpochSecond(1763560800L, 2_000), later.occurredAt());
        assertEquals(Instant.parse("2025-11-19T14:00:00.000001Z"), earlier.occurredAt());
    }

    @Test
    void aMessageEntryNeedsARealTs() {
        assertThrows(IllegalArgumentException.class,
                () -> TimelineEntry.fromMessage(1, "yesterday", "x", "U1", TimelineSource.SHORTCUT, null));
    }

    /** Same instant and the same ts written two ways: the id breaks the tie, whatever order the rows came in. */
    @Test
    void equalTimestampsOrderTheSameWayWhateverTheInputOrder() {
        Instant t = Instant.ofEpochSecond(1700000000L, 100_000);
        TimelineEntry a = new TimelineEntry(7, t, "1700000000.000100", "a", null, TimelineSource.IMPORT, null, null, null);
        TimelineEntry b = new TimelineEntry(8, t, "1700000000.0001", "b", null, TimelineSource.REACTION, null, null, null);
        TimelineEntry c = new TimelineEntry(5, t, "1700000000.000100", "c", null, TimelineSource.SHORTCUT, null, null, null);

        assertEquals(List.of(5L, 7L, 8L), ids(new Timeline(List.of(a, b, c), Map.of())));
        assertEquals(List.of(5L, 7L, 8L), ids(new Timeline(List.of(b, c, a), Map.of())));
    }

    /** An imported row whose time was rounded: its ts is compared as a number, not as text. */
    @Test
    void tsIsComparedAsANumberWhenInstantsTie() {
        Instant t = Instant.ofEpochSecond(1000000000L);
        TimelineEntry shortTs = new TimelineEntry(2, t, "999999999.5", "a", null, TimelineSource.IMPORT, null, null, null);
        TimelineEntry longTs = new TimelineEntry(1, t, "1000000000.1", "b", null, TimelineSource.IMPORT, null, null, null);

        assertEquals(List.of(2L, 1L), ids(new Timeline(List.of(longTs, shortTs), Map.of())));
    }

    /** A hand-typed time is usually rounded, so at the same instant the message it refers to reads first. */
    @Test
    void aHandTypedEntryComesAfterAMessageOfTheSameInstant() {
        TimelineEntry typed = manual(1, at(14, 5));
        TimelineEntry pinned = message(9, at(14, 5));

        assertEquals(List.of(9L, 1L), ids(new Timeline(List.of(typed, pinned), Map.of())));
    }

    @Test
    void entriesReadOldestFirstWhateverOrderTheyWereStoredIn() {
        List<TimelineEntry> entries = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            entries.add(message(i, at(10, 0).plusSeconds(37L * i)));
        }
        List<TimelineEntry> shuffled = new ArrayList<>(entries);
        Collections.shuffle(shuffled, new Random(42));

        assertEquals(entries, new Timeline(shuffled, Map.of()).entries());
    }
}
