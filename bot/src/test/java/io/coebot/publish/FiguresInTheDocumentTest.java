package io.coebot.publish;

import io.coebot.interview.Questions;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A COE's figures, as the document carries them: counted by the bar and the status, named in every rendering. */
class FiguresInTheDocumentTest {
    static final CoeFigure GRAPH = new CoeFigure("graph-1.png", "Graph 1 · Checkout errors [5xx]",
            "sum by (code) (rate(http_requests_total{code=~\"5..\"}[5m])) · 13:30 to 16:00 UTC", true, "aa");
    static final CoeFigure TIMELINE = new CoeFigure("timeline.png", "Timeline chart", "The incident's phases", false, "bb");

    @Test
    void aGraphMeetsTheMetricsCheckWhereAnUnansweredQuestionWouldNot() {
        CoeDocument unanswered = Fixtures.without(Fixtures.complete(), Questions.METRICS, false);
        assertTrue(QualityBar.check(unanswered).failed().stream().anyMatch(c -> c.name().equals(QualityBar.METRICS)));
        CoeDocument graphed = unanswered.withFigures(List.of(GRAPH, TIMELINE));
        assertFalse(QualityBar.check(graphed).failed().stream().anyMatch(c -> c.name().equals(QualityBar.METRICS)));
        CoeDocument onlyTimeline = unanswered.withFigures(List.of(TIMELINE));
        assertTrue(QualityBar.check(onlyTimeline).failed().stream().anyMatch(c -> c.name().equals(QualityBar.METRICS)),
                "the COE's own timeline chart is not a metric");
    }

    @Test
    void statusCountsTheGraphsUnderMetrics() {
        CoeDocument d = Fixtures.without(Fixtures.complete(), Questions.METRICS, false).withFigures(List.of(GRAPH, TIMELINE));
        SectionStatus metrics = CoeStatus.of(d).stream().filter(s -> s.section().equals("Metrics")).findFirst().orElseThrow();
        assertEquals(SectionStatus.DONE, metrics.state());
        assertTrue(metrics.detail().startsWith("1 graph · "), metrics.detail());
    }

    @Test
    void theMarkdownRefersToEachImageByItsPlaceBesideTheFile() {
        CoeDocument d = Fixtures.complete().withFigures(List.of(TIMELINE, GRAPH));
        String md = MarkdownRendering.render(d);
        String folder = MarkdownRendering.figureFolder(d.coe());
        assertTrue(md.contains("![Graph 1 · Checkout errors \\[5xx\\]](" + folder + "/graph-1.png)\n"
                + "`sum by (code) (rate(http_requests_total{code=~\"5..\"}[5m])) · 13:30 to 16:00 UTC`"), md);
        int timeline = md.indexOf("## Timeline");
        int metrics = md.indexOf("## Metrics");
        int chart = md.indexOf("![Timeline chart](" + folder + "/timeline.png)");
        assertTrue(timeline < chart && chart < metrics, "the timeline chart is in the Timeline section");
        assertTrue(md.indexOf("/graph-1.png") > metrics, "the graph is in the Metrics section");
        assertEquals(MarkdownRendering.render(Fixtures.complete()), MarkdownRendering.render(Fixtures.complete().withFigures(List.of())),
                "without figures the file is as before");
    }

    @Test
    void thePublishedMetricsPartNamesTheGraphsInItsThread() {
        String all = SlackRendering.render(Fixtures.complete().withFigures(List.of(GRAPH))).stream()
                .filter(p -> p.key().startsWith("metrics")).map(p -> p.blocks().toString()).reduce("", String::concat);
        assertTrue(all.contains("Graph 1 · Checkout errors [5xx]"), all);
        assertTrue(all.contains("the images are in this thread"), all);
    }
}
