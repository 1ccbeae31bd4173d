package io.coebot.actions;

import java.time.LocalDate;

/**
 * "This owner's digest for this local date": the unit of exactly-once. It is claimed in the database before the
 * digest is sent, so a second scheduler run, a second instance, or the repeated hour of a daylight-saving
 * fall-back cannot send it twice.
 */
record DigestKey(String owner, LocalDate localDate) {
}
