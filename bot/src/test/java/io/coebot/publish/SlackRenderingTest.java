package io.coebot.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.coebot.actions.ActionItem;
import io.coebot.slack.BlockKit;
import io.coebot.slack.EchoedText;
import io.coebot.timeline.SectionText;
import io.coebot.timeline.TimelineEntry;
import io.coebot.whys.WhyNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The published COE as the channel sees it: message by message, block by block, as Slack receives it. */
class SlackRenderingTest {

    /** One posted message as it goes on the wire. */
    record Message(String key, String fallback, String header, List<String> sections, int blocks) {
        int textLength() {
            return header.length() + sections.stream().mapToInt(String::length).sum();
        }
    }

    private static List<Message> huge;

    @BeforeAll
    static void renderTheHugeCoe() {
        huge = wire(SlackRendering.render(Fixtures.huge()));
    }

    /** Through Block Kit JSON, so the limits are checked on what Slack will actually receive. */
    static List<Message> wire(List<PublishedPart> parts) {
        List<Message> out = new ArrayList<>();
        for (PublishedPart p : parts) {
            JsonArray blocks = JsonParser.parseString(BlockKit.json(p.blocks())).getAsJsonArray();
            String header = null;
            List<String> sections = new ArrayList<>();
            for (JsonElement e : blocks) {
                JsonObject b = e.getAsJsonObject();
                JsonObject text = b.getAsJsonObject("text");
                switch (b.get("type").getAsString()) {
                    case "header" -> {
                        assertEquals("plain_text", text.get("type").getAsString());
                        assertEquals(null, header, "one header per message");
                        header = text.get("text").getAsString();
                    }
                    case "section" -> {
                        assertEquals("mrkdwn", text.get("type").getAsString());
                        sections.add(text.get("text").getAsString());
                    }
                    default -> throw new AssertionError("unexpected block " + b);
                }
            }
            out.add(new Message(p.key(), p.fallbackText(), header, sections, blocks.size()));
        }
        return out;
    }

    /** The sections' words in reading order with the "continued" markers taken out: what a reader reads. */
    static String reading(List<Message> messages) {
        StringBuilder all = new StringBuilder();
        for (Message m : messages) {
            for (String s : m.sections()) {
                all.append(s.startsWith(SectionText.CONTINUED) ? s.substring(SectionText.CONTINUED.length()) : s);
            }
        }
        return all.toString();
    }

    @Test
    void everyMessageOfAHugeCoeIsWithinEveryBlockKitLimit() {
        assertTrue(huge.size() > 20, "the huge COE needs many messages: " + huge.size());
        for (Message m : huge) {
            assertTrue(m.blocks() <= 50, m.key() + ": " + m.blocks() + " blocks");
            assertTrue(m.header().length() <= 150, m.key() + ": header of " + m.header().length());
            assertFalse(m.sections().isEmpty(), m.key() + " has something to say");
            for (String s : m.sections()) {
                assertTrue(s.length() <= 3000, m.key() + ": section of " + s.length());
                assertFalse(s.isBlank(), m.key() + ": Slack refuses an empty section");
                assertTrue(wellFormed(s), m.key() + ": a cut emoji or character in " + s);
            }
            // Slack refuses (msg_blocks_too_long) somewhere near 12,000 characters of block text; keep a margin
            assertTrue(m.textLength() <= 11_000,
                    m.key() + ": " + m.textLength() + " characters would be refused as msg_blocks_too_long");
        }
    }

    @Test
    void theWholeTwentyThousandCharacterAnswerIsThereInOrder() {
        String answer = Fixtures.longAnswer();
        assertTrue(answer.length() >= 20_000);

        assertTrue(reading(huge).contains("*What customers experienced*\n" + EchoedText.mrkdwn(answer)),
                "the answer is cut or reordered");
        List<Message> impact = huge.stream().filter(m -> m.key().startsWith("impact")).toList();
        assertTrue(impact.size() > 1, "too long for one message");
        assertTrue(impact.get(1).sections().get(0).startsWith(SectionText.CONTINUED),
                "a reader sees the text goes on from the previous message");
    }

    @Test
    void everyTimelineEntryIsThereInTimeOrder() {
        String text = reading(huge);
        int at = 0;
        for (TimelineEntry e : Fixtures.hugeEntries()) {
            String shown = EchoedText.mrkdwn(e.text());
            int found = text.indexOf(shown, at);
            assertTrue(found >= 0, "missing or out of order: " + shown);
            at = found + shown.length();
        }
        assertTrue(text.contains("Waiting for the vendor's call-back."), "the explained gap");
        assertTrue(text.contains("_Not explained yet: what was the team doing?_"), "the gaps still open");
        assertTrue(text.contains("*Note:* Note 50 typed in the modal: &lt;b&gt;bold?&lt;/b&gt; &amp; more"),
                "a modal's note is escaped once for Slack");
    }

    @Test
    void everyCauseFixAndActionItemIsThere() {
        String text = reading(huge);
        for (WhyNode n : Fixtures.hugeSession().state().tree().nodes()) {
            assertTrue(text.contains(n.text()), "missing cause " + n.id());
        }
        assertTrue(text.contains("Fix 10b: canary config for 10 minutes"));
        int at = 0;
        for (ActionItem i : Fixtures.hugeActions()) {
            int found = text.indexOf(i.text(), at);
            assertTrue(found >= 0, "missing or out of order: " + i.text());
            at = found;
        }
    }

    @Test
    void sectionsComeInTheCoesReadingOrderEachContinuingRightAfterItself() {
        List<String> bases = new ArrayList<>();
        for (Message m : huge) {
            String base = m.key().replaceFirst("-\\d+$", "");
            if (!bases.contains(base)) {
                bases.add(base);
            } else {
                assertEquals(base, bases.get(bases.size() - 1), m.key() + " continues a section already left");
            }
        }
        assertEquals(List.of("header", "summary", "impact", "timeline", "metrics", "incident-questions", "whys",
                "actions", "lessons", "related"), bases);
        List<String> timelineKeys = huge.stream().map(Message::key).filter(k -> k.startsWith("timeline")).toList();
        assertEquals("timeline", timelineKeys.get(0));
        assertEquals("timeline-2", timelineKeys.get(1));
        assertEquals("Timeline (continued)", huge.stream().filter(m -> m.key().equals("timeline-2")).findFirst()
                .orElseThrow().header());
    }

    /** A re-publish updates message k in place, so the same COE must give the same keys and the same blocks. */
    @Test
    void renderingTheSameCoeTwiceGivesTheSameKeysAndMessages() {
        List<PublishedPart> again = SlackRendering.render(Fixtures.huge());

        assertEquals(huge.stream().map(Message::key).toList(), again.stream().map(PublishedPart::key).toList());
        assertEquals(huge, wire(again));
        assertEquals(huge.size(), huge.stream().map(Message::key).distinct().count(), "keys are unique");
    }

    @Test
    void aTitleTooLongForTheHeaderIsCutThereButSaidWholeBelowIt() {
        Message header = huge.get(0);

        assertTrue(header.header().endsWith("…"), header.header());
        assertTrue(header.header().startsWith("COE-7 · 🔥 Checkout"), header.header());
        assertTrue(header.sections().get(0).contains(Fixtures.LONG_TITLE), "the full title");
    }

    @Test
    void theHeaderMessageNamesTheOwnerTimesDurationsAndTheReasonForPublishingAnyway() {
        List<Message> complete = wire(SlackRendering.render(
                Fixtures.publishedAnyway(Fixtures.complete(), "Review is tomorrow &amp; PAY-812 covers the rest.")));
        Message header = complete.get(0);
        String text = String.join("\n", header.sections());

        assertEquals("header", header.key());
        assertEquals("COE-7 · Checkout returned 500s after a config push", header.header());
        assertTrue(text.contains("*Owner:* <@U0ALICE> · *Severity:* SEV2 · *Services:* checkout, payments API"), text);
        assertTrue(text.contains("*Trigger:* <!date^1795096803^{date_short_pretty} {time}|Thu 19 Nov 2026 14:00 UTC>"
                + " · 2026-11-19 14:00:03 UTC\n*Detected:* "), text);
        assertTrue(text.contains("Time to detect: 12 minutes · to diagnose: 51 minutes · to mitigate: 1 hour 4 minutes"), text);
        assertTrue(text.contains(":warning: *Published without review.* The owner's reason:\n"
                + "> Review is tomorrow &amp; PAY-812 covers the rest."), "stored escaped, shown as is: " + text);
    }

    @Test
    void aCompleteCoeIsOneMessagePerSectionWithItsContent() {
        List<Message> messages = wire(SlackRendering.render(Fixtures.complete()));

        assertEquals(List.of("header", "summary", "impact", "timeline", "metrics", "incident-questions", "whys",
                "actions", "lessons", "related"), messages.stream().map(Message::key).toList());
        assertEquals(List.of("COE-7 · Checkout returned 500s after a config push", "Summary", "Impact", "Timeline",
                        "Metrics", "Incident questions", "5 Whys", "Action items", "Lessons learned", "Related items"),
                messages.stream().map(Message::header).toList());
        assertEquals("COE-7 · Timeline", messages.get(3).fallback());
        String all = reading(messages);
        assertTrue(all.contains("*What customers experienced*\nCheckout returned HTTP 500 &amp; the cart page"),
                "Slack text is not escaped twice: " + all);
        assertTrue(all.contains("*Requirements affected*\nReliability, Performance Efficiency"), all);
        assertTrue(all.contains("*5 Whys #1*\n*Problem:* Checkout returned HTTP 500 for 12% of sessions for 65 minutes.\n"
                + "*1* Every checkout call to payments failed to get a connection."), all);
        assertTrue(all.contains("*1.1.1* ★ The deploy tool accepts any value for pool settings"), all);
        assertTrue(all.contains("→ _Fix:_ Canary config pushes to 5% of hosts for 10 minutes"), all);
        assertTrue(all.contains("*1.* Validate payments client config against a schema before push (reject pool size "
                + "&lt; 1)\n<@U0DAN> · *high* · due Thu 3 Dec 2026 · open · prevention · "
                + "<https://jira.example.com/browse/PAY-812|ticket>\n_Fixes 5 Whys #1 · 1.1.1_"), all);
        assertTrue(all.contains("won't do: Grafana's deploy annotations already show it."), all);
        assertTrue(all.contains(":hourglass_flowing_sand: *31 minutes without an entry* (14:20–14:51 UTC)\n"
                + "> On a bridge call with the payments team: we checked their database first (it looked healthy) "
                + "&amp; then the client config."), all);
    }

    @Test
    void openQuestionsAndEmptySectionsSaySoInsteadOfVanishing() {
        CoeDocument d = Fixtures.withActions(Fixtures.withWhys(
                Fixtures.without(Fixtures.complete(), io.coebot.interview.Questions.LESSONS, true), List.of()), List.of());

        String all = reading(wire(SlackRendering.render(d)));

        assertTrue(all.contains("_No 5 Whys session._"), all);
        assertTrue(all.contains("_No action items._"), all);
        assertTrue(Pattern.compile("_Skipped\\._").matcher(all).find(), "the skipped lessons");
    }

    private static boolean wellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
