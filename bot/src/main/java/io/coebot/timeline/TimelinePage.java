package io.coebot.timeline;

import java.util.List;

/**
 * One page of the timeline view.
 *
 * @param number    1-based
 * @param pageCount how many pages the timeline has
 */
record TimelinePage(int number, int pageCount, List<TimelineBlock> blocks) {

    public TimelinePage {
        blocks = List.copyOf(blocks);
    }

    /** The entries that start on this page (an entry continued from the previous page is not counted again). */
    public List<TimelineEntry> entries() {
        return blocks.stream()
                .filter(b -> b instanceof TimelineBlock.EntryPart && !b.continued())
                .map(b -> ((TimelineBlock.EntryPart) b).entry())
                .toList();
    }

    public boolean hasPrevious() {
        return number > 1;
    }

    public boolean hasNext() {
        return number < pageCount;
    }
}
