package io.coebot.publish;

import static io.coebot.publish.Fixtures.complete;
import static io.coebot.publish.Fixtures.without;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.coebot.actions.ActionItem;
import io.coebot.actions.ActionStatus;
import io.coebot.actions.ActionType;
import io.coebot.actions.Priority;
import io.coebot.interview.Questions;
import io.coebot.timeline.Milestone;
import io.coebot.timeline.Timeline;
import io.coebot.timeline.TimelineEntry;
import io.coebot.whys.WhyNode;
import io.coebot.whys.WhyTree;
import io.coebot.whys.WhysSession;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class QualityBarTest {

    @Test
    void aCompleteCoeMeetsTheBar() {
        QualityVerdict v = QualityBar.check(complete());

        assertTrue(v.passed(), () -> "failed: " + v.failed());
        assertEquals(16, v.checks().size());
        v.checks().forEach(c -> assertNull(c.fix(), c.name()));
    }

    /** Each check, broken on its own: only it fails, and its fix tells the team what to do. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("oneThingMissing")
    void eachCheckFailsAloneAndNamesItsFix(String check, CoeDocument d, String fixSays) {
        QualityVerdict v = QualityBar.check(d);

        assertFalse(v.passed());
        assertEquals(List.of(check), v.failed().stream().map(QualityCheck::name).toList(), () -> v.failed().toString());
        String fix = v.failed().get(0).fix();
        assertTrue(fix.contains(fixSays), () -> "fix was: " + fix);
    }

    static Stream<Arguments> oneThingMissing() {
        return Stream.of(
                Arguments.of(QualityBar.SUMMARY, without(complete(), Questions.SUMMARY, false),
                        "Answer “Summary”: reply to the interview in the COE card's thread"),
                Arguments.of(QualityBar.IMPACT, without(complete(), Questions.CONSEQUENCES, true),
                        "Answer the skipped “Consequences”: `/coe answers`, then *Answer*."),
                Arguments.of(QualityBar.TIMELINE_ENTRIES, Fixtures.withTimeline(complete(),
                                new Timeline(List.of(), Fixtures.interviewMilestones())),
                        "`/coe timeline import`"),
                Arguments.of(QualityBar.TRIGGER_TIME, withoutMilestone(Milestone.TRIGGER),
                        "Say when it started (the first trigger, not the page): in `/coe timeline` use *Mark milestone* → trigger"),
                Arguments.of(QualityBar.DETECTION_TIME, withoutMilestone(Milestone.DETECTED),
                        "or answer “When it was detected” in the interview"),
                Arguments.of(QualityBar.MITIGATION_TIME, withoutMilestone(Milestone.MITIGATED),
                        "Say when the impact ended"),
                Arguments.of(QualityBar.GAPS_EXPLAINED, Fixtures.withTimeline(complete(),
                                Fixtures.timeline(Fixtures.entries(), Map.of())),
                        "1 silence longer than 15 minutes (31 minutes after Thu 19 Nov 2026 14:20 UTC): "
                                + "*Explain this gap* in `/coe timeline`"),
                Arguments.of(QualityBar.METRICS, without(complete(), Questions.METRICS, true),
                        "Answer the skipped “What shows the impact”"),
                Arguments.of(QualityBar.METRICS, noMetricsAndNoMonitoringItem(),
                        "needs an action item that adds monitoring"),
                Arguments.of(QualityBar.DETECTION, without(complete(), Questions.DETECTION_HALVE, false),
                        "Answer “Halving the time to detect”"),
                Arguments.of(QualityBar.DIAGNOSIS, without(complete(), Questions.BACKLOG_TASK, true),
                        "Answer the skipped “Backlog task”"),
                Arguments.of(QualityBar.MITIGATION, without(complete(), Questions.RESTORED_HOW, true),
                        "“How we know it's restored”"),
                Arguments.of(QualityBar.ROOT_CAUSE_FOUND, Fixtures.withWhys(complete(), List.of()),
                        "`/coe whys &lt;problem&gt;`"),
                Arguments.of(QualityBar.ROOT_CAUSE_FOUND, Fixtures.withWhys(complete(), List.of(unfinished())),
                        "Finish 5 Whys #1"),
                Arguments.of(QualityBar.NO_HUMAN_ERROR, humanErrorRootCause(),
                        "Human error is never a root cause: 5 Whys #1 · 1.1.1 (“<@U0BOB> forgot to validate the config.”)"),
                Arguments.of(QualityBar.ROOT_CAUSES_ACTIONED, Fixtures.withActions(complete(),
                                Fixtures.actions().stream().filter(i -> i.id() != 103).toList()),
                        "Turn the fix for 5 Whys #1 · 2.1 (“The availability alarm averages over 15 minutes, which "
                                + "hides a sharp drop.”) into an action item: `/coe actions`, then *Complete*."),
                Arguments.of(QualityBar.ITEMS_COMPLETE, Fixtures.withActions(complete(), ownerless(2)),
                        "Action item 2 has no owner"),
                Arguments.of(QualityBar.LESSONS, without(complete(), Questions.LESSONS, true),
                        "Answer the skipped “Lessons learned”"));
    }

    @Test
    void manyOpenGapsAreNamedByTheFirstThreeAndACount() {
        String fix = QualityBar.check(Fixtures.huge()).failed().stream()
                .filter(c -> c.name().equals(QualityBar.GAPS_EXPLAINED)).findFirst().orElseThrow().fix();

        assertTrue(fix.startsWith("Say what the team was doing during 9 silences longer than 15 minutes (20 minutes "
                + "after Thu 19 Nov 2026 17:38 UTC; "), fix);
        assertTrue(fix.endsWith("; and 6 more): *Explain this gap* in `/coe timeline`."), fix);
    }

    @Test
    void followUpsThatDoNotApplyAreNotOwed() {
        CoeDocument noActivity = Fixtures.answering(complete(), Questions.INTERNAL_ACTIVITY, "no", "no");
        CoeDocument d = without(without(without(noActivity, Questions.ACTIVITY_ANNOUNCED, false), Questions.OWNER_KNEW,
                false), Questions.BACKLOG_TASK, false);

        assertTrue(QualityBar.check(d).passed(), () -> QualityBar.check(d).failed().toString());
    }

    @Test
    void noMetricsPassesWhenAnItemAddsTheMissingMonitoring() {
        CoeDocument d = Fixtures.answering(complete(), Questions.METRICS, "none", "none");

        assertTrue(QualityBar.check(d).passed(), "item 3 adds an alarm (type detection)");
    }

    @Test
    void aMonitoringItemCanBeRecognisedByItsWordsAlone() {
        ActionItem dashboard = Fixtures.item(1, "Build a dashboard for payments pool usage", "U1", Priority.LOW,
                LocalDate.of(2026, 12, 1), null, ActionStatus.OPEN, null, null);
        ActionItem dropped = Fixtures.item(2, "Add an alert on pool size", "U1", Priority.LOW,
                LocalDate.of(2026, 12, 1), ActionType.DETECTION, ActionStatus.OPEN, null, null)
                .withStatus(ActionStatus.WONT_DO, "later");

        assertTrue(QualityBar.addsMonitoring(dashboard));
        assertFalse(QualityBar.addsMonitoring(dropped), "an item that won't be done adds nothing");
    }

    /** A won't-do item fixes nothing: its root cause needs another one. */
    @Test
    void aRootCauseWhoseOnlyItemWasDroppedHasNoActionItem() {
        List<ActionItem> items = new ArrayList<>(Fixtures.actions());
        items.set(2, items.get(2).withStatus(ActionStatus.WONT_DO, "Not now."));

        QualityVerdict v = QualityBar.check(Fixtures.withActions(complete(), items));

        assertEquals(List.of(QualityBar.ROOT_CAUSES_ACTIONED), v.failed().stream().map(QualityCheck::name).toList());
    }

    @Test
    void aRootCauseWithoutAnyFixIsSentBackToItsThread() {
        WhysSession s = Fixtures.session();
        WhyTree t = s.state().tree();
        List<WhyNode> nodes = t.nodes().stream().map(n -> n.id() != 5 ? n
                : new WhyNode(5, 4, n.text(), n.author(), n.ts(), true, n.checks(), n.checksTs(), List.of())).toList();
        CoeDocument d = Fixtures.withActions(Fixtures.withWhys(complete(), List.of(Fixtures.session(s.id(), 1,
                new WhyTree(t.problem(), t.problemTs(), nodes, t.nextId())))),
                Fixtures.actions().stream().filter(i -> i.id() != 103).toList());

        String fix = QualityBar.check(d).failed().stream().filter(c -> c.name().equals(QualityBar.ROOT_CAUSES_ACTIONED))
                .findFirst().orElseThrow().fix();

        assertTrue(fix.startsWith("Give 5 Whys #1 · 2.1"), fix);
        assertTrue(fix.contains("a fix in its 5 Whys thread"), fix);
    }

    /** The milestone is neither marked on an entry nor answered in the interview. */
    private static CoeDocument withoutMilestone(Milestone m) {
        List<TimelineEntry> entries = Fixtures.entries().stream()
                .map(e -> e.milestone() == m ? new TimelineEntry(e.id(), e.occurredAt(), e.messageTs(), e.text(),
                        e.author(), e.source(), e.permalink(), null, e.note()) : e)
                // without a mitigation time the gap window runs to resolution; keep it to the impact
                .filter(e -> m != Milestone.MITIGATED || e.milestone() != Milestone.RESOLVED)
                .toList();
        Map<Milestone, java.time.Instant> interview = new EnumMap<>(Fixtures.interviewMilestones());
        interview.remove(m);
        if (m == Milestone.MITIGATED) {
            interview.remove(Milestone.RESOLVED);
        }
        return Fixtures.withTimeline(complete(), new Timeline(entries, interview, Timeline.DEFAULT_GAP_THRESHOLD,
                Fixtures.explanations()));
    }

    private static CoeDocument noMetricsAndNoMonitoringItem() {
        List<ActionItem> items = Fixtures.actions().stream().map(i -> i.id() != 103 ? i
                : Fixtures.item(103, "Compute the 5xx rate per deployment, at 1-minute resolution", "U0CAROL",
                        Priority.HIGH, i.due(), ActionType.PREVENTION, ActionStatus.OPEN, i.causeRef(), null)).toList();
        return Fixtures.withActions(Fixtures.answering(complete(), Questions.METRICS, "none", "none"), items);
    }

    /** Branch 2 still waits for its next why. */
    private static WhysSession unfinished() {
        WhyTree t = Fixtures.session().state().tree();
        List<WhyNode> nodes = t.nodes().stream().filter(n -> n.id() != 5).toList();
        return Fixtures.session(Fixtures.SESSION_ID, 1, new WhyTree(t.problem(), t.problemTs(), nodes, t.nextId()));
    }

    private static CoeDocument humanErrorRootCause() {
        WhyTree t = Fixtures.session().state().tree();
        List<WhyNode> nodes = t.nodes().stream().map(n -> n.id() != 3 ? n
                : new WhyNode(3, 2, "<@U0BOB> forgot to validate the config.", n.author(), n.ts(), true, n.checks(),
                        n.checksTs(), n.remediations())).toList();
        return Fixtures.withWhys(complete(), List.of(Fixtures.session(Fixtures.SESSION_ID, 1,
                new WhyTree(t.problem(), t.problemTs(), nodes, t.nextId()))));
    }

    private static List<ActionItem> ownerless(int number) {
        List<ActionItem> items = new ArrayList<>(Fixtures.actions());
        items.set(number - 1, items.get(number - 1).withOwner(" "));
        return items;
    }
}
