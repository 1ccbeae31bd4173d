package io.coebot.actions;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * When nudges go out, in each recipient's own local time.
 *
 * @param sendAt                 local time of day from which the day's nudge may be sent (default 09:00)
 * @param days                   local days of the week on which nudges are sent (default Monday to Friday)
 * @param overdueEscalationDays  an item overdue by MORE than this many days is reported to the COE owner (default 7)
 */
record DigestSchedule(LocalTime sendAt, Set<DayOfWeek> days, int overdueEscalationDays) {

    public static final DigestSchedule DEFAULT = new DigestSchedule(LocalTime.of(9, 0),
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), 7);

    public DigestSchedule {
        Objects.requireNonNull(sendAt, "sendAt");
        Objects.requireNonNull(days, "days");
        if (overdueEscalationDays < 0) {
            throw new IllegalArgumentException("overdueEscalationDays must be 0 or more");
        }
        days = days.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(days));
    }

    public DigestSchedule withDays(Set<DayOfWeek> newDays) {
        return new DigestSchedule(sendAt, newDays, overdueEscalationDays);
    }

    public DigestSchedule withSendAt(LocalTime newSendAt) {
        return new DigestSchedule(newSendAt, days, overdueEscalationDays);
    }
}
