package io.coebot.interview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InterviewProgressTest {

    @ParameterizedTest(name = "{0}: {1} questions")
    @CsvSource({"BASICS,6", "IMPACT,6", "DETECTION,2", "DIAGNOSIS,3", "MITIGATION,4", "PREVENTION,1", "METRICS,2",
            "LESSONS,1", "RELATED,1", "SUMMARY,1"})
    void atTheStartEverySectionIsEmptyAndTheFollowUpsDontCount(Section section, int applicable) {
        SectionProgress p = progress(Interview.begin(Conversation.NOW).state(), section);

        assertEquals(new SectionProgress(section, 0, applicable, 0), p);
        assertFalse(p.done());
    }

    @Test
    void everySectionIsListedInOrder() {
        List<Section> sections = InterviewProgress.of(Interview.begin(Conversation.NOW).state()).stream()
                .map(SectionProgress::section).toList();

        assertEquals(Arrays.asList(Section.values()), sections);
    }

    @Test
    void answersAndSkipsAreCountedPerSection() {
        Conversation c = Conversation.started().answerUntil("severity");
        c.press(Control.SKIP);

        SectionProgress basics = progress(c.state, Section.BASICS);
        assertEquals(new SectionProgress(Section.BASICS, 4, 6, 1), basics);
        assertFalse(basics.done());
    }

    @Test
    void aYesToInternalActivityAddsTheFollowUps() {
        Conversation c = Conversation.started().answerUntil("internal_activity");
        c.reply("yes");

        assertEquals(new SectionProgress(Section.DIAGNOSIS, 2, 6, 0), progress(c.state, Section.DIAGNOSIS));
    }

    @Test
    void aCompleteInterviewIsDoneEverywhere() {
        Conversation c = Conversation.started().answerToTheEnd();

        for (SectionProgress p : InterviewProgress.of(c.state)) {
            assertTrue(p.done(), p.toString());
            assertEquals(p.applicable(), p.answered());
        }
        assertEquals(new SectionProgress(Section.SUMMARY, 1, 1, 0), progress(c.state, Section.SUMMARY));
    }

    @Test
    void aSectionWithAnOpenQuestionIsNotDone() {
        Conversation c = Conversation.started().answerUntil("related");
        c.press(Control.SKIP);
        c.reply("accept");

        SectionProgress related = progress(c.state, Section.RELATED);
        assertEquals(new SectionProgress(Section.RELATED, 0, 1, 1), related);
        assertFalse(related.done());
    }

    private static SectionProgress progress(InterviewState s, Section section) {
        return InterviewProgress.of(s).stream().filter(p -> p.section() == section).findFirst().orElseThrow();
    }
}
