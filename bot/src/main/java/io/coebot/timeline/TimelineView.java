package io.coebot.timeline;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.element.BlockElement;
import io.coebot.coe.Coe;

import java.util.ArrayList;
import java.util.List;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.block.element.BlockElements.staticSelect;

/**
 * `/coe timeline` as Block Kit: one page of {@link TimelinePages} (at most 40 sections) under a header and the
 * durations, each entry with a menu (its milestone, or removal), each flagged gap with "Explain this gap", and Previous/Next.
 * A page stays within Slack's 50 blocks: header, context, 40 sections, paging.
 */
final class TimelineView {
    static final String MARK_PREFIX = "timeline.mark.";
    static final String GAP_PREFIX = "timeline.gap.";
    static final String PAGE_PREFIX = "timeline.page.";
    static final String NO_MILESTONE = "none";
    /** In the entry's menu: take the entry out of the timeline, however it got in (pin, shortcut, typed, import). */
    static final String REMOVE = "remove";

    private TimelineView() {
    }

    public static List<TimelinePage> pages(Timeline timeline) {
        return TimelinePages.of(timeline);
    }

    /** The page holding {@code entryId} (1-based), or 1. */
    static int pageOf(Timeline timeline, long entryId) {
        for (TimelinePage p : pages(timeline)) {
            if (p.entries().stream().anyMatch(e -> e.id() == entryId)) {
                return p.number();
            }
        }
        return 1;
    }

    public static List<LayoutBlock> page(Coe coe, Timeline timeline, int requested) {
        List<TimelinePage> pages = pages(timeline);
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText("Timeline · " + coe.label()))));
        int number = Math.max(1, Math.min(requested, pages.size()));
        blocks.add(context(c -> c.elements(List.of(markdownText(summary(timeline, pages, number))))));
        if (pages.isEmpty()) {
            blocks.add(section(s -> s.text(markdownText("No entries yet. React with a pin to a message in this channel, use "
                    + "the *Add to COE timeline* message shortcut, type `/coe timeline add &lt;when&gt; &lt;what happened&gt;`, or "
                    + "`/coe timeline import` the channel's messages between the trigger and mitigation."))));
            return blocks;
        }
        TimelinePage page = pages.get(number - 1);
        for (TimelineBlock b : page.blocks()) {
            if (b instanceof TimelineBlock.EntryPart e) {
                blocks.add(section(s -> {
                    s.blockId("entry|" + e.entry().id() + (e.continued() ? "|more" + blocks.size() : ""))
                            .text(markdownText(e.text()));
                    if (!e.continued()) {
                        s.accessory(milestoneMenu(coe.id(), e.entry()));
                    }
                    return s;
                }));
            } else if (b instanceof TimelineBlock.GapPart g) {
                blocks.add(section(s -> {
                    s.blockId("gap|" + g.gap().key() + (g.continued() ? "|more" + blocks.size() : ""))
                            .text(markdownText(g.text()));
                    if (!g.continued()) {
                        s.accessory(button(x -> x.actionId(GAP_PREFIX + g.gap().key())
                                .text(plainText(g.gap().explained() ? "Edit explanation" : "Explain this gap"))
                                .value(coe.id() + "|" + g.gap().key())));
                    }
                    return s;
                }));
            }
        }
        if (page.pageCount() > 1) {
            List<BlockElement> nav = new ArrayList<>();
            if (page.hasPrevious()) {
                nav.add(button(x -> x.actionId(PAGE_PREFIX + "previous").text(plainText("Previous"))
                        .value(coe.id() + "|" + (number - 1))));
            }
            if (page.hasNext()) {
                nav.add(button(x -> x.actionId(PAGE_PREFIX + "next").text(plainText("Next"))
                        .value(coe.id() + "|" + (number + 1))));
            }
            blocks.add(actions(a -> a.blockId("timeline-pages").elements(nav)));
        }
        return blocks;
    }

    /** Page count, entries, gaps left to explain, then the durations or why they cannot be given. */
    static String summary(Timeline timeline, List<TimelinePage> pages, int number) {
        int entries = timeline.entries().size();
        long open = timeline.gaps().stream().filter(g -> !g.explained()).count();
        StringBuilder sb = new StringBuilder();
        if (!pages.isEmpty()) {
            sb.append("Page ").append(number).append(" of ").append(pages.size()).append(" · ");
        }
        sb.append(entries).append(entries == 1 ? " entry" : " entries");
        if (open > 0) {
            sb.append(" · :hourglass_flowing_sand: ").append(open).append(open == 1 ? " gap" : " gaps")
                    .append(" over ").append(TimelineTime.duration(timeline.gapThreshold())).append(" to explain");
        }
        sb.append(" · times in UTC");
        String disorder = timeline.milestones().disorder();
        String durations = timeline.durations().summary();
        if (disorder != null) {
            sb.append("\n:warning: ").append(disorder);
        } else if (!durations.isEmpty()) {
            sb.append("\n:stopwatch: ").append(durations);
        }
        return sb.toString();
    }

    private static BlockElement milestoneMenu(long coeId, TimelineEntry e) {
        List<OptionObject> options = new ArrayList<>();
        for (Milestone m : Milestone.values()) {
            options.add(option(plainText(TimelineText.tag(m)), coeId + "|" + e.id() + "|" + m.key()));
        }
        options.add(option(plainText("No milestone"), coeId + "|" + e.id() + "|" + NO_MILESTONE));
        options.add(option(plainText("Remove from timeline"), coeId + "|" + e.id() + "|" + REMOVE));
        OptionObject initial = e.milestone() == null ? null
                : options.get(e.milestone().ordinal());
        return staticSelect(s -> s.actionId(MARK_PREFIX + e.id()).placeholder(plainText("Mark milestone"))
                .options(options).initialOption(initial));
    }
}
