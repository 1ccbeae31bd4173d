package io.coebot.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code /coe action …} as Slack delivers the text; today is Thu 19 Nov 2026 for the person typing. */
class ActionCommandParserTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-11-19");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', nullValues = "-", value = {
            // nothing but text: the typist owns it, medium, due in 14 days
            "Add an alarm on queue depth                       ; Add an alarm on queue depth                   ; -            ; medium ; 2026-12-03",
            // mentions as Slack escapes them, with and without the name part
            "Add an alarm on queue depth <@U123ABC>            ; Add an alarm on queue depth                   ; U123ABC      ; medium ; 2026-12-03",
            "Add an alarm on queue depth <@U123ABC|alice>      ; Add an alarm on queue depth                   ; U123ABC      ; medium ; 2026-12-03",
            "Add an alarm <@W0ENTERPRISE|alice smith>          ; Add an alarm                                  ; W0ENTERPRISE ; medium ; 2026-12-03",
            // trailing options in any order
            "Add an alarm <@U123ABC|alice> high due 2026-12-01 ; Add an alarm                                  ; U123ABC      ; high   ; 2026-12-01",
            "Add an alarm due 2026-12-01 high <@U123ABC|alice> ; Add an alarm                                  ; U123ABC      ; high   ; 2026-12-01",
            "Add an alarm high <@U123ABC> due 2026-12-01       ; Add an alarm                                  ; U123ABC      ; high   ; 2026-12-01",
            "Add an alarm LOW                                  ; Add an alarm                                  ; -            ; low    ; 2026-12-03",
            "Add an alarm Due 2026-12-01                       ; Add an alarm                                  ; -            ; medium ; 2026-12-01",
            // words that are options elsewhere stay text inside the sentence
            "Alarm on high queue depth <@U1> low               ; Alarm on high queue depth                     ; U1           ; low    ; 2026-12-03",
            "Find why the low priority queue was due first     ; Find why the low priority queue was due first ; -            ; medium ; 2026-12-03",
            "Invoice alert when payment is due monthly         ; Invoice alert when payment is due monthly     ; -            ; medium ; 2026-12-03",
            // an option already taken ends the scan: only the last one counts
            "Lower the threshold low high                      ; Lower the threshold low                       ; -            ; high   ; 2026-12-03",
            "Pair with <@U2> <@U1>                             ; Pair with <@U2>                               ; U1           ; medium ; 2026-12-03",
            "Ask <@U2> to review the runbook <@U1>             ; Ask <@U2> to review the runbook               ; U1           ; medium ; 2026-12-03",
            // options only count at the end
            "Ship the fix due 2026-12-01 to prod               ; Ship the fix due 2026-12-01 to prod           ; -            ; medium ; 2026-12-03",
            // the friendly dates
            "Ship it due today                                 ; Ship it                                       ; -            ; medium ; 2026-11-19",
            "Ship it due tomorrow                              ; Ship it                                       ; -            ; medium ; 2026-11-20",
            "Ship it due in 3 days high                        ; Ship it                                       ; -            ; high   ; 2026-11-22",
            "Ship it due in 1 day                              ; Ship it                                       ; -            ; medium ; 2026-11-20",
            "Ship it due in 2 weeks                            ; Ship it                                       ; -            ; medium ; 2026-12-03",
            // spacing inside the text is kept as typed
            "Rotate keys   quarterly   <@U1>                   ; Rotate keys   quarterly                       ; U1           ; medium ; 2026-12-03",
    })
    void readsTextAndTrailingOptions(String args, String text, String owner, String priority, String due) {
        ParsedAction parsed = ActionCommandParser.parse(args, TODAY);

        assertTrue(parsed.isOk(), parsed::error);
        assertEquals(new ActionItemDraft(text, owner, Priority.fromKey(priority), LocalDate.parse(due)), parsed.draft());
    }

    @Test
    void aTrailingPriorityWordIsAPriorityEvenWhenItCouldEndTheSentence() {
        // the documented price of "options at the end": the echo shows "high" and the shortened text
        ParsedAction parsed = ActionCommandParser.parse("Page when latency is high", TODAY);

        assertEquals("Page when latency is", parsed.draft().text());
        assertEquals(Priority.HIGH, parsed.draft().priority());
    }

    @Test
    void withoutAnOwnerTheItemBelongsToWhoeverTypedIt() {
        ActionItemDraft draft = ActionCommandParser.parse("Add an alarm", TODAY).draft();

        assertNull(draft.owner());
        assertEquals("U0TYPIST", draft.ownerOr("U0TYPIST"));
        assertEquals("U1", ActionCommandParser.parse("Add an alarm <@U1>", TODAY).draft().ownerOr("U0TYPIST"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "Fix it due 2026-13-40     ; I couldn't read the due date \"2026-13-40\". Write it as due YYYY-MM-DD, e.g. due 2026-12-03 (due today, due tomorrow and due in 3 days work too).",
            "Fix it due 2026-02-30     ; I couldn't read the due date \"2026-02-30\". Write it as due YYYY-MM-DD, e.g. due 2026-12-03 (due today, due tomorrow and due in 3 days work too).",
            "Fix it due 01/12/2026     ; I couldn't read the due date \"01/12/2026\". Write it as due YYYY-MM-DD, e.g. due 2026-12-03 (due today, due tomorrow and due in 3 days work too).",
            "Fix it due friday high    ; I couldn't read the due date \"friday\". Write it as due YYYY-MM-DD, e.g. due 2026-12-03 (due today, due tomorrow and due in 3 days work too).",
            "Fix it due next week      ; I couldn't read the due date \"next week\". Write it as due YYYY-MM-DD, e.g. due 2026-12-03 (due today, due tomorrow and due in 3 days work too).",
            "Fix it due 2026-11-18     ; The due date 2026-11-18 is in the past. Pick today or a later day.",
            "Fix it @alice             ; I can't tell who @alice is. Pick them from Slack's @ menu so the name turns into a mention.",
            "Fix it <!subteam^S1|@sre> ; An action item has one owner: mention one person, e.g. @alice, not a group.",
    })
    void refusesWhatItCannotUseWithAClearReason(String args, String error) {
        ParsedAction parsed = ActionCommandParser.parse(args, TODAY);

        assertFalse(parsed.isOk());
        assertNull(parsed.draft());
        assertEquals(error, parsed.error());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "<@U1> high due 2026-12-01", "high"})
    void withoutTextItAnswersWithUsage(String args) {
        ParsedAction parsed = ActionCommandParser.parse(args, TODAY);

        assertFalse(parsed.isOk());
        assertTrue(parsed.error().contains(ActionCommandParser.USAGE), parsed.error());
        assertTrue(parsed.error().contains("due 2026-12-03"), "the example date is never in the past: " + parsed.error());
    }
}
