package io.coebot.timeline;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts the timeline into pages that Slack accepts: at most a number of entries per page, at most a number of
 * sections (a message takes 50 blocks, a modal or the Home tab 100, and the view needs some for its header and
 * paging buttons), every section within 3,000 characters. Nothing is dropped: a long entry continues in further
 * sections, and an entry that would not fit on a page even alone continues on the next page.
 */
final class TimelinePages {

    public static final int DEFAULT_ENTRIES_PER_PAGE = 20;
    /** 20 entries and the 19 gaps between them, leaving room in a 50-block message for the header and buttons. */
    public static final int DEFAULT_BLOCKS_PER_PAGE = 40;

    private TimelinePages() {
    }

    public static List<TimelinePage> of(Timeline timeline) {
        return of(timeline, DEFAULT_ENTRIES_PER_PAGE, DEFAULT_BLOCKS_PER_PAGE);
    }

    /** An empty timeline has no pages. */
    public static List<TimelinePage> of(Timeline timeline, int maxEntries, int maxBlocks) {
        if (maxEntries < 1 || maxBlocks < 1) {
            throw new IllegalArgumentException("A page needs room for at least one entry and one block");
        }
        List<List<TimelineBlock>> pages = new ArrayList<>();
        List<TimelineBlock> page = new ArrayList<>();
        int entriesOnPage = 0;
        for (List<TimelineBlock> group : groups(timeline)) {
            // an entry and the gap after it stay together when they fit, so a gap is never shown without its start
            boolean full = entriesOnPage == maxEntries || page.size() + group.size() > maxBlocks;
            if (full && !page.isEmpty()) {
                pages.add(page);
                page = new ArrayList<>();
                entriesOnPage = 0;
            }
            entriesOnPage++;
            for (TimelineBlock block : group) {
                if (page.size() == maxBlocks) {
                    pages.add(page);
                    page = new ArrayList<>();
                    entriesOnPage = 0;
                }
                page.add(block);
            }
        }
        if (!page.isEmpty()) {
            pages.add(page);
        }
        List<TimelinePage> numbered = new ArrayList<>();
        for (int i = 0; i < pages.size(); i++) {
            numbered.add(new TimelinePage(i + 1, pages.size(), pages.get(i)));
        }
        return numbered;
    }

    /** Per entry: its sections, then the sections of the gap that follows it, if any. */
    private static List<List<TimelineBlock>> groups(Timeline timeline) {
        List<TimelineGap> gaps = timeline.gaps();
        List<List<TimelineBlock>> groups = new ArrayList<>();
        int nextGap = 0;
        for (TimelineEntry e : timeline.entries()) {
            WindowPosition position = timeline.flag(e);
            List<TimelineBlock> group = new ArrayList<>();
            List<String> parts = SectionText.split(TimelineText.entry(e, position));
            for (int i = 0; i < parts.size(); i++) {
                group.add(new TimelineBlock.EntryPart(e, position, parts.get(i), i > 0));
            }
            if (nextGap < gaps.size() && gaps.get(nextGap).before().id() == e.id()) {
                TimelineGap gap = gaps.get(nextGap++);
                List<String> gapParts = SectionText.split(TimelineText.gap(gap));
                for (int i = 0; i < gapParts.size(); i++) {
                    group.add(new TimelineBlock.GapPart(gap, gapParts.get(i), i > 0));
                }
            }
            groups.add(group);
        }
        return groups;
    }
}
