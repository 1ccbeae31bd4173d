package io.coebot.whys;

import io.coebot.slack.MessageTs;

import static io.coebot.whys.WhysMessage.Action.ANOTHER_CAUSE;
import static io.coebot.whys.WhysMessage.Action.BACK;
import static io.coebot.whys.WhysMessage.Action.KEEP;
import static io.coebot.whys.WhysMessage.Action.KEEP_ASKING;
import static io.coebot.whys.WhysMessage.Action.REMOVE;
import static io.coebot.whys.WhysMessage.Action.ROOT_CAUSE;
import static io.coebot.whys.WhysMessage.Action.USE_PROPOSAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FiveWhysTest {

    @Test
    void theFirstWhyQuotesTheProblemAndEachNextWhyQuotesTheAnswer() {
        WhysConversation s = WhysConversation.on("Checkout returned errors for 40 minutes");

        assertTrue(s.lastText().contains("*Why #1* — why did this happen?\n> Checkout returned errors for 40 minutes"),
                s.lastText());
        assertFalse(s.lastButtons().contains(ROOT_CAUSE), "the problem itself is never a root cause");

        s.answer("The payments API timed out");
        assertTrue(s.lastText().contains("*Why #2* — why did this happen?\n> The payments API timed out"), s.lastText());
        assertEquals(List.of(ROOT_CAUSE, ANOTHER_CAUSE, BACK), s.lastButtons());

        s.answer("Its connection pool was exhausted");
        assertTrue(s.lastText().startsWith("*Why #3*"), s.lastText());
        assertEquals(List.of("1 The payments API timed out", "1.1 Its connection pool was exhausted"), s.outline());
    }

    @Test
    void aRootCauseAfterTheFifthWhyIsMarkedAtOnceAndThenItsRemediationIsAsked() {
        WhysConversation s = WhysConversation.on("Checkout errors");
        s.answer("A").answer("B").answer("C").answer("D").answer("E");
        assertTrue(s.lastText().startsWith("*Why #6*"), "there is no upper limit: " + s.lastText());

        s.press(ROOT_CAUSE);

        assertEquals(List.of("1 A", "1.1 B", "1.1.1 C", "1.1.1.1 D", "1.1.1.1.1 ★ E"), s.outline());
        assertNull(s.tree().node(5).orElseThrow().checks(), "no checks after the fifth why");
        assertTrue(s.lastText().contains("Every branch has reached a root cause"), s.lastText());
        assertTrue(s.lastText().contains("*What would prevent root cause 1.1.1.1.1?*\n> E"), s.lastText());

        s.answer("Add a pool-size alarm");

        assertTrue(s.state().finished());
        assertTrue(s.lastText().contains("1 root cause, 1 action-item draft"), s.lastText());
        assertEquals("Add a pool-size alarm", s.tree().node(5).orElseThrow().remediations().get(0).text());
    }

    @Test
    void aRootCauseBeforeTheFifthWhyFirstAsksTheThreeChecksAndRecordsTheAnswer() {
        WhysConversation s = WhysConversation.on("Checkout errors");
        s.answer("The pool was too small").answer("Pool size was hard-coded in 2019");

        s.press(ROOT_CAUSE);

        assertTrue(s.lastText().contains("*Before cause 1.1 becomes a root cause*"), s.lastText());
        assertTrue(s.lastText().contains("Could it have been detected before it happened?"));
        assertTrue(s.lastText().contains("Was a person's mistake involved? If so, why was it possible?"));
        assertFalse(s.tree().node(2).orElseThrow().rootCause(), "not marked until the checks are answered");

        s.answer("1. yes 2. a load test would have 3. no");

        WhyNode root = s.tree().node(2).orElseThrow();
        assertTrue(root.rootCause());
        assertEquals("1. yes 2. a load test would have 3. no", root.checks());
        assertTrue(s.lastText().contains("What would prevent root cause 1.1?"), s.lastText());
    }

    @Test
    void keepAskingLeavesTheChecksAndAsksTheSameWhyAgain() {
        WhysConversation s = WhysConversation.on("Checkout errors");
        s.answer("The pool was too small").press(ROOT_CAUSE).press(KEEP_ASKING);

        assertTrue(s.lastText().contains("*Why #2* — why did this happen?\n> The pool was too small"), s.lastText());
        assertFalse(s.tree().node(1).orElseThrow().rootCause());
    }

    @Test
    void anotherCauseAddsASiblingThatIsWalkedAfterTheCurrentBranch() {
        WhysConversation s = WhysConversation.on("Checkout errors");
        s.answer("The payments API timed out").answer("Its pool was exhausted");

        s.press(ANOTHER_CAUSE);
        assertTrue(s.lastText().contains("*Another cause* — what else led to this?\n> The payments API timed out"),
                s.lastText());
        s.answer("Retries doubled the load");

        assertTrue(s.lastText().contains("Noted as cause 1.2. I'll come back to it once branch 1.1 reaches its root cause."),
                s.lastText());
        assertTrue(s.lastText().contains("*Why #3 (branch 1.1)* — why did this happen?\n> Its pool was exhausted"),
                s.lastText());

        s.answer("Pool size was hard-coded").answer("No config for it").answer("Nobody owned the client library");
        s.press(ROOT_CAUSE);

        assertTrue(s.lastText().contains("*Why #3 (branch 1.2)* — why did this happen?\n> Retries doubled the load"),
                "depth first: the sibling comes once the first branch ended: " + s.lastText());

        s.answer("Retries had no backoff");
        s.press(ROOT_CAUSE).answer("yes; chaos test; no");

        assertEquals(List.of("1 The payments API timed out", "1.1 Its pool was exhausted", "1.1.1 Pool size was hard-coded",
                "1.1.1.1 No config for it", "1.1.1.1.1 ★ Nobody owned the client library", "1.2 Retries doubled the load",
                "1.2.1 ★ Retries had no backoff"), s.outline());
        assertTrue(s.lastText().contains("★ 1.1.1.1.1 Nobody owned the client library\n★ 1.2.1 Retries had no backoff"),
                "remediation lists every root cause: " + s.lastText());

        s.answer("Assign an owner to the client library");
        assertTrue(s.lastText().contains("*What would prevent root cause 1.2.1?*"), s.lastText());
        s.answer("Exponential backoff with jitter");
        assertTrue(s.state().finished());
        assertTrue(s.lastText().contains("2 root causes, 2 action-item drafts"), s.lastText());
    }

    @Test
    void aSecondTopLevelCauseIsNumberedTwo() {
        WhysConversation s = WhysConversation.on("Checkout errors");
        s.answer("The payments API timed out").press(ANOTHER_CAUSE).answer("The CDN purged the cache");

        assertEquals(List.of("1 The payments API timed out", "2 The CDN purged the cache"), s.outline());
        assertTrue(s.lastText().contains("*Why #2 (branch 1)*"), s.lastText());
    }

    @Test
    void humanErrorIsAskedWhyItWasPossibleAndCannotBeARootCause() {
        WhysConversation s = WhysConversation.on("Checkout errors");
        s.answer("The config had 0 replicas").answer("Someone forgot to set the replica count");

        assertTrue(s.lastText().contains("*Why #3* — why was this possible?"), s.lastText());
        assertTrue(s.lastText().contains("Which check, validation or fail-safe was missing?"), s.lastText());
        assertFalse(s.lastButtons().contains(ROOT_CAUSE), "no Root cause button on a person's mistake");

        s.apply(new WhysInput.MarkRootCause("U1", 2));
        assertNotNull(s.refusal());
        assertTrue(s.refusal().contains("a person's mistake is never a root cause"), s.refusal());
        assertFalse(s.tree().node(2).orElseThrow().rootCause());

        int before = s.messageCount();
        s.answer("root cause");
        assertEquals(before + 1, s.messageCount(), "the word in the thread gets its answer in the thread");
        assertTrue(s.lastText().contains("never a root cause"), s.lastText());

        s.answer("The schema allowed a replica count of 0");
        assertTrue(s.lastText().contains("*Why #4* — why did this happen?"), s.lastText());
        assertTrue(s.lastButtons().contains(ROOT_CAUSE));
    }

    @Test
    void backTakesTheLastAnswerBackAndAsksItsQuestionAgain() {
        WhysConversation s = WhysConversation.on("Checkout errors");
        s.apply(new WhysInput.Back("U1"));
        assertEquals(FiveWhys.NOTHING_TO_TAKE_BACK, s.refusal());

        s.answer("A").answer("B");
        s.answer("back");

        assertEquals(List.of("1 A"), s.outline());
        assertTrue(s.lastText().startsWith("Took back cause 1.1."), s.lastText());
        assertTrue(s.lastText().contains("*Why #2* — why did this happen?\n> A"), s.lastText());
    }

    @Test
    void twoAnswersToTheSameWhyBecomeTwoCausesInsteadOfAnAnswerToTheNextWhy() {
        WhysConversation s = WhysConversation.on("Checkout errors");
        s.answer("The payments API timed out");
        s.holdQuestions();
        // Both typed under Why #2; the second arrives after the first was taken and Why #3 was asked.
        s.reply("U1", "Its pool was exhausted");
        s.reply("U2", "The database failed over");
        s.postPending();

        assertEquals(List.of("1 The payments API timed out", "1.1 Its pool was exhausted", "1.2 The database failed over"),
                s.outline());
        assertTrue(s.lastText().contains("<@U2>'s answer was written for an earlier question, so I kept it as another "
                + "cause: cause 1.2."), s.lastText());
        assertTrue(s.state().prompt().equals(new Prompt(Prompt.Kind.WHY, 2)), "still asking about 1.1");
    }

    @Test
    void aRemarkInParenthesesIsSideTalkAndNeverACause() {
        WhysConversation s = WhysConversation.on("Checkout errors");
        s.answer("The payments API timed out");

        s.reply("U2", "(is the dashboard in UTC?)");

        assertEquals(List.of("1 The payments API timed out"), s.outline(), "no cause was made of the remark");
        assertEquals(new Prompt(Prompt.Kind.WHY, 1), s.state().prompt(), "still asking about cause 1");
    }

    @Test
    void aStaleButtonChangesNothing() {
        WhysConversation s = WhysConversation.on("Checkout errors");
        s.answer("A");
        int aboutA = s.last().buttons().get(0).nodeId();
        s.answer("B");

        s.apply(new WhysInput.MarkRootCause("U1", aboutA));

        assertEquals(FiveWhys.STALE_BUTTON, s.refusal());
        assertEquals(List.of("1 A", "1.1 B"), s.outline());
    }

    @Test
    void editingTheMessageEditsTheNodeAndARootCauseThatNowBlamesAPersonIsReopened() {
        WhysConversation s = WhysConversation.on("Checkout errors");
        s.answer("A").answer("B").answer("C").answer("D");
        String eTs = s.reply("U1", "Pool size hard-coded");
        s.press(ROOT_CAUSE);
        assertTrue(s.tree().node(5).orElseThrow().rootCause());

        s.apply(new WhysInput.Edited(new MessageTs(eTs), "Pool size hard-coded in 2019"));
        assertEquals("Pool size hard-coded in 2019", s.tree().node(5).orElseThrow().text());
        assertTrue(s.tree().node(5).orElseThrow().rootCause());

        s.apply(new WhysInput.Edited(new MessageTs(eTs), "The engineer forgot the pool size"));
        assertFalse(s.tree().node(5).orElseThrow().rootCause());
        assertTrue(s.lastText().contains("no longer a root cause"), s.lastText());
        assertTrue(s.lastText().contains("why was this possible?"), s.lastText());
    }

    @Test
    void anEditIsNotUndoneByALaterBack() {
        WhysConversation s = WhysConversation.on("Checkout errors");
        String aTs = s.reply("U1", "A typed wrongly");
        s.answer("B");
        s.apply(new WhysInput.Edited(new MessageTs(aTs), "A"));

        s.answer("back");

        assertEquals(List.of("1 A"), s.outline());
    }

    @Test
    void deletingTheMessageRemovesTheNodeAndItsSubtreeOnlyAfterConfirmation() {
        WhysConversation s = WhysConversation.on("Checkout errors");
        s.answer("A");
        String bTs = s.reply("U1", "B");
        s.answer("C").answer("D");

        s.apply(new WhysInput.Deleted(new MessageTs(bTs)));
        assertTrue(s.lastText().contains("Remove cause 1.1 and the 2 causes under it from the tree?"), s.lastText());
        assertEquals(4, s.tree().nodes().size(), "nothing removed before the confirmation");

        s.press(KEEP);
        assertEquals(4, s.tree().nodes().size());

        s.apply(new WhysInput.Deleted(new MessageTs(bTs)));
        s.press(REMOVE);
        assertEquals(List.of("1 A"), s.outline());
        assertTrue(s.lastText().contains("*Why #2* — why did this happen?\n> A"), s.lastText());

        s.answer("back");
        assertEquals(List.of("1 A", "1.1 B", "1.1.1 C", "1.1.1.1 D"), s.outline(), "back brings a removed branch back");
    }

    @Test
    void withoutAProblemTheImpactIsProposed() {
        WhysConversation s = WhysConversation.proposing("Customers could not pay for 40 minutes");

        assertTrue(s.lastText().contains("*What problem should these whys start from?*"), s.lastText());
        assertTrue(s.lastText().contains("> Customers could not pay for 40 minutes"), s.lastText());

        s.press(USE_PROPOSAL);

        assertEquals("Customers could not pay for 40 minutes", s.tree().problem());
        assertTrue(s.lastText().contains("*Why #1*"), s.lastText());
    }

    @Test
    void aReplyNamesTheProblemWhenNoneWasProposed() {
        WhysConversation s = WhysConversation.proposing(null);
        assertFalse(s.lastButtons().contains(USE_PROPOSAL));

        s.answer("Search was down");

        assertEquals("Search was down", s.tree().problem());
        assertTrue(s.lastText().contains("*Why #1* — why did this happen?\n> Search was down"), s.lastText());
    }

    @Test
    void aSecondFixTypedUnderTheSameQuestionIsKeptAsAnotherDraft() {
        WhysConversation s = WhysConversation.on("Checkout errors");
        s.answer("A").answer("B").answer("C").answer("D").answer("E").press(ROOT_CAUSE);
        s.holdQuestions();
        s.reply("U1", "Alarm on pool size");
        s.reply("U2", "Load test before each release");
        s.postPending();

        assertEquals(List.of("Alarm on pool size", "Load test before each release"),
                s.tree().node(5).orElseThrow().remediations().stream().map(Remediation::text).toList());
    }

    @Test
    void theSameMessageDeliveredTwiceIsOneAnswer() {
        WhysConversation s = WhysConversation.on("Checkout errors");
        String ts = s.nextTs();
        s.apply(new WhysInput.Reply("U1", "A", new MessageTs(ts)));
        s.apply(new WhysInput.Reply("U1", "A", new MessageTs(ts)));

        assertEquals(List.of("1 A"), s.outline());
    }

    /** The published Markdown flags a person's mistake as the session's tree does, so no reader takes it as an answer. */
    @Test
    void aPersonsMistakeIsFlaggedInTheMarkdownAsInSlack() {
        WhysConversation s = WhysConversation.on("Checkout errors");
        s.answer("API timed out").answer("Someone forgot to raise the pool size");

        assertTrue(WhysTreeText.markdown(s.state()).endsWith(
                "- 1.1 Someone forgot to raise the pool size *(a person's mistake: why was it possible?)*"),
                WhysTreeText.markdown(s.state()));
        assertTrue(WhysTreeText.slackLines(s.state()).get(1).endsWith("_(a person's mistake: why was it possible?)_"));
        assertFalse(WhysTreeText.markdown(s.state()).contains("timed out *("));
    }

    @Test
    void theTreeRendersAsAnIndentedOutlineWithRemediations() {
        WhysConversation s = WhysConversation.on("Checkout errors");
        s.answer("API timed out").answer("Pool exhausted").answer("A").answer("B").answer("Pool size hard-coded")
                .press(ROOT_CAUSE).answer("Make pool size configurable");

        assertEquals("""
                - 1 API timed out
                  - 1.1 Pool exhausted
                    - 1.1.1 A
                      - 1.1.1.1 B
                        - 1.1.1.1.1 ★ **root cause:** Pool size hard-coded
                          - *Remediation:* Make pool size configurable""", WhysTreeText.markdown(s.state()));
        List<String> slack = WhysTreeText.slackLines(s.state());
        assertEquals("*1* API timed out", slack.get(0));
        assertEquals("\u2003\u2003*1.1* Pool exhausted", slack.get(1));
        assertTrue(slack.get(4).endsWith("*1.1.1.1.1* ★ Pool size hard-coded"), slack.get(4));
        assertTrue(slack.get(5).endsWith("→ _Fix:_ Make pool size configurable"), slack.get(5));
    }

    @Test
    void aShortLineCollapsesWhitespaceAndNeverCutsAnEmojiInHalf() {
        assertEquals("Pool size hard-coded", WhysTreeText.shortLine("  Pool size\n  hard-coded ", 50));
        assertEquals("abcd…", WhysTreeText.shortLine("abcdefgh", 5));
        String emojiAtCut = "abc\uD83D\uDD25defg"; // the 🔥 would be split at 5
        assertEquals("abc…", WhysTreeText.shortLine(emojiAtCut, 5));
    }
}
