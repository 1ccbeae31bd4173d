package io.coebot.actions;

import static io.coebot.actions.Items.ALICE;
import static io.coebot.actions.Items.BOB;
import static io.coebot.actions.Items.CAROL;
import static io.coebot.actions.Items.DAVE;
import static io.coebot.actions.Items.item;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Long-overdue items reach the COE owner once a week; items of deactivated owners are put to the COE owner. */
class EscalationTest {

    private static final Predicate<String> NOBODY_LEFT = user -> false;
    private static final Function<String, ZoneId> ALL_UTC = user -> ZoneOffset.UTC;

    private static NudgePlan plan(String now, List<ActionItem> items) {
        return plan(now, items, ALL_UTC, NOBODY_LEFT, NudgeClaims.NONE);
    }

    private static NudgePlan plan(String now, List<ActionItem> items, Function<String, ZoneId> zoneOf,
                                  Predicate<String> deactivated, NudgeClaims claims) {
        return DigestPlanner.plan(Instant.parse(now), items, zoneOf, deactivated, DigestSchedule.DEFAULT, claims);
    }

    private static List<Long> ids(OverdueReport report) {
        return report.items().stream().map(ActionItem::id).toList();
    }

    @ParameterizedTest(name = "due {0} on Mon 23 Nov -> reported: {1}")
    @CsvSource(delimiter = '|', value = {
            "2026-11-22 | false",  // overdue by 1 day
            "2026-11-16 | false",  // overdue by exactly 7 days
            "2026-11-15 | true",   // overdue by 8 days
            "2026-10-01 | true",
            "2026-11-23 | false",  // due today
    })
    void onlyItemsOverdueByMoreThanSevenDaysAreReportedToTheCoeOwner(String due, boolean reported) {
        NudgePlan plan = plan("2026-11-23T10:00:00Z", List.of(item(1).owner(ALICE).coe(1, CAROL).due(due).build()));

        assertEquals(reported ? List.of(CAROL) : List.of(),
                plan.overdueReports().stream().map(OverdueReport::coeOwner).toList());
        assertEquals(List.of(ALICE), plan.digests().stream().map(ActionItemDigest::owner).toList(),
                "the owner's own digest is unaffected");
    }

    @Test
    void theReportSaysHowOverdueEachItemIs() {
        NudgePlan plan = plan("2026-11-23T10:00:00Z", List.of(item(1).owner(ALICE).due("2026-11-14").build()));

        OverdueReport report = plan.overdueReports().get(0);
        assertEquals(new WeekKey(CAROL, 2026, 48), report.week());
        assertEquals("2026-W48", report.week().label());
        assertEquals("overdue by 9 days", report.lines().get(0).phrase());
    }

    @Test
    void theThresholdIsConfigurable() {
        DigestSchedule threeDays = new DigestSchedule(DigestSchedule.DEFAULT.sendAt(), DigestSchedule.DEFAULT.days(), 3);
        List<ActionItem> items = List.of(item(1).due("2026-11-20").build(), item(2).due("2026-11-19").build());

        NudgePlan plan = DigestPlanner.plan(Instant.parse("2026-11-23T10:00:00Z"), items, ALL_UTC, NOBODY_LEFT,
                threeDays, NudgeClaims.NONE);

        assertEquals(List.of(2L), ids(plan.overdueReports().get(0)));
    }

    @Test
    void atMostOneReportPerWeekAtTheFirstMorningOfTheWeek() {
        List<ActionItem> items = List.of(item(1).due("2026-11-01").build());
        Set<WeekKey> claimed = new HashSet<>();
        List<Instant> sent = new ArrayList<>();
        // every 15 minutes from Sunday 22 Nov to Wednesday 2 Dec
        for (Instant t = Instant.parse("2026-11-22T00:00:00Z"); t.isBefore(Instant.parse("2026-12-03T00:00:00Z"));
             t = t.plus(Duration.ofMinutes(15))) {
            NudgePlan plan = plan(t.toString(), items, ALL_UTC, NOBODY_LEFT, new NudgeClaims(Set.of(), claimed, Set.of()));
            for (OverdueReport r : plan.overdueReports()) {
                claimed.add(r.week());
                sent.add(t);
            }
        }

        assertEquals(List.of(Instant.parse("2026-11-23T09:00:00Z"), Instant.parse("2026-11-30T09:00:00Z")), sent);
    }

    @Test
    void anItemCrossingTheThresholdMidweekIsReportedThatMorningIfNothingWasReportedYet() {
        // overdue by 7 days on Monday 23 Nov, by 8 on Tuesday
        List<ActionItem> items = List.of(item(1).due("2026-11-16").build());

        assertEquals(0, plan("2026-11-23T10:00:00Z", items).overdueReports().size());
        assertEquals(1, plan("2026-11-24T10:00:00Z", items).overdueReports().size());
        assertEquals(0, plan("2026-11-24T10:00:00Z", items, ALL_UTC, NOBODY_LEFT,
                new NudgeClaims(Set.of(), Set.of(new WeekKey(CAROL, 2026, 48)), Set.of())).overdueReports().size());
    }

    @Test
    void theWeekIsTheCoeOwnersLocalWeek() {
        // Sun 22 Nov 20:30 UTC (ISO week 47 in UTC) is Mon 23 Nov 09:30 in Auckland (week 48)
        List<ActionItem> items = List.of(item(1).owner(ALICE).coe(1, CAROL).due("2026-11-01").build());
        Function<String, ZoneId> zoneOf = user -> user.equals(CAROL) ? ZoneId.of("Pacific/Auckland") : ZoneOffset.UTC;
        NudgeClaims week47Done = new NudgeClaims(Set.of(), Set.of(new WeekKey(CAROL, 2026, 47)), Set.of());

        NudgePlan plan = plan("2026-11-22T20:30:00Z", items, zoneOf, NOBODY_LEFT, week47Done);

        assertEquals(List.of(new WeekKey(CAROL, 2026, 48)),
                plan.overdueReports().stream().map(OverdueReport::week).toList());
    }

    @Test
    void theReportWaitsForTheCoeOwnersWorkingMorning() {
        List<ActionItem> items = List.of(item(1).due("2026-11-01").build());
        Function<String, ZoneId> zoneOf = user -> user.equals(CAROL) ? ZoneId.of("America/Los_Angeles") : ZoneOffset.UTC;

        // Mon 23 Nov 10:00 UTC is 02:00 in Los Angeles; Sat 28 Nov 18:00 UTC is Saturday morning there
        assertEquals(0, plan("2026-11-23T10:00:00Z", items, zoneOf, NOBODY_LEFT, NudgeClaims.NONE).overdueReports().size());
        assertEquals(0, plan("2026-11-28T18:00:00Z", items, zoneOf, NOBODY_LEFT, NudgeClaims.NONE).overdueReports().size());
        assertEquals(1, plan("2026-11-23T17:00:00Z", items, zoneOf, NOBODY_LEFT, NudgeClaims.NONE).overdueReports().size());
    }

    @ParameterizedTest(name = "at {0}: reported {1}")
    @CsvSource(delimiter = '|', value = {
            // due Thu 12 Nov; alice (owner) in Los Angeles, carol (COE owner) in Tokyo.
            // Fri 20 Nov 01:00 UTC: Thu 19 Nov in LA (7 days overdue) though Fri 20 Nov in Tokyo
            "2026-11-20T01:00:00Z | false",
            // Fri 20 Nov 08:30 UTC: Fri 20 Nov in LA (8 days overdue), 17:30 Friday in Tokyo
            "2026-11-20T08:30:00Z | true",
    })
    void overdueIsCountedInTheItemOwnersCalendar(String now, boolean reported) {
        List<ActionItem> items = List.of(item(1).owner(ALICE).coe(1, CAROL).due("2026-11-12").build());
        Function<String, ZoneId> zoneOf = user -> ZoneId.of(user.equals(ALICE) ? "America/Los_Angeles" : "Asia/Tokyo");

        NudgePlan plan = plan(now, items, zoneOf, NOBODY_LEFT, NudgeClaims.NONE);

        assertEquals(reported ? 1 : 0, plan.overdueReports().size());
        if (reported) {
            assertEquals("overdue by 8 days", plan.overdueReports().get(0).lines().get(0).phrase());
        }
    }

    @Test
    void aSnoozedItemIsNotReportedUntilItsSnoozeEnds() {
        List<ActionItem> items = List.of(item(1).due("2026-11-01").snoozedUntil("2026-11-30").build());

        assertEquals(0, plan("2026-11-23T10:00:00Z", items).overdueReports().size());
        assertEquals(1, plan("2026-11-30T10:00:00Z", items).overdueReports().size());
    }

    @Test
    void closedItemsAreNeverReported() {
        List<ActionItem> items = List.of(item(1).due("2026-11-01").done().build(),
                item(2).due("2026-11-01").wontDo("the service is retired").build());

        assertEquals(List.of(), plan("2026-11-23T10:00:00Z", items).overdueReports());
    }

    @Test
    void oneReportPerCoeOwnerCoversAllTheirCoesGroupedByCoe() {
        List<ActionItem> items = List.of(
                item(1).owner(ALICE).coe(7, CAROL).due("2026-11-10").build(),
                item(2).owner(BOB).coe(3, CAROL).due("2026-11-12").build(),
                item(3).owner(BOB).coe(7, CAROL).due("2026-11-02").build(),
                item(4).owner(ALICE).coe(5, DAVE).due("2026-11-02").build(),
                item(5).owner(BOB).coe(3, CAROL).due("2026-11-22").build()); // not long overdue

        NudgePlan plan = plan("2026-11-23T10:00:00Z", items);

        assertEquals(List.of(CAROL, DAVE), plan.overdueReports().stream().map(OverdueReport::coeOwner).toList());
        assertEquals(List.of(2L, 3L, 1L), ids(plan.overdueReports().get(0)));
        assertEquals(List.of(4L), ids(plan.overdueReports().get(1)));
    }

    @Test
    void theCoeOwnerIsNotReportedTheirOwnItems() {
        List<ActionItem> items = List.of(item(1).owner(CAROL).coe(1, CAROL).due("2026-11-01").build());

        NudgePlan plan = plan("2026-11-23T10:00:00Z", items);

        assertEquals(List.of(), plan.overdueReports());
        assertEquals("overdue by 22 days", plan.digests().get(0).lines().get(0).phrase());
    }

    @Test
    void aDeactivatedOwnersItemsGoToTheCoeOwnerForReassignmentInsteadOfADigest() {
        List<ActionItem> items = List.of(
                item(1).owner(ALICE).coe(1, CAROL).due("2026-11-01").build(),
                item(2).owner(ALICE).coe(2, DAVE).build(),
                item(3).owner(BOB).coe(1, CAROL).build());
        Predicate<String> aliceLeft = ALICE::equals;

        NudgePlan plan = plan("2026-11-23T10:00:00Z", items, ALL_UTC, aliceLeft, NudgeClaims.NONE);

        assertEquals(List.of(BOB), plan.digests().stream().map(ActionItemDigest::owner).toList());
        assertEquals(List.of(CAROL + ":1", DAVE + ":2"), plan.reassignRequests().stream()
                .map(r -> r.coeOwner() + ":" + r.item().id()).toList());
        assertEquals(List.of(), plan.overdueReports(), "the reassign request already covers alice's overdue item");
    }

    @Test
    void aReassignRequestIsRepeatedWeeklyUntilTheItemHasANewOwner() {
        List<ActionItem> items = List.of(item(1).owner(ALICE).coe(1, CAROL).build());
        Set<ReassignKey> claimed = new HashSet<>();
        List<Instant> sent = new ArrayList<>();
        for (Instant t = Instant.parse("2026-11-23T00:00:00Z"); t.isBefore(Instant.parse("2026-12-01T00:00:00Z"));
             t = t.plus(Duration.ofHours(1))) {
            for (ReassignRequest r : plan(t.toString(), items, ALL_UTC, ALICE::equals,
                    new NudgeClaims(Set.of(), Set.of(), claimed)).reassignRequests()) {
                claimed.add(r.key());
                sent.add(t);
            }
        }

        assertEquals(List.of(Instant.parse("2026-11-23T09:00:00Z"), Instant.parse("2026-11-30T09:00:00Z")), sent);
    }

    @Test
    void nobodyIsAskedWhenTheCoeOwnerIsDeactivatedToo() {
        List<ActionItem> items = List.of(item(1).owner(ALICE).coe(1, CAROL).due("2026-11-01").build());

        NudgePlan plan = plan("2026-11-23T10:00:00Z", items, ALL_UTC, Set.of(ALICE, CAROL)::contains, NudgeClaims.NONE);

        assertEquals(true, plan.isEmpty());
    }

    @Test
    void aDeactivatedCoeOwnerDoesNotStopTheOwnersDigest() {
        List<ActionItem> items = List.of(item(1).owner(ALICE).coe(1, CAROL).due("2026-11-01").build());

        NudgePlan plan = plan("2026-11-23T10:00:00Z", items, ALL_UTC, CAROL::equals, NudgeClaims.NONE);

        assertEquals(List.of(ALICE), plan.digests().stream().map(ActionItemDigest::owner).toList());
        assertEquals(List.of(), plan.overdueReports());
    }
}
