package io.coebot.publish;

import static io.coebot.publish.Fixtures.complete;
import static io.coebot.publish.Fixtures.without;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.coebot.interview.Questions;
import io.coebot.timeline.Timeline;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CoeStatusTest {

    private static SectionStatus row(CoeDocument d, String section) {
        return CoeStatus.of(d).stream().filter(s -> s.section().equals(section)).findFirst().orElseThrow();
    }

    @Test
    void everySectionOfACompleteCoeIsDoneInReadingOrder() {
        List<SectionStatus> rows = CoeStatus.of(complete());

        assertEquals(List.of("Basics", "Summary", "Impact", "Timeline", "Metrics", "Detection", "Diagnosis",
                "Mitigation", "5 Whys", "Action items", "Lessons learned", "Related items"),
                rows.stream().map(SectionStatus::section).toList());
        rows.forEach(r -> assertEquals(SectionStatus.DONE, r.state(), r.toString()));
        assertEquals(new SectionStatus("Timeline", "done", "7 entries"), row(complete(), "Timeline"));
        assertEquals(new SectionStatus("5 Whys", "done", "1 session, 1 finished · 2 root causes"), row(complete(), "5 Whys"));
        assertEquals(new SectionStatus("Action items", "done", "5 items"), row(complete(), "Action items"));
    }

    @Test
    void aSectionWhoseOpenQuestionsWereAllSkippedIsSkipped() {
        CoeDocument d = without(complete(), Questions.CONSEQUENCES, true);

        assertEquals(new SectionStatus("Impact", "skipped", "5 of 6 answered · skipped: Consequences"), row(d, "Impact"));
    }

    @Test
    void aQuestionNotReachedYetMakesTheSectionMissingEvenNextToASkippedOne() {
        CoeDocument d = without(without(complete(), Questions.RESTORED_HOW, true), Questions.MITIGATION_HALVE, false);

        assertEquals(new SectionStatus("Mitigation", "missing", "2 of 4 answered · skipped: How we know it's restored"
                + " · to answer: Halving the time to mitigate"), row(d, "Mitigation"));
    }

    @Test
    void followUpsThatDoNotApplyAreNotCounted() {
        CoeDocument d = without(without(without(Fixtures.answering(complete(), Questions.INTERNAL_ACTIVITY, "no", "no"),
                Questions.ACTIVITY_ANNOUNCED, false), Questions.OWNER_KNEW, false), Questions.BACKLOG_TASK, false);

        assertEquals(new SectionStatus("Diagnosis", "done", "3 of 3 answered"), row(d, "Diagnosis"));
    }

    @Test
    void theTimelineSaysWhatItLacks() {
        CoeDocument empty = Fixtures.withTimeline(complete(), new Timeline(List.of(), Map.of()));
        CoeDocument unexplained = Fixtures.withTimeline(complete(), Fixtures.timeline(Fixtures.entries(), Map.of()));

        assertEquals(new SectionStatus("Timeline", "missing", "0 entries · no time for the trigger, detection, mitigation"),
                row(empty, "Timeline"));
        assertEquals(new SectionStatus("Timeline", "missing", "7 entries · 1 gap to explain"), row(unexplained, "Timeline"));
    }

    @Test
    void withoutA5WhysSessionTheRowSaysSoAndThatPreventionWasSkipped() {
        CoeDocument d = Fixtures.withWhys(complete(), List.of());

        assertEquals(new SectionStatus("5 Whys", "missing", "no session yet (Prevention was skipped in the interview)"),
                row(d, "5 Whys"));
        assertEquals(SectionStatus.DONE, row(d, "Action items").state(), "no root cause is left without an item");
    }

    @Test
    void aRootCauseWithoutAnItemLeavesActionItemsMissing() {
        CoeDocument d = Fixtures.withActions(complete(), Fixtures.actions().stream().filter(i -> i.id() != 103).toList());

        assertEquals(new SectionStatus("Action items", "missing", "4 items · 1 root cause without one"),
                row(d, "Action items"));
    }

    @Test
    void aMissingSummaryIsMissingNotSkipped() {
        assertEquals(new SectionStatus("Summary", "missing", "0 of 1 answered · to answer: Summary"),
                row(without(complete(), Questions.SUMMARY, false), "Summary"));
    }
}
