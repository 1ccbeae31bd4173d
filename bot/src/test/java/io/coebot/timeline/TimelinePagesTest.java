package io.coebot.timeline;

import static io.coebot.timeline.Entries.at;
import static io.coebot.timeline.Entries.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TimelinePagesTest {

    private static List<TimelineEntry> entriesEvery(int count, int minutes) {
        List<TimelineEntry> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            entries.add(message(i, at(0, 0).plusSeconds(60L * minutes * i)));
        }
        return entries;
    }

    private static TimelineEntry withText(long id, String text) {
        return new TimelineEntry(id, at(14, 0).plusSeconds(id), null, text, "U1", TimelineSource.IMPORT, null, null, null);
    }

    private static void assertWithinSlackLimits(List<TimelinePage> pages, int maxEntries, int maxBlocks) {
        for (TimelinePage page : pages) {
            assertTrue(page.entries().size() <= maxEntries, "entries on page " + page.number());
            assertTrue(page.blocks().size() <= maxBlocks, "blocks on page " + page.number());
            for (TimelineBlock block : page.blocks()) {
                assertTrue(block.text().length() <= 3000, "section of " + block.text().length() + " chars");
            }
        }
    }

    private static List<TimelineEntry> entriesShown(List<TimelinePage> pages) {
        return pages.stream().flatMap(p -> p.entries().stream()).toList();
    }

    /** The raw text of one entry's parts, markers removed: must be the whole entry, nothing lost or added. */
    private static String rejoined(List<TimelinePage> pages, long entryId) {
        return pages.stream().flatMap(p -> p.blocks().stream())
                .filter(b -> b instanceof TimelineBlock.EntryPart part && part.entry().id() == entryId)
                .map(b -> b.continued() ? b.text().substring(SectionText.CONTINUED.length()) : b.text())
                .collect(Collectors.joining());
    }

    @Test
    void aThousandEntriesMakeFiftyPagesOfTwentyInOrder() {
        Timeline timeline = new Timeline(entriesEvery(1000, 1), Map.of());

        List<TimelinePage> pages = TimelinePages.of(timeline);

        assertEquals(50, pages.size());
        assertWithinSlackLimits(pages, 20, 40);
        assertEquals(timeline.entries(), entriesShown(pages));
        assertEquals(List.of(1, 50), List.of(pages.get(0).number(), pages.get(0).pageCount()));
        assertFalse(pages.get(0).hasPrevious());
        assertTrue(pages.get(0).hasNext());
        assertFalse(pages.get(49).hasNext());
    }

    /** With a gap after every entry a page holds both and still fits in a message with room for the header. */
    @Test
    void gapsCountAsBlocksAndEachGapIsShownOnce() {
        Timeline timeline = new Timeline(entriesEvery(1000, 20), Map.of());

        List<TimelinePage> pages = TimelinePages.of(timeline);

        assertWithinSlackLimits(pages, 20, 40);
        assertEquals(timeline.entries(), entriesShown(pages));
        List<TimelineGap> shownGaps = pages.stream().flatMap(p -> p.blocks().stream())
                .filter(b -> b instanceof TimelineBlock.GapPart).map(b -> ((TimelineBlock.GapPart) b).gap()).toList();
        assertEquals(999, shownGaps.size());
        assertEquals(timeline.gaps(), shownGaps);
    }

    @Test
    void aGapFollowsTheEntryItStartsFrom() {
        Timeline timeline = new Timeline(entriesEvery(3, 20), Map.of());

        List<TimelineBlock> blocks = TimelinePages.of(timeline).get(0).blocks();

        assertEquals(List.of("entry 0", "gap 0-1", "entry 1", "gap 1-2", "entry 2"), blocks.stream()
                .map(b -> b instanceof TimelineBlock.EntryPart e ? "entry " + e.entry().id()
                        : "gap " + ((TimelineBlock.GapPart) b).gap().key())
                .toList());
    }

    /** A page never opens with a gap whose starting entry is on the previous page. */
    @Test
    void aGapStaysOnThePageOfTheEntryItFollows() {
        Timeline timeline = new Timeline(entriesEvery(30, 20), Map.of());

        List<TimelinePage> pages = TimelinePages.of(timeline, 20, 5);

        assertWithinSlackLimits(pages, 20, 5);
        assertEquals(timeline.entries(), entriesShown(pages));
        for (TimelinePage page : pages) {
            List<TimelineBlock> blocks = page.blocks();
            for (int i = 0; i < blocks.size(); i++) {
                if (blocks.get(i) instanceof TimelineBlock.GapPart gap) {
                    assertTrue(i > 0 && blocks.get(i - 1) instanceof TimelineBlock.EntryPart before
                            && before.entry().equals(gap.gap().before()), "page " + page.number() + " block " + i);
                }
            }
        }
    }

    /** A 20,000-character message is shown whole, in sections Slack accepts, cut between sentences. */
    @Test
    void aVeryLongEntryIsSplitAtSentencesAndNothingIsLost() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < 20_000; i++) {
            text.append("Sentence number ").append(i).append(" says the replica lag kept growing. ");
        }
        TimelineEntry e = withText(1, text.toString());
        List<TimelinePage> pages = TimelinePages.of(new Timeline(List.of(e), Map.of()));

        List<TimelineBlock> parts = pages.get(0).blocks();
        assertEquals(1, pages.size());
        assertEquals(7, parts.size());
        assertWithinSlackLimits(pages, 20, 40);
        assertEquals(TimelineText.entry(e, WindowPosition.INSIDE), rejoined(pages, 1));
        assertEquals(List.of(e), pages.get(0).entries());
        for (int i = 0; i < parts.size(); i++) {
            assertEquals(i > 0, parts.get(i).continued());
            assertEquals(i > 0, parts.get(i).text().startsWith("_(continued)_ "));
            if (i < parts.size() - 1) {
                assertTrue(parts.get(i).text().endsWith("growing. "), parts.get(i).text());
            }
        }
    }

    @Test
    void aLongEntryIsCutAtLineEndsWhenItHasThem() {
        String text = ("A line about the incident that goes on for a while.\n").repeat(100);
        TimelineEntry e = withText(1, text);

        List<TimelineBlock> parts = TimelinePages.of(new Timeline(List.of(e), Map.of())).get(0).blocks();

        assertEquals(2, parts.size());
        assertTrue(parts.get(0).text().endsWith("while.\n"));
    }

    /** An entry that needs more sections than a page holds continues on the next page instead of being cut. */
    @Test
    void anEntryLargerThanAPageContinuesOnTheNextPage() {
        TimelineEntry huge = withText(1, "The failover script retried. ".repeat(700));
        TimelineEntry next = withText(2, "Traffic back to normal.");

        List<TimelinePage> pages = TimelinePages.of(new Timeline(List.of(huge, next), Map.of()), 20, 3);

        // seven parts: three, three, then the last part shares its page with the next entry
        assertEquals(List.of(List.of(huge), List.of(), List.of(next)), pages.stream().map(TimelinePage::entries).toList());
        assertEquals(List.of(3, 3, 2), pages.stream().map(p -> p.blocks().size()).toList());
        assertTrue(pages.get(1).blocks().get(0).continued());
        assertEquals(TimelineText.entry(huge, WindowPosition.INSIDE), rejoined(pages, 1));
    }

    @Test
    void anEmptyTimelineHasNoPages() {
        assertEquals(List.of(), TimelinePages.of(new Timeline(List.of(), Map.of())));
    }
}
