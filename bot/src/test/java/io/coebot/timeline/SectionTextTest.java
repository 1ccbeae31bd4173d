package io.coebot.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SectionTextTest {

    private static String rejoined(List<String> parts) {
        StringBuilder whole = new StringBuilder(parts.get(0));
        for (String part : parts.subList(1, parts.size())) {
            assertTrue(part.startsWith(SectionText.CONTINUED), part);
            whole.append(part.substring(SectionText.CONTINUED.length()));
        }
        return whole.toString();
    }

    private static String body(String part) {
        return part.startsWith(SectionText.CONTINUED) ? part.substring(SectionText.CONTINUED.length()) : part;
    }

    /**
     * Links whose labels have spaces: a cut at one of those spaces would show "<https://…|the" as text and lose the
     * link. Every offset within the repeating unit is tried, so some cut would land inside a label if allowed to.
     */
    @Test
    void aCutNeverFallsInsideALinkOrMention() {
        String unit = "<https://grafana.example.com/d/abc|the replica lag dashboard for eu west> <@U024BE7LH> ";
        for (int offset = 0; offset < unit.length(); offset++) {
            String text = "x".repeat(offset) + unit.repeat(100);

            List<String> parts = SectionText.split(text);

            assertEquals(text, rejoined(parts));
            for (String part : parts) {
                assertTrue(part.length() <= SectionText.MAX);
                String body = body(part);
                assertEquals(body.chars().filter(c -> c == '<').count(), body.chars().filter(c -> c == '>').count(),
                        "offset " + offset + ": " + body.substring(Math.max(0, body.length() - 60)));
            }
        }
    }

    /** With no space to cut at, the cut still avoids splitting "&amp;" into "&am" and "p;". */
    @Test
    void aCutNeverSplitsAnEntity() {
        for (int offset = 0; offset < 5; offset++) {
            String text = "x".repeat(offset) + "&amp;".repeat(1000);

            List<String> parts = SectionText.split(text);

            assertEquals(text, rejoined(parts));
            for (String part : parts) {
                assertTrue(part.length() <= SectionText.MAX);
                assertTrue(body(part).endsWith("&amp;") || part == parts.get(parts.size() - 1),
                        "offset " + offset + " ends with " + part.substring(part.length() - 6));
            }
        }
    }

    @Test
    void aCutNeverSplitsAnEmoji() {
        for (int offset = 0; offset < 2; offset++) {
            String text = "x".repeat(2990 + offset) + "\uD83D\uDD25".repeat(20);

            List<String> parts = SectionText.split(text, 3000);

            for (String part : parts) {
                assertTrue(part.length() <= 3000);
                assertFalse(Character.isHighSurrogate(part.charAt(part.length() - 1)), "ends with half an emoji");
                assertFalse(Character.isLowSurrogate(body(part).charAt(0)), "starts with half an emoji");
            }
            assertEquals(text, rejoined(parts));
        }
    }

    @Test
    void textThatFitsIsOnePartWithoutMarker() {
        String text = "y".repeat(3000);

        assertEquals(List.of(text), SectionText.split(text));
    }
}
