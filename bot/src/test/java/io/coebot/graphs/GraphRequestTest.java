package io.coebot.graphs;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The words of {@code /coe graph}, as Slack delivers them (with &amp;, &lt; and &gt; escaped). */
class GraphRequestTest {

    @Test
    void aQueryAndItsTitleAreSplitAtTheFirstTopLevelAs() {
        GraphRequest.Draw d = draw("sum by (code) (rate(http_requests_total{job=\"checkout as a service\"}[5m])) as Checkout errors");
        assertEquals("sum by (code) (rate(http_requests_total{job=\"checkout as a service\"}[5m]))", d.query());
        assertEquals("Checkout errors", d.title());
        GraphRequest.Draw untitled = draw("up");
        assertEquals("up", untitled.query());
        assertEquals(null, untitled.title());
        GraphRequest.Draw latency = draw("histogram_quantile(0.99, x) AS Latency as users saw it");
        assertEquals("histogram_quantile(0.99, x)", latency.query());
        assertEquals("Latency as users saw it", latency.title(), "the first \" as \" splits; a title may say it again");
    }

    @Test
    void slacksEscapesAreUndoneSoComparisonsReachPrometheusAsTyped() {
        assertEquals("rate(errors[5m]) > 0 and on() up < 1 & x", draw("rate(errors[5m]) &gt; 0 and on() up &lt; 1 &amp; x").query());
    }

    @Test
    void helpTimelineAndWhatCannotBeAQuery() {
        assertInstanceOf(GraphRequest.Help.class, GraphRequest.parse(""));
        assertInstanceOf(GraphRequest.Help.class, GraphRequest.parse("help"));
        assertInstanceOf(GraphRequest.TimelineChart.class, GraphRequest.parse("Timeline"));
        assertTrue(invalid("as Just a title").contains("Type a PromQL query"));
        assertTrue(invalid("x".repeat(GraphRequest.QUERY_MAX + 1)).contains("2000 at most"));
        assertTrue(invalid("up as " + "t".repeat(GraphRequest.TITLE_MAX + 1)).contains("100 characters"));
    }

    private static GraphRequest.Draw draw(String text) {
        return assertInstanceOf(GraphRequest.Draw.class, GraphRequest.parse(text));
    }

    private static String invalid(String text) {
        return assertInstanceOf(GraphRequest.Invalid.class, GraphRequest.parse(text)).reason();
    }
}
