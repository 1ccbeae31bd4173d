package io.coebot.publish;

import com.slack.api.model.block.LayoutBlock;
import io.coebot.actions.ActionItem;
import io.coebot.actions.ActionStatus;
import io.coebot.actions.Dueness;
import io.coebot.interview.Answer;
import io.coebot.interview.Question;
import io.coebot.interview.Questions;
import io.coebot.interview.Section;
import io.coebot.slack.EchoedText;
import io.coebot.timeline.Milestone;
import io.coebot.timeline.SectionText;
import io.coebot.timeline.Timeline;
import io.coebot.timeline.TimelineEntry;
import io.coebot.timeline.TimelineGap;
import io.coebot.timeline.TimelineText;
import io.coebot.timeline.TimelineTime;
import io.coebot.whys.WhyTree;
import io.coebot.whys.WhysSession;
import io.coebot.whys.WhysTreeText;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

/**
 * The COE as a short series of Slack messages in reading order: a header message (title, owner, times, durations,
 * and the reason when it was published without meeting the bar), then Summary, Impact, Timeline, Metrics,
 * Incident questions, 5 Whys, Action items, Lessons learned and Related items.
 *
 * <p>Nothing is cut: text too long for one section is split at a line, sentence or space boundary
 * ({@link SectionText#split}, each later part marked "continued"), and a section too long for one message
 * continues in the next one, keyed "timeline-2", "timeline-3"… Keys depend only on the COE's content, so
 * publishing the same COE again gives the same keys and each message can be updated in place.
 *
 * <p>Text from Slack (answers, entries, causes, items) is stored escaped and is shown through {@link EchoedText}
 * (never a broadcast, links by their address); notes and gap explanations come from modals and are escaped by
 * {@link TimelineText}.
 */
final class SlackRendering {

    /** Slack refuses a message with more blocks than this. */
    public static final int MAX_BLOCKS = 50;
    /** Slack refuses a header block's text over this. */
    public static final int HEADER_MAX = 150;
    /** Slack refuses a section's text over this. */
    public static final int SECTION_MAX = SectionText.MAX;
    /**
     * All the text of one message. Slack also refuses a message whose blocks hold too much text in total
     * ({@code msg_blocks_too_long}); the limit is undocumented and has been seen near 12,000 characters
     * (slackapi/bolt-js#2509, #2867), so messages stay well under it.
     */
    public static final int MESSAGE_TEXT_MAX = 9_000;

    private static final String PARAGRAPH = "\n\n";

    private SlackRendering() {
    }

    public static List<PublishedPart> render(CoeDocument d) {
        String label = d.coe().label();
        List<PublishedPart> parts = new ArrayList<>();
        String heading = label + " · " + EchoedText.mrkdwn(d.coe().title());
        parts.addAll(pack("header", heading, heading, opening(d)));
        parts.addAll(pack("summary", "Summary", label, List.of(answerOrGap(d, Questions.byId(Questions.SUMMARY), false))));
        parts.addAll(pack("impact", "Impact", label, questions(d, d.applicable(Section.IMPACT))));
        parts.addAll(pack("timeline", "Timeline", label, timeline(d)));
        parts.addAll(pack("metrics", "Metrics", label, metrics(d)));
        parts.addAll(pack("incident-questions", "Incident questions", label, incidentQuestions(d)));
        parts.addAll(pack("whys", "5 Whys", label, whys(d)));
        parts.addAll(pack("actions", "Action items", label, actions(d)));
        parts.addAll(pack("lessons", "Lessons learned", label, List.of(answerOrGap(d, Questions.byId(Questions.LESSONS), false))));
        parts.addAll(pack("related", "Related items", label, List.of(answerOrGap(d, Questions.byId(Questions.RELATED), false))));
        if (!d.review().isEmpty()) {
            parts.addAll(pack("review", "Review", label, review(d)));
        }
        return parts;
    }

    /** The key of the one top-level message; every other part is a reply in its thread. */
    public static final String OVERVIEW = "overview";

    /**
     * The one message the channel sees: what a reader scanning the channel needs (title, status, severity, summary,
     * durations, counts, approvers) and where the COE is in full — its thread, and each copy ({@code copies}: one
     * mrkdwn line per copy, as the copies feature words it: a link, "being written", or why not). Within one message's
     * limits: a long summary is cut here and read whole in the thread.
     */
    public static PublishedPart overview(CoeDocument d, int version, List<String> copies) {
        String label = d.coe().label();
        String title = fit(label + " · " + EchoedText.plain(d.coe().title()), HEADER_MAX);
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText(title))));
        List<String> facts = new ArrayList<>();
        facts.add("*Status:* " + (d.publishedAnywayReason() != null ? anywayHeadline(d).replace(".", "")
                : d.review().approvers().isEmpty() ? "Published" : "Published after review")
                + (version > 1 ? " (version " + version + ")" : ""));
        d.answer(Questions.SEVERITY).ifPresent(a -> facts.add("*Severity:* " + AnswerWording.slack(Questions.byId(Questions.SEVERITY), a)));
        facts.add("*Owner:* <@" + d.coe().ownerUserId() + ">");
        String first = String.join(" · ", facts);
        blocks.add(section(s -> s.text(markdownText(first))));
        String summary = d.answer(Questions.SUMMARY).map(a -> AnswerWording.slack(Questions.byId(Questions.SUMMARY), a))
                .orElse("_No summary._");
        List<String> pieces = SectionText.split(summary, SECTION_MAX - 40);
        String shown = pieces.get(0) + (pieces.size() > 1 ? " … _(continued in the thread)_" : "");
        blocks.add(section(s -> s.text(markdownText(shown))));
        List<String> more = new ArrayList<>();
        String durations = d.timeline().durations().summary();
        if (!durations.isEmpty()) {
            more.add(durations);
        }
        int causes = d.rootCauses().size();
        int items = d.actions().size();
        more.add(causes + (causes == 1 ? " root cause" : " root causes") + " · " + items
                + (items == 1 ? " action item" : " action items"));
        if (!d.review().approvers().isEmpty()) {
            more.add("*Approved by* " + mentions(d.review().approvers()));
        }
        if (d.publishedAnywayReason() != null) {
            List<String> reason = SectionText.split(d.publishedAnywayReason().strip(), SECTION_MAX / 2);
            more.add(":warning: *" + anywayHeadline(d) + "* The owner's reason:\n" + TimelineText.quoted(
                    EchoedText.mrkdwn(reason.get(0)) + (reason.size() > 1 ? " …" : "")));
        }
        String counts = fit(String.join("\n", more), SECTION_MAX);
        blocks.add(section(s -> s.text(markdownText(counts))));
        blocks.add(where(copies));
        return new PublishedPart(OVERVIEW, label + " · " + EchoedText.plain(d.coe().title()), blocks);
    }

    /** The one message's last block: where the COE is in full (its thread, and each copy); drawn anew as copies arrive. */
    public static LayoutBlock where(List<String> copies) {
        List<String> where = new ArrayList<>();
        where.add("🧵 The whole COE is in this thread, with its Markdown file.");
        where.addAll(copies);
        String text = fit(String.join("\n", where), SECTION_MAX);
        return section(s -> s.text(markdownText(text)));
    }

    private static List<String> opening(CoeDocument d) {
        List<String> out = new ArrayList<>();
        String heading = d.coe().label() + " · " + EchoedText.plain(d.coe().title());
        if (heading.length() > HEADER_MAX) {
            // the header block had to cut it, so the title is said whole here
            out.add("*" + EchoedText.mrkdwn(d.coe().title()) + "*");
        }
        List<String> facts = new ArrayList<>();
        facts.add("*Owner:* <@" + d.coe().ownerUserId() + ">");
        d.answer(Questions.SEVERITY).ifPresent(a -> facts.add("*Severity:* " + AnswerWording.slack(Questions.byId(Questions.SEVERITY), a)));
        d.answer(Questions.SERVICES).ifPresent(a -> facts.add("*Services:* " + AnswerWording.slack(Questions.byId(Questions.SERVICES), a)));
        out.add(String.join(" · ", facts));
        String times = milestoneLine(d.timeline());
        if (!times.isEmpty()) {
            out.add(times);
        }
        String durations = d.timeline().durations().summary();
        if (!durations.isEmpty()) {
            out.add(durations);
        }
        out.add("_Published " + TimelineTime.slackDateAndUtc(d.renderedAt()) + ". All times are shown in your time zone and in UTC._");
        if (!d.review().approvers().isEmpty()) {
            out.add("*Approved by* " + mentions(d.review().approvers()));
        }
        if (d.publishedAnywayReason() != null) {
            out.add(":warning: *" + anywayHeadline(d) + "* The owner's reason:\n"
                    + TimelineText.quoted(EchoedText.mrkdwn(d.publishedAnywayReason().strip())));
        }
        return out;
    }

    /**
     * What "published anyway" skipped: the quality bar (and with it review, which the bar gates), or only the review.
     * Shared with the Markdown file.
     */
    static String anywayHeadline(CoeDocument d) {
        return QualityBar.check(d).passed() ? "Published without review." : "Published without meeting the quality bar.";
    }

    /** The audit of the review, one line per step: who did what, when (in the reader's zone and in UTC). */
    private static List<String> review(CoeDocument d) {
        StringBuilder sb = new StringBuilder();
        for (ReviewRecord.Line l : d.review().lines()) {
            sb.append("• ").append(l.sentence()).append(" — ")
                    .append(TimelineTime.slackDateAndUtc(l.at())).append('\n');
        }
        return List.of(sb.toString().strip());
    }

    private static String mentions(List<String> users) {
        return String.join(", ", users.stream().map(u -> "<@" + u + ">").toList());
    }

    /**
     * "*Trigger:* <date> · 2026-11-19 14:00:03 UTC", a line per known milestone: the header promises every time in
     * the reader's zone and in UTC, and five milestones with both would not read on one line.
     */
    private static String milestoneLine(Timeline t) {
        List<String> lines = new ArrayList<>();
        for (Milestone m : Milestone.values()) {
            t.milestones().time(m).ifPresent(at -> lines.add("*" + TimelineText.tag(m) + ":* " + TimelineTime.slackDateAndUtc(at)));
        }
        return String.join("\n", lines);
    }

    /** The answers, then the graphs by title: their images follow in the thread of the COE's first message. */
    private static List<String> metrics(CoeDocument d) {
        List<String> out = new ArrayList<>(questions(d, d.applicable(Section.METRICS)));
        if (!d.figures().isEmpty()) {
            StringBuilder sb = new StringBuilder("*Graphs* (the images are in this thread)");
            d.figures().forEach(f -> sb.append("\n• ").append(EchoedText.typed(f.title())));
            out.add(sb.toString());
        }
        return out;
    }

    private static List<String> questions(CoeDocument d, List<Question> qs) {
        return qs.stream().map(q -> answerOrGap(d, q, true)).toList();
    }

    /** The answer under its label; an open question says so, because a published COE must not hide a gap. */
    private static String answerOrGap(CoeDocument d, Question q, boolean labelled) {
        Optional<Answer> a = d.answer(q.id());
        String body = a.map(x -> AnswerWording.slack(q, x))
                .orElse(d.skipped().contains(q.id()) ? "_Skipped._" : "_Not answered._");
        return labelled ? "*" + q.label() + "*\n" + body : body;
    }

    private static List<String> timeline(CoeDocument d) {
        Timeline t = d.timeline();
        List<String> out = new ArrayList<>();
        String milestones = milestoneLine(t);
        String durations = t.durations().summary();
        String disorder = t.milestones().disorder();
        List<String> top = new ArrayList<>();
        top.add("_Every entry is dated in your time zone and in UTC._");
        if (!milestones.isEmpty()) {
            top.add(milestones);
        }
        if (!durations.isEmpty()) {
            top.add(durations);
        }
        if (disorder != null) {
            top.add(":warning: " + disorder);
        }
        out.add(String.join("\n", top));
        if (t.entries().isEmpty()) {
            out.add("_No entries._");
            return out;
        }
        Map<Long, TimelineGap> gapAfter = new HashMap<>();
        t.gaps().forEach(g -> gapAfter.put(g.before().id(), g));
        for (TimelineEntry e : t.entries()) {
            out.add(TimelineText.entry(e, t.flag(e)));
            TimelineGap g = gapAfter.get(e.id());
            if (g != null) {
                out.add(TimelineText.gap(g));
            }
        }
        return out;
    }

    private static List<String> incidentQuestions(CoeDocument d) {
        List<String> out = new ArrayList<>();
        for (Section s : List.of(Section.DETECTION, Section.DIAGNOSIS, Section.MITIGATION)) {
            out.add(":small_blue_diamond: *" + s.title() + "*");
            out.addAll(questions(d, d.applicable(s)));
        }
        out.add(":small_blue_diamond: *Prevention*");
        Question prevention = Questions.byId(Questions.PREVENTION);
        out.add(d.answer(prevention.id()).map(a -> AnswerWording.slack(prevention, a) + "\n")
                .orElse("") + "_The 5 Whys below answer how we prevent it._");
        return out;
    }

    private static List<String> whys(CoeDocument d) {
        if (d.whys().isEmpty()) {
            return List.of("_No 5 Whys session._");
        }
        List<String> out = new ArrayList<>();
        for (WhysSession s : d.whys()) {
            WhyTree tree = s.state().tree();
            StringBuilder p = new StringBuilder("*").append(s.label()).append("*")
                    .append(s.state().finished() ? "" : " · _not finished_")
                    .append("\n*Problem:* ").append(tree.problem() == null ? "_not stated_" : EchoedText.mrkdwn(tree.problem()));
            List<String> lines = WhysTreeText.slackLines(s.state()).stream().map(EchoedText::mrkdwn).toList();
            p.append('\n').append(lines.isEmpty() ? "_No cause yet._" : String.join("\n", lines));
            out.add(p.toString());
        }
        return out;
    }

    private static List<String> actions(CoeDocument d) {
        if (d.actions().isEmpty()) {
            return List.of("_No action items._");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < d.actions().size(); i++) {
            ActionItem item = d.actions().get(i);
            StringBuilder p = new StringBuilder("*").append(i + 1).append(".* ").append(EchoedText.mrkdwn(item.text()));
            List<String> facts = new ArrayList<>();
            facts.add(item.owner() == null || item.owner().isBlank() ? "_no owner_" : "<@" + item.owner() + ">");
            facts.add(item.priority() == null ? "_no priority_" : "*" + item.priority().key() + "*");
            // the one wording of a due date; the channel's readers live on different calendars, so no count
            facts.add(item.due() == null ? "_no due date_" : Dueness.words(item.due(), Dueness.Reader.CHANNEL));
            facts.add(item.status() == ActionStatus.WONT_DO && item.statusReason() != null
                    ? "won't do: " + EchoedText.mrkdwn(item.statusReason()) : item.status().label());
            if (item.type() != null) {
                facts.add(item.type().key());
            }
            if (item.trackerUrl() != null && !item.trackerUrl().isBlank()) {
                facts.add("<" + item.trackerUrl() + "|" + (item.trackerKey() == null ? "ticket" : item.trackerKey()) + ">");
            } else if (item.notYetIn() != null) {
                facts.add("_not yet in " + item.notYetIn() + "_");
            }
            p.append('\n').append(String.join(" · ", facts));
            d.causeOf(item).ifPresent(c -> p.append("\n_Fixes ").append(c.session().label()).append(" · ")
                    .append(c.label()).append("_"));
            out.add(p.toString());
        }
        return out;
    }

    /**
     * Lays paragraphs out as messages: each paragraph split to fit a section, sections filled up to the section
     * limit, messages filled up to the block and text limits. The first message is keyed {@code key}, the next
     * ones {@code key-2}, {@code key-3}…
     */
    static List<PublishedPart> pack(String key, String title, String coeLabel, List<String> paragraphs) {
        List<String> sections = sections(paragraphs);
        List<PublishedPart> parts = new ArrayList<>();
        int i = 0;
        do {
            int n = parts.size() + 1;
            String heading = fit(n == 1 ? title : title + " (continued)", HEADER_MAX);
            List<LayoutBlock> blocks = new ArrayList<>();
            // the title in it is echoed mrkdwn already (the message's text repeats it); a header shows plain text
            blocks.add(header(h -> h.text(plainText(EchoedText.plain(heading)))));
            int used = heading.length();
            while (i < sections.size() && blocks.size() < MAX_BLOCKS
                    && (blocks.size() == 1 || used + sections.get(i).length() <= MESSAGE_TEXT_MAX)) {
                String text = sections.get(i++);
                used += text.length();
                blocks.add(section(s -> s.text(markdownText(text))));
            }
            String fallback = title.startsWith(coeLabel) ? heading : coeLabel + " · " + heading;
            parts.add(new PublishedPart(n == 1 ? key : key + "-" + n, fallback, blocks));
        } while (i < sections.size());
        return parts;
    }

    /** Paragraphs joined into sections of at most {@link #SECTION_MAX} characters; a long one is split. */
    private static List<String> sections(List<String> paragraphs) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String paragraph : paragraphs) {
            List<String> pieces = SectionText.split(paragraph.isEmpty() ? " " : paragraph, SECTION_MAX);
            for (int p = 0; p < pieces.size(); p++) {
                String piece = pieces.get(p);
                // a continued piece starts its own section: glued on with a blank line it would read as a new paragraph
                boolean continued = p > 0;
                if (current.length() > 0
                        && (continued || current.length() + PARAGRAPH.length() + piece.length() > SECTION_MAX)) {
                    out.add(current.toString());
                    current.setLength(0);
                }
                if (current.length() > 0) {
                    current.append(PARAGRAPH);
                }
                current.append(piece);
            }
        }
        if (current.length() > 0) {
            out.add(current.toString());
        }
        return out;
    }

    /** Header text cut to fit, never inside an emoji; the full title is also in the first section. */
    static String fit(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int cut = max - 1;
        if (Character.isHighSurrogate(s.charAt(cut - 1))) {
            cut--;
        }
        return s.substring(0, cut) + "…";
    }

}
