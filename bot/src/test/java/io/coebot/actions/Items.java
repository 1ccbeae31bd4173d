package io.coebot.actions;

import java.time.Instant;
import java.time.LocalDate;

/** Action items for tests: an open, medium item of COE-1 owned by alice, whose COE carol owns, unless told otherwise. */
final class Items {

    static final String ALICE = "U0ALICE";
    static final String BOB = "U0BOB";
    static final String CAROL = "U0CAROL";
    static final String DAVE = "U0DAVE";

    private long id = 1;
    private long coeId = 1;
    private int coeNumber = 1;
    private String coeOwner = CAROL;
    private String text = "Add an alarm on queue depth";
    private String owner = ALICE;
    private Priority priority = Priority.MEDIUM;
    private LocalDate due = LocalDate.of(2026, 12, 31);
    private ActionStatus status = ActionStatus.OPEN;
    private String reason;
    private LocalDate snoozedUntil;

    private Items() {
    }

    static Items item(long id) {
        Items b = new Items();
        b.id = id;
        b.text = "Item " + id;
        return b;
    }

    Items owner(String v) {
        owner = v;
        return this;
    }

    Items coe(int number, String coeOwner) {
        coeId = number;
        coeNumber = number;
        this.coeOwner = coeOwner;
        return this;
    }

    Items due(String isoDate) {
        due = LocalDate.parse(isoDate);
        return this;
    }

    Items priority(Priority v) {
        priority = v;
        return this;
    }

    Items done() {
        status = ActionStatus.DONE;
        return this;
    }

    Items wontDo(String why) {
        status = ActionStatus.WONT_DO;
        reason = why;
        return this;
    }

    Items snoozedUntil(String isoDate) {
        snoozedUntil = LocalDate.parse(isoDate);
        return this;
    }

    ActionItem build() {
        return new ActionItem(id, coeId, coeNumber, "COE " + coeNumber, coeOwner, "C0INCIDENT" + coeNumber, text,
                owner, priority, due, ActionType.PREVENTION, status, reason, snoozedUntil, null, null, null, null, null,
                Instant.parse("2026-11-01T10:00:00Z"));
    }
}
