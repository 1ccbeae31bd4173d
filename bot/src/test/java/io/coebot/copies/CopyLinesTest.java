package io.coebot.copies;

import io.coebot.publish.CoeDocument;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the one message says of a copy, in each state a copy can be in. */
class CopyLinesTest {
    private static final CopyTarget PAGE = new CopyTarget() {
        @Override public String name() { return "confluence"; }
        @Override public String title() { return "Confluence"; }
        @Override public boolean configured() { return true; }
        @Override public String render(CoeDocument doc) { return ""; }
        @Override public Written write(CopyJob job) { return null; }
        @Override public String linkLabel() { return "the page"; }
    };

    private static CopyRows.Row row(String url, int wanted, int pushed, String error, boolean refused) {
        return new CopyRows.Row(1, "T1", "confluence", url == null ? null : "65001", url, "<p/>", "@alice", 1, wanted, pushed, 0,
                false, error, refused, false);
    }

    @Test
    void eachStateReadsAsAPersonWouldSayIt() {
        assertEquals("*Confluence:* _being written…_", Copies.line(PAGE, row(null, 1, 0, null, false)));
        assertEquals("*Confluence:* <https://x/p|the page>", Copies.line(PAGE, row("https://x/p", 1, 1, null, false)));
        assertEquals("*Confluence:* <https://x/p|the page> _(being updated…)_", Copies.line(PAGE, row("https://x/p", 2, 1, null, false)));
        assertEquals("*Confluence:* _not written yet: Confluence answered HTTP 503 &lt;b&gt;. I keep trying._",
                Copies.line(PAGE, row(null, 1, 0, "Confluence answered HTTP 503 <b>.", false)));
        assertEquals("*Confluence:* <https://x/p|the page> _not updated: Confluence refused our credentials. I'll try again "
                + "later, and at the next publish._", Copies.line(PAGE, row("https://x/p", 2, 1, "Confluence refused our credentials.", true)));
    }
}
