package io.coebot.actions;

import java.time.LocalDate;
import java.time.temporal.IsoFields;

/**
 * One person's ISO week (Monday to Sunday, weeks numbered by ISO 8601, so the days around New Year belong to the
 * week-based year, not the calendar year). The unit of "at most once a week" for the reports to a COE owner,
 * taken from that person's local date.
 */
public record WeekKey(String person, int weekBasedYear, int week) {

    public static WeekKey of(String person, LocalDate localDate) {
        return new WeekKey(person, localDate.get(IsoFields.WEEK_BASED_YEAR),
                localDate.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** "2026-W09", as ISO 8601 writes it; handy as a stored key. */
    public String label() {
        return String.format("%d-W%02d", weekBasedYear, week);
    }
}
