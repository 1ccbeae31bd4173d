package io.coebot.timeline;

/**
 * One Block Kit section of a timeline page. Each entry and each gap gets its own section(s) so that the view can
 * put the "mark as milestone" control on an entry and the "Explain this gap" button on a gap; a text too long for
 * one section continues in the next ones ({@code continued}), and only the first part should carry the control.
 */
public sealed interface TimelineBlock permits TimelineBlock.EntryPart, TimelineBlock.GapPart {

    /** mrkdwn, at most {@link SectionText#MAX} characters. */
    String text();

    boolean continued();

    record EntryPart(TimelineEntry entry, WindowPosition position, String text, boolean continued)
            implements TimelineBlock {
    }

    record GapPart(TimelineGap gap, String text, boolean continued) implements TimelineBlock {
    }
}
