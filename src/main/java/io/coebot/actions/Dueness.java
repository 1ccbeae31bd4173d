package io.coebot.actions;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * How far an item is from its due date, counted in whole calendar days of the owner's local date, because
 * "due tomorrow" means the owner's tomorrow.
 *
 * @param daysLeft days from today to the due date; 0 is due today, negative is overdue
 */
public record Dueness(long daysLeft) {

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
