package io.coebot.actions;

import static io.coebot.actions.Items.ALICE;
import static io.coebot.actions.Items.BOB;
import static io.coebot.actions.Items.item;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The daily DM: who gets one, when in their own day, and what it lists. */
class DigestPlannerTest {

    private static final DigestSchedule WEEKDAYS_AT_9 = DigestSchedule.DEFAULT;
    private static final DigestSchedule EVERY_DAY_AT_9 = DigestSchedule.DEFAULT.withDays(EnumSet.allOf(DayOfWeek.class));

    private static Function<String, ZoneId> zones(Map<String, String> byUser) {
        return user -> byUser.containsKey(user) ? ZoneId.of(byUser.get(user)) : null;
    }

    private static List<ActionItemDigest> plan(String now, Function<String, ZoneId> zoneOf, List<ActionItem> items) {
        return DigestPlanner.plan(Instant.parse(now), items, zoneOf, WEEKDAYS_AT_9, Set.of());
    }

    private static List<String> recipients(List<ActionItemDigest> digests) {
        return digests.stream().map(ActionItemDigest::owner).toList();
    }

    private static List<Long> ids(ActionItemDigest digest) {
        return digest.lines().stream().map(l -> l.item().id()).toList();
    }

    @ParameterizedTest(name = "{0} in {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            // Thu 19 Nov 2026 17:30 UTC: 09:30 Thursday in Los Angeles, 02:30 Friday in Tokyo
            "2026-11-19T17:30:00Z | America/Los_Angeles | 2026-11-19",
            "2026-11-19T17:30:00Z | Asia/Tokyo          | none",
            // 09:00 local is the first minute, 08:59 is too early
            "2026-11-19T16:59:00Z | America/Los_Angeles | none",
            "2026-11-19T17:00:00Z | America/Los_Angeles | 2026-11-19",
            // Fri 09:30 in Tokyo is still Thursday in Los Angeles and in UTC
            "2026-11-20T00:30:00Z | Asia/Tokyo          | 2026-11-20",
            // Friday evening UTC is Saturday morning in Auckland: no digest there, one in UTC
            "2026-11-20T21:00:00Z | Pacific/Auckland    | none",
            "2026-11-20T21:00:00Z | UTC                 | 2026-11-20",
            // Sunday evening UTC is Monday morning in Auckland: the week has started there
            "2026-11-22T20:30:00Z | Pacific/Auckland    | 2026-11-23",
            "2026-11-22T20:30:00Z | UTC                 | none",
            "2026-11-21T12:00:00Z | Europe/Paris        | none",
            // a late run still sends the day's digest (a failed morning is caught up later that day)
            "2026-11-19T22:59:00Z | Europe/Paris        | 2026-11-19",
    })
    void eachOwnerIsNudgedFrom9InTheirOwnZoneOnWeekdays(String now, String zone, String expected) {
        List<ActionItemDigest> digests = plan(now, zones(Map.of(ALICE, zone)), List.of(item(1).owner(ALICE).build()));

        if (expected.equals("none")) {
            assertEquals(List.of(), digests);
        } else {
            assertEquals(1, digests.size());
            assertEquals(new DigestKey(ALICE, LocalDate.parse(expected)), digests.get(0).key());
            assertEquals(ZoneId.of(zone), digests.get(0).zone());
        }
    }

    @Test
    void atOneInstantOnlyTheOwnerPast9LocallyIsNudged() {
        List<ActionItem> items = List.of(item(1).owner(ALICE).build(), item(2).owner(BOB).build());
        var zoneOf = zones(Map.of(ALICE, "Asia/Tokyo", BOB, "America/Los_Angeles"));

        assertEquals(List.of(BOB), recipients(plan("2026-11-19T17:30:00Z", zoneOf, items)));
        assertEquals(List.of(ALICE, BOB), recipients(plan("2026-11-20T00:30:00Z", zoneOf, items)));
    }

    @Test
    void anUnknownOrUnreadableZoneMeansUtc() {
        List<ActionItem> items = List.of(item(1).owner(ALICE).build(), item(2).owner(BOB).build());
        Function<String, ZoneId> zoneOf = user -> {
            if (user.equals(BOB)) {
                throw new IllegalStateException("no such zone");
            }
            return null;
        };

        assertEquals(List.of(), plan("2026-11-19T08:59:00Z", zoneOf, items));
        List<ActionItemDigest> at9 = plan("2026-11-19T09:00:00Z", zoneOf, items);
        assertEquals(List.of(ALICE, BOB), recipients(at9));
        assertEquals(ZoneOffset.UTC, at9.get(0).zone());
        assertEquals(ZoneOffset.UTC, at9.get(1).zone());
    }

    @ParameterizedTest(name = "{0} at {1} with days {2} at {3} -> {4}")
    @CsvSource(delimiter = '|', value = {
            "2026-11-21T12:00:00Z | SATURDAY,SUNDAY  | 09:00 | true",   // Saturday
            "2026-11-23T12:00:00Z | SATURDAY,SUNDAY  | 09:00 | false",  // Monday
            "2026-11-24T12:00:00Z | MONDAY,WEDNESDAY | 09:00 | false",  // Tuesday
            "2026-11-25T12:00:00Z | MONDAY,WEDNESDAY | 09:00 | true",   // Wednesday
            "2026-11-25T13:59:00Z | WEDNESDAY        | 14:00 | false",
            "2026-11-25T14:00:00Z | WEDNESDAY        | 14:00 | true",
    })
    void daysAndTimeAreConfigurable(String now, String days, String sendAt, boolean expected) {
        Set<DayOfWeek> chosen = EnumSet.noneOf(DayOfWeek.class);
        for (String d : days.split(",")) {
            chosen.add(DayOfWeek.valueOf(d));
        }
        DigestSchedule schedule = new DigestSchedule(LocalTime.parse(sendAt), chosen, 7);

        List<ActionItemDigest> digests = DigestPlanner.plan(Instant.parse(now), List.of(item(1).build()),
                user -> ZoneOffset.UTC, schedule, Set.of());

        assertEquals(expected, !digests.isEmpty());
    }

    /**
     * Runs the planner every 5 minutes over a whole local day and the morning after, claiming what it plans
     * (as the service does before sending), and returns when each digest would go out.
     */
    private static List<Instant> sendsDuring(LocalDate day, String zone, LocalTime sendAt) {
        ZoneId z = ZoneId.of(zone);
        DigestSchedule schedule = EVERY_DAY_AT_9.withSendAt(sendAt);
        Set<DigestKey> claimed = new HashSet<>();
        List<Instant> sends = new ArrayList<>();
        Instant end = day.plusDays(1).atStartOfDay(z).toInstant();
        for (Instant t = day.atStartOfDay(z).toInstant(); t.isBefore(end); t = t.plus(Duration.ofMinutes(5))) {
            for (ActionItemDigest d : DigestPlanner.plan(t, List.of(item(1).build()), user -> z, schedule, claimed)) {
                claimed.add(d.key());
                assertEquals(day, d.localDate());
                sends.add(t);
            }
        }
        return sends;
    }

    @ParameterizedTest(name = "{0} {1} at {2} -> {3}")
    @CsvSource(delimiter = '|', value = {
            // New York springs forward Sun 8 Mar 2026: 02:00 EST becomes 03:00 EDT, so 02:30 never happens;
            // the digest goes at the first minute after the gap
            "2026-03-08 | America/New_York | 02:30 | 2026-03-08T07:00:00Z",
            "2026-03-08 | America/New_York | 09:00 | 2026-03-08T13:00:00Z",
            "2026-03-07 | America/New_York | 09:00 | 2026-03-07T14:00:00Z",
            "2026-03-09 | America/New_York | 09:00 | 2026-03-09T13:00:00Z",
            // New York falls back Sun 1 Nov 2026: 01:00-02:00 happens twice; the first 01:30 (EDT) wins
            "2026-11-01 | America/New_York | 01:30 | 2026-11-01T05:30:00Z",
            "2026-11-01 | America/New_York | 09:00 | 2026-11-01T14:00:00Z",
            "2026-10-31 | America/New_York | 09:00 | 2026-10-31T13:00:00Z",
            // Paris: Sun 29 Mar 2026 02:00 CET becomes 03:00 CEST; Sun 25 Oct 2026 03:00 CEST becomes 02:00 CET
            "2026-03-29 | Europe/Paris     | 02:30 | 2026-03-29T01:00:00Z",
            "2026-03-29 | Europe/Paris     | 09:00 | 2026-03-29T07:00:00Z",
            "2026-10-25 | Europe/Paris     | 02:30 | 2026-10-25T00:30:00Z",
            "2026-10-25 | Europe/Paris     | 09:00 | 2026-10-25T08:00:00Z",
    })
    void exactlyOneDigestOnEachLocalDateAcrossDaylightSavingChanges(String day, String zone, String sendAt,
                                                                      String expectedSend) {
        assertEquals(List.of(Instant.parse(expectedSend)),
                sendsDuring(LocalDate.parse(day), zone, LocalTime.parse(sendAt)));
    }

    @Test
    void aClaimedDigestIsNotPlannedAgainButTomorrowsIs() {
        List<ActionItem> items = List.of(item(1).owner(ALICE).build(), item(2).owner(BOB).build());
        Set<DigestKey> claimed = Set.of(new DigestKey(ALICE, LocalDate.parse("2026-11-19")));

        List<ActionItemDigest> thursday = DigestPlanner.plan(Instant.parse("2026-11-19T12:00:00Z"), items,
                user -> ZoneOffset.UTC, WEEKDAYS_AT_9, claimed);
        List<ActionItemDigest> friday = DigestPlanner.plan(Instant.parse("2026-11-20T12:00:00Z"), items,
                user -> ZoneOffset.UTC, WEEKDAYS_AT_9, claimed);

        assertEquals(List.of(BOB), recipients(thursday));
        assertEquals(List.of(ALICE, BOB), recipients(friday));
    }

    @ParameterizedTest(name = "snoozed until {1}, at {0} -> {2}")
    @CsvSource(delimiter = '|', value = {
            // alice is in Los Angeles; snooze ends are judged on her local date
            "2026-11-19T17:30:00Z | 2026-11-20 | hidden",   // Thu in LA: snoozed until tomorrow
            "2026-11-20T17:30:00Z | 2026-11-20 | shown",    // Fri in LA: the snooze end date itself
            "2026-11-20T06:00:00Z | 2026-11-20 | hidden",   // Fri in UTC, still Thu 22:00 in LA
            "2026-11-23T17:30:00Z | 2026-11-20 | shown",    // long after
            "2026-11-19T17:30:00Z | 2026-11-19 | shown",    // ended today
    })
    void aSnoozedItemIsLeftOutUntilItsSnoozeEnds(String now, String until, String expected) {
        List<ActionItem> items = List.of(item(1).owner(ALICE).snoozedUntil(until).build());

        List<ActionItemDigest> digests = plan(now, zones(Map.of(ALICE, "America/Los_Angeles")), items);

        assertEquals(expected.equals("shown") ? 1 : 0, digests.size());
    }

    @Test
    void aDigestListsOnlyTheItemsThatAreNotSnoozed() {
        List<ActionItem> items = List.of(
                item(1).snoozedUntil("2026-11-26").build(),
                item(2).build());

        List<ActionItemDigest> digests = plan("2026-11-19T12:00:00Z", user -> ZoneOffset.UTC, items);

        assertEquals(List.of(2L), ids(digests.get(0)));
    }

    @Test
    void nothingOpenMeansNoDigest() {
        assertEquals(List.of(), plan("2026-11-19T12:00:00Z", user -> ZoneOffset.UTC, List.of()));
        assertEquals(List.of(), plan("2026-11-19T12:00:00Z", user -> ZoneOffset.UTC,
                List.of(item(1).done().build(), item(2).wontDo("replaced by COE-9").build())));
    }

    @Test
    void doneAndWontDoItemsAreNotListed() {
        List<ActionItem> items = List.of(item(1).done().build(), item(2).build(),
                item(3).wontDo("covered by the new queue").build());

        List<ActionItemDigest> digests = plan("2026-11-19T12:00:00Z", user -> ZoneOffset.UTC, items);

        assertEquals(List.of(2L), ids(digests.get(0)));
    }

    @Test
    void eachOwnerGetsOneDigestWithOnlyTheirItemsAcrossCoes() {
        List<ActionItem> items = List.of(
                item(1).owner(ALICE).coe(1, Items.CAROL).build(),
                item(2).owner(BOB).coe(1, Items.CAROL).build(),
                item(3).owner(ALICE).coe(2, Items.DAVE).build());

        List<ActionItemDigest> digests = plan("2026-11-19T12:00:00Z", user -> ZoneOffset.UTC, items);

        assertEquals(List.of(ALICE, BOB), recipients(digests));
        assertEquals(List.of(1L, 3L), ids(digests.get(0)));
        assertEquals(List.of(2L), ids(digests.get(1)));
    }

    @Test
    void mostOverdueFirstThenByDueDateThenPriorityEachWithItsDueness() {
        // Thu 19 Nov 2026
        List<ActionItem> items = List.of(
                item(1).due("2026-11-21").priority(Priority.HIGH).build(),
                item(2).due("2026-11-16").priority(Priority.LOW).build(),
                item(3).due("2026-11-19").build(),
                item(4).due("2026-11-18").build(),
                item(5).due("2026-11-20").priority(Priority.LOW).build(),
                item(6).due("2026-11-20").priority(Priority.HIGH).build(),
                item(7).due("2026-12-03").build());

        ActionItemDigest digest = plan("2026-11-19T12:00:00Z", user -> ZoneOffset.UTC, items).get(0);

        assertEquals(List.of(2L, 4L, 3L, 6L, 5L, 1L, 7L), ids(digest));
        assertEquals(List.of("overdue by 3 days", "overdue by 1 day", "due today", "due tomorrow", "due tomorrow",
                        "due in 2 days", "due in 14 days"),
                digest.lines().stream().map(DigestLine::phrase).toList());
    }

    @Test
    void duenessIsCountedOnTheOwnersLocalDate() {
        // Fri 20 Nov 01:00 UTC: already Friday in Tokyo, still Thursday in UTC
        List<ActionItem> items = List.of(item(1).owner(ALICE).due("2026-11-20").build());

        ActionItemDigest digest = plan("2026-11-20T01:00:00Z", zones(Map.of(ALICE, "Asia/Tokyo")), items).get(0);

        assertEquals("due today", digest.lines().get(0).phrase());
        assertTrue(digest.lines().get(0).dueness().daysLeft() == 0);
    }
}
