package io.coebot.interview;

import io.coebot.slack.BlockKit;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Metrics question offers "Add a graph" where a Prometheus is configured, and nowhere else. */
class AddGraphButtonTest {
    private static final Ask METRICS = new Ask(Questions.METRICS, Section.METRICS, "Which metrics show the impact?",
            List.of(), false, null);
    private static final Ask LESSONS = new Ask(Questions.LESSONS, Section.LESSONS, "What did we learn?", List.of(), false, null);

    @Test
    void onlyTheMetricsQuestionHasTheButtonAndOnlyWithAPrometheus() {
        assertTrue(json(METRICS, true).contains(InterviewMessages.ADD_GRAPH));
        assertTrue(json(METRICS, true).contains("Add a graph"));
        assertFalse(json(METRICS, false).contains(InterviewMessages.ADD_GRAPH), "no button that could only say it cannot work");
        assertFalse(json(LESSONS, true).contains(InterviewMessages.ADD_GRAPH));
    }

    private static String json(Ask ask, boolean graphs) {
        return BlockKit.json(InterviewMessages.askBlocks(7, ask, graphs));
    }
}
