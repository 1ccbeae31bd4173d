package io.coebot.actions;

import static io.coebot.actions.Items.ALICE;
import static io.coebot.actions.Items.BOB;
import static io.coebot.actions.Items.CAROL;
import static io.coebot.actions.Items.item;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** alice owns the item, carol owns the COE, bob is a bystander. Today is Thu 19 Nov 2026. */
class ActionItemRulesTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-11-19");
    private static final String REFUSAL =
            "Only <@U0ALICE> (the item's owner) or <@U0CAROL> (the COE owner) can change this item.";

    private final ActionItem open = item(1).owner(ALICE).coe(1, CAROL).due("2026-11-25").build();

    @ParameterizedTest(name = "{0} may change: {1}")
    @CsvSource({"U0ALICE, true", "U0CAROL, true", "U0BOB, false", "u0alice, false", ", false"})
    void onlyTheItemOwnerOrTheCoeOwnerMayChangeAnItem(String actor, boolean allowed) {
        assertEquals(allowed, ActionItemRules.mayChange(actor, open));
    }

    @Test
    void aRefusalNamesBothPeopleWhoCanAct() {
        assertEquals(REFUSAL, ActionItemRules.refusal(open));
        assertEquals("Only <@U0CAROL> (the item's owner and the COE owner) can change this item.",
                ActionItemRules.refusal(item(2).owner(CAROL).coe(1, CAROL).build()));
    }

    @Test
    void aBystanderIsPolitelyRefusedEveryChange() {
        List<ItemChange> attempts = List.of(
                ActionItemRules.done(open, BOB),
                ActionItemRules.wontDo(open, BOB, "not needed"),
                ActionItemRules.reassign(open, BOB, BOB),
                ActionItemRules.changeDue(open, BOB, TODAY.plusDays(30), TODAY),
                ActionItemRules.snoozeOneWeek(open, BOB, TODAY));

        for (ItemChange attempt : attempts) {
            assertFalse(attempt.isOk());
            assertEquals(REFUSAL, attempt.refusal());
        }
    }

    @Test
    void theOwnerOrTheCoeOwnerCanMarkItDone() {
        assertEquals(ActionStatus.DONE, ActionItemRules.done(open, ALICE).item().status());
        assertEquals(ActionStatus.DONE, ActionItemRules.done(open, CAROL).item().status());
    }

    @Test
    void aSecondDoneClickIsHarmlessButAClosedItemStaysClosed() {
        ActionItem done = ActionItemRules.done(open, ALICE).item();
        assertSame(done, ActionItemRules.done(done, ALICE).item());

        ActionItem dropped = ActionItemRules.wontDo(open, ALICE, "the service is retired").item();
        assertEquals("This item was closed as won't do (the service is retired).",
                ActionItemRules.done(dropped, ALICE).refusal());
        assertEquals("This item is already done.", ActionItemRules.changeDue(done, ALICE, TODAY, TODAY).refusal());
    }

    @Test
    void wontDoNeedsAReason() {
        assertEquals("Say why this item won't be done, so the next reader of the COE knows.",
                ActionItemRules.wontDo(open, ALICE, "  ").refusal());
        assertEquals("Say why this item won't be done, so the next reader of the COE knows.",
                ActionItemRules.wontDo(open, ALICE, null).refusal());

        ActionItem dropped = ActionItemRules.wontDo(open, CAROL, " covered by COE-9 ").item();
        assertEquals(ActionStatus.WONT_DO, dropped.status());
        assertEquals("covered by COE-9", dropped.statusReason());
    }

    @Test
    void aNewOwnerStartsWithoutTheOldOwnersSnooze() {
        ActionItem snoozed = ActionItemRules.snoozeOneWeek(open, ALICE, TODAY).item();
        assertEquals(LocalDate.parse("2026-11-26"), snoozed.snoozedUntil());

        ActionItem moved = ActionItemRules.reassign(snoozed, CAROL, BOB).item();

        assertEquals(BOB, moved.owner());
        assertEquals(null, moved.snoozedUntil());
        assertEquals("Pick the person who will own this item.", ActionItemRules.reassign(open, CAROL, " ").refusal());
    }

    @Test
    void aNewDueDateMustNotBeInThePast() {
        assertEquals("The due date 2026-11-18 is in the past. Pick today or a later day.",
                ActionItemRules.changeDue(open, ALICE, LocalDate.parse("2026-11-18"), TODAY).refusal());
        assertEquals(TODAY, ActionItemRules.changeDue(open, ALICE, TODAY, TODAY).item().due());
    }

    @Test
    void theDefaultDueDateIsTwoWeeksOut() {
        assertEquals(LocalDate.parse("2026-12-03"), ActionItemRules.defaultDue(TODAY));
    }

    @ParameterizedTest(name = "\"{0}\" accepted: {1}")
    @CsvSource(delimiter = '|', value = {
            "https://tracker.example.com/browse/OPS-123 | true",
            "http://jira.internal:8080/OPS-1            | true",
            "HTTPS://Tracker.Example.com/x              | true",
            "ftp://files.example.com/ticket             | false",
            "javascript:alert(1)                        | false",
            "www.example.com/OPS-1                      | false",
            "https://                                   | false",
            "OPS-123                                    | true",
            "#12                                        | true",
            "ops-123                                    | false",
            "https://exa mple.com                       | false",
    })
    void aTrackerLinkMustBeAWebAddressOrAnIssueKey(String url, boolean accepted) {
        Optional<String> problem = ActionItemRules.trackerUrlProblem(url);

        assertEquals(accepted, problem.isEmpty(), () -> problem.orElse(""));
        problem.ifPresent(p -> assertTrue(p.contains("http://") && p.contains("https://")));
    }

    @Test
    void noTrackerLinkIsFine() {
        assertEquals(Optional.empty(), ActionItemRules.trackerUrlProblem(null));
        assertEquals(Optional.empty(), ActionItemRules.trackerUrlProblem(" "));
    }

    @Test
    void allProblemsWithANewItemAreListedTogether() {
        assertEquals(List.of(
                        "Write what needs doing.",
                        "The due date 2026-11-01 is in the past. Pick today or a later day.",
                        "The tracker link must be a web address starting with http:// or https://, "
                                + "e.g. https://tracker.example.com/TICKET-123, or an issue key such as OPS-123 or #12."),
                ActionItemRules.problemsWithNew(" ", LocalDate.parse("2026-11-01"), "tracker/OPS-1", TODAY));
        assertEquals(List.of(), ActionItemRules.problemsWithNew("Add an alarm", TODAY, null, TODAY));
    }
}
