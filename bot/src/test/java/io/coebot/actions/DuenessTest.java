package io.coebot.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DuenessTest {

    @ParameterizedTest(name = "due {0}, today {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "2026-11-19 | 2026-11-19 | due today         | 0",
            "2026-11-20 | 2026-11-19 | due tomorrow      | 0",
            "2026-11-21 | 2026-11-19 | due in 2 days     | 0",
            "2026-12-03 | 2026-11-19 | due in 14 days    | 0",
            "2026-11-18 | 2026-11-19 | overdue by 1 day  | 1",
            "2026-11-16 | 2026-11-19 | overdue by 3 days | 3",
            // across a month and a year end, and a leap day
            "2026-12-31 | 2027-01-02 | overdue by 2 days | 2",
            "2028-03-01 | 2028-02-28 | due in 2 days     | 0",
    })
    void readsAsPeopleSayIt(String due, String today, String phrase, long daysOverdue) {
        Dueness d = Dueness.of(LocalDate.parse(due), LocalDate.parse(today));

        assertEquals(phrase, d.phrase());
        assertEquals(daysOverdue, d.daysOverdue());
        assertEquals(daysOverdue > 0, d.isOverdue());
    }

    /** One wording for every message: a person reads a count on their calendar, a channel reads the date. */
    @ParameterizedTest(name = "due {0}, reader's today {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "2026-12-07 | 2026-11-24 | due Mon 7 Dec 2026 (in 13 days)",
            "2026-12-07 | 2026-11-25 | due Mon 7 Dec 2026 (in 12 days)",
            "2026-12-07 | 2026-12-06 | due Mon 7 Dec 2026 (tomorrow)",
            "2026-12-07 | 2026-12-07 | due Mon 7 Dec 2026 (today)",
            "2026-12-07 | 2026-12-10 | due Mon 7 Dec 2026 (overdue by 3 days)",
            "2026-12-07 |            | due Mon 7 Dec 2026",
    })
    void aDueDateIsWordedForItsReader(String due, String today, String words) {
        Dueness.Reader reader = today == null ? Dueness.Reader.CHANNEL : Dueness.Reader.on(LocalDate.parse(today));

        assertEquals(words, Dueness.words(LocalDate.parse(due), reader));
    }
}
