package io.coebot.publish;

import io.coebot.interview.Answer;
import io.coebot.interview.Questions;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Confluence page's storage format: well-formed XHTML whatever people wrote, and the COE's structure in it. */
class StorageRenderingTest {

    private static Document parse(String storage) throws Exception {
        var f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new org.xml.sax.InputSource(new StringReader(
                "<root xmlns:ac=\"http://atlassian.com/content\" xmlns:ri=\"http://atlassian.com/resource/identifier\">"
                        + storage + "</root>")));
    }

    @Test
    void everyUserTextSurvivesAsTextAndThePageIsWellFormed() throws Exception {
        String long40k = "Retries ".repeat(5_000);
        Map<String, Answer> answers = new HashMap<>(Fixtures.answers());
        // as Slack stores it: &, < and > escaped; a mention; an @ that is no mention; emoji; right-to-left text
        String nasty = "ops@example.com said p99 &lt; 2s &amp; &lt;script&gt;alert(1)&lt;/script&gt; 🔥👩🏽‍💻 "
                + "\u05E9\u05DC\u05D5\u05DD \u0645\u0631\u062D\u0628\u0627 <@U0ALICE> ]]&gt; &lt;!-- --&gt;";
        answers.put(Questions.LESSONS, Fixtures.answer(Questions.LESSONS, "U0ALICE", nasty, nasty));
        answers.put(Questions.RELATED, Fixtures.answer(Questions.RELATED, "U0ALICE", long40k, long40k));
        CoeDocument d = Fixtures.withAnswers(Fixtures.complete(), answers, Fixtures.complete().skipped())
                .withNames(new Names(Map.of("U0ALICE", "alice"), Map.of()));

        String storage = StorageRendering.render(d, "https://app.slack.com/client/T1/C1");
        Document page = parse(storage);
        String text = page.getDocumentElement().getTextContent();

        assertTrue(text.contains("ops@example.com said p99 < 2s & <script>alert(1)</script> 🔥👩🏽‍💻 "
                + "\u05E9\u05DC\u05D5\u05DD \u0645\u0631\u062D\u0628\u0627 @alice ]]> <!-- -->"), "the words as written: " + text.substring(text.indexOf("ops@"), text.indexOf("ops@") + 160));
        assertTrue(text.contains(long40k.strip()), "a 40,000-character answer whole");
        assertEquals(0, page.getElementsByTagName("script").getLength(), "no tag made of people's words");
        assertFalse(storage.contains("<@U0ALICE>"), "a mention by name");
    }

    @Test
    void thePageHasTablesForTheTimelineAndItemsTheWhysAsNestedListsAndALinkBackToSlack() throws Exception {
        Document page = parse(StorageRendering.render(Fixtures.complete(), "https://app.slack.com/client/T1/C1"));
        NodeList tables = page.getElementsByTagName("table");
        assertEquals(3, tables.getLength(), "milestones, timeline, action items");
        String headings = "";
        NodeList h2 = page.getElementsByTagName("h2");
        for (int i = 0; i < h2.getLength(); i++) {
            headings += h2.item(i).getTextContent() + "|";
        }
        assertEquals("Summary|Impact|Timeline|Metrics|Incident questions|5 Whys|Action items|Lessons learned|Related items|", headings);
        // the 5 Whys: a cause's deeper cause is a list inside its item
        NodeList lists = page.getElementsByTagName("ul");
        boolean nested = false;
        for (int i = 0; i < lists.getLength(); i++) {
            nested |= lists.item(i).getParentNode().getNodeName().equals("li");
        }
        assertTrue(nested, "nested lists");
        boolean link = false;
        NodeList a = page.getElementsByTagName("a");
        for (int i = 0; i < a.getLength(); i++) {
            link |= "https://app.slack.com/client/T1/C1".equals(a.item(i).getAttributes().getNamedItem("href").getNodeValue());
        }
        assertTrue(link, "a link back to Slack");
    }
}
