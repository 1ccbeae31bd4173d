package io.coebot.actions;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * How far an item is from its due date, counted in whole calendar days of the reader's local date, because
 * "due tomorrow" means the reader's tomorrow. {@link #words} is the one way a due date is worded to a reader.
 *
 * @param daysLeft days from today to the due date; 0 is due today, negative is overdue
 */
public record Dueness(long daysLeft) {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM uuuu", Locale.ENGLISH);

    /**
     * Who reads a due date. A person reads a count on their own calendar ({@code today} is their local date, from
     * their Slack zone). A channel has readers in many zones, who would each need a different count, so it reads
     * the date alone. Not Slack's {@code <!date^…>} token: that renders an instant, and a due date is a calendar
     * day (the owner's "the 4th"), which an instant would move to the 3rd or the 5th for readers east or west.
     *
     * @param today the reader's local date; null for a channel
     */
    public record Reader(LocalDate today) {
        public static final Reader CHANNEL = new Reader(null);

        public static Reader on(LocalDate today) {
            return new Reader(today);
        }
    }

    /**
     * The one wording of a due date: "due Mon 7 Dec 2026 (in 2 days)", "(tomorrow)", "(today)", "(overdue by 3
     * days)" for a person; "due Mon 7 Dec 2026" for a channel.
     */
    public static String words(LocalDate due, Reader reader) {
        String date = "due " + day(due);
        if (reader.today() == null) {
            return date;
        }
        Dueness d = of(due, reader.today());
        String count = d.daysLeft == 0 ? "today" : d.daysLeft == 1 ? "tomorrow"
                : d.daysLeft > 1 ? "in " + d.daysLeft + " days" : d.phrase();
        return date + " (" + count + ")";
    }

    /** A calendar day as every message writes it: "Mon 7 Dec 2026". */
    public static String day(LocalDate d) {
        return DAY.format(d);
    }

    public static Dueness of(LocalDate due, LocalDate today) {
        return new Dueness(ChronoUnit.DAYS.between(today, due));
    }

    public boolean isOverdue() {
        return daysLeft < 0;
    }

    /** 0 unless overdue. */
    public long daysOverdue() {
        return Math.max(0, -daysLeft);
    }

    /** "due today", "due tomorrow", "due in 2 days", "overdue by 1 day", "overdue by 3 days". */
    public String phrase() {
        if (daysLeft == 0) {
            return "due today";
        }
        if (daysLeft == 1) {
            return "due tomorrow";
        }
        if (daysLeft > 1) {
            return "due in " + daysLeft + " days";
        }
        long late = -daysLeft;
        return "overdue by " + late + (late == 1 ? " day" : " days");
    }
}
