package io.coebot.publish;

import io.coebot.actions.ActionItem;
import io.coebot.actions.ActionStatus;
import io.coebot.coe.Coe;
import io.coebot.interview.Answer;
import io.coebot.interview.Question;
import io.coebot.interview.Questions;
import io.coebot.interview.Section;
import io.coebot.slack.EchoedText;
import io.coebot.timeline.Milestone;
import io.coebot.timeline.Timeline;
import io.coebot.timeline.TimelineEntry;
import io.coebot.timeline.TimelineGap;
import io.coebot.timeline.TimelineText;
import io.coebot.timeline.TimelineTime;
import io.coebot.timeline.WindowPosition;
import io.coebot.whys.WhyTree;
import io.coebot.whys.WhysSession;
import io.coebot.whys.WhysTreeText;

import java.text.Normalizer;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The whole COE as one Markdown file, ready to paste into a wiki: the sections in the order of a COE, every time in
 * UTC (the one zone a COE states), the timeline and the action items as tables. Slack markup becomes Markdown
 * ({@code <@U1|alice>} → {@code @alice}, {@code <url|label>} → {@code [label](url)}); text typed in modals (notes,
 * gap explanations) is plain already and only made safe for a table cell.
 */
public final class MarkdownRendering {

    static final int SLUG_MAX = 60;

    private MarkdownRendering() {
    }

    public static String render(CoeDocument d) {
        StringBuilder md = new StringBuilder();
        Coe coe = d.coe();
        md.append("# ").append(coe.label()).append(": ").append(fromSlack(d, coe.title())).append("\n\n");
        metadata(d, md);

        heading(md, "## Summary");
        md.append(answerOrGap(d, Questions.byId(Questions.SUMMARY))).append("\n\n");

        heading(md, "## Impact");
        questions(d, d.applicable(Section.IMPACT), "###", md);

        heading(md, "## Timeline");
        figures(d, d.figures().stream().filter(f -> !f.metric()).toList(), md);
        timeline(d, md);

        heading(md, "## Metrics");
        questions(d, d.applicable(Section.METRICS), "###", md);
        figures(d, d.metricFigures(), md);

        heading(md, "## Incident questions");
        for (Section s : List.of(Section.DETECTION, Section.DIAGNOSIS, Section.MITIGATION)) {
            heading(md, "### " + s.title());
            questions(d, d.applicable(s), "####", md);
        }
        heading(md, "### Prevention");
        Question prevention = Questions.byId(Questions.PREVENTION);
        d.answer(prevention.id()).ifPresent(a -> md.append(text(d, prevention, a)).append("\n\n"));
        md.append("The 5 Whys below answer how we prevent it.\n\n");

        heading(md, "## 5 Whys");
        whys(d, md);

        heading(md, "## Action items");
        actions(d, md);

        heading(md, "## Lessons learned");
        md.append(answerOrGap(d, Questions.byId(Questions.LESSONS))).append("\n\n");

        heading(md, "## Related items");
        md.append(answerOrGap(d, Questions.byId(Questions.RELATED))).append("\n");
        if (!d.review().isEmpty()) {
            md.append('\n');
            heading(md, "## Review");
            for (ReviewRecord.Line l : d.review().lines()) {
                md.append("- ").append(TimelineTime.utcStamp(l.at())).append(" — ")
                        .append(fromSlack(d, l.sentence())).append('\n');
            }
        }
        return md.toString();
    }

    /** "COE-7-checkout-500s.md": lowercase ASCII, accents dropped, words joined by hyphens, "coe" when none is left. */
    public static String fileName(Coe coe) {
        String title = EchoedText.editable(coe.title() == null ? "" : coe.title());
        String ascii = Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > SLUG_MAX) {
            int cut = slug.lastIndexOf('-', SLUG_MAX);
            slug = slug.substring(0, cut > SLUG_MAX / 2 ? cut : SLUG_MAX).replaceAll("-+$", "");
        }
        return coe.label() + "-" + (slug.isEmpty() ? "coe" : slug) + ".md";
    }

    /**
     * The images, by their place next to this file: {@code COE-<n>-<slug>/<name>} (the Git layout; in Slack they are
     * the files in the published COE's thread, under the same names).
     */
    private static void figures(CoeDocument d, List<CoeFigure> figures, StringBuilder md) {
        for (CoeFigure f : figures) {
            md.append("![").append(MarkdownText.plain(oneLine(f.title()))).append("](")
                    .append(figureFolder(d.coe())).append('/').append(f.name()).append(")\n");
            if (f.caption() != null) {
                // a query is full of characters Markdown would read as emphasis: a code span shows it as it is
                md.append('`').append(oneLine(f.caption()).replace("`", "'")).append("`\n");
            }
            md.append('\n');
        }
    }

    /**
     * "COE-7-checkout-500s-graph-1-1764412345.png": a figure's name as uploaded to Slack, with the second it was queued,
     * so that every upload has a name of its own (the outbox finds a lost upload again by its name).
     */
    public static String figureUploadName(Coe coe, String figureName, Instant queuedAt) {
        return figureFolder(coe) + "-" + figureName.replaceAll("\\.png$", "") + "-" + queuedAt.getEpochSecond() + ".png";
    }

    /** "COE-7-checkout-500s": the Markdown file's name without ".md", the folder its images go in. */
    public static String figureFolder(Coe coe) {
        return fileName(coe).replaceAll("\\.md$", "");
    }

    private static void metadata(CoeDocument d, StringBuilder md) {
        md.append("- **Owner:** ").append(fromSlack(d, d.names().person(d.coe().ownerUserId()))).append('\n');
        d.answer(Questions.SEVERITY).ifPresent(a ->
                md.append("- **Severity:** ").append(text(d, Questions.byId(Questions.SEVERITY), a)).append('\n'));
        d.answer(Questions.SERVICES).ifPresent(a ->
                md.append("- **Services affected:** ").append(oneLine(text(d, Questions.byId(Questions.SERVICES), a))).append('\n'));
        md.append("- **COE opened:** ").append(TimelineTime.utcStamp(d.coe().createdAt())).append('\n');
        md.append("- **Published:** ").append(TimelineTime.utcStamp(d.renderedAt())).append('\n');
        if (!d.review().approvers().isEmpty()) {
            md.append("- **Approved by:** ").append(fromSlack(d, String.join(", ",
                    d.review().approvers().stream().map(u -> "<@" + u + ">").toList()))).append('\n');
        }
        String durations = d.timeline().durations().summary();
        if (!durations.isEmpty()) {
            md.append("- **Durations:** ").append(durations).append('\n');
        }
        md.append("- **Time zone:** all times are UTC\n\n");
        if (d.publishedAnywayReason() != null) {
            md.append("> **").append(SlackRendering.anywayHeadline(d)).append("** The owner's reason:\n> ")
                    .append(fromSlack(d, d.publishedAnywayReason()).strip().replace("\n", "\n> "))
                    .append("\n\n");
        }
    }

    private static void heading(StringBuilder md, String heading) {
        md.append(heading).append("\n\n");
    }

    /** Each question under its own heading, unless it is the section's only one and named like it. */
    private static void questions(CoeDocument d, List<Question> qs, String level, StringBuilder md) {
        for (Question q : qs) {
            if (!(qs.size() == 1 && q.label().equals(q.section().title()))) {
                heading(md, level + " " + q.label());
            }
            md.append(answerOrGap(d, q)).append("\n\n");
        }
    }

    /** A published COE does not hide what is missing: an open question says so. */
    private static String answerOrGap(CoeDocument d, Question q) {
        Optional<Answer> a = d.answer(q.id());
        if (a.isPresent()) {
            return text(d, q, a.get());
        }
        return d.skipped().contains(q.id()) ? "*Skipped.*" : "*Not answered.*";
    }

    /** Each line people wrote stays a line: Markdown would otherwise join them into one paragraph. */
    private static String text(CoeDocument d, Question q, Answer a) {
        return fromSlack(d, AnswerWording.markdownSource(q, a)).strip().replaceAll("\\s*\\n\\s*", "\n\n");
    }

    private static void timeline(CoeDocument d, StringBuilder md) {
        Timeline t = d.timeline();
        Map<Milestone, Instant> milestones = t.milestones().asMap();
        if (!milestones.isEmpty()) {
            md.append("| Milestone | Time (UTC) | From the trigger |\n|---|---|---|\n");
            milestones.forEach((m, at) -> md.append("| ").append(TimelineText.tag(m)).append(" | ")
                    .append(TimelineTime.utcStamp(at)).append(" | ")
                    .append(t.durations().to(m).map(TimelineTime::duration).orElse(m == Milestone.TRIGGER ? "—" : ""))
                    .append(" |\n"));
            md.append('\n');
        }
        String disorder = t.milestones().disorder();
        if (disorder != null) {
            md.append("> **Warning:** ").append(disorder).append("\n\n");
        }
        if (t.entries().isEmpty()) {
            md.append("*No entries.*\n\n");
            return;
        }
        md.append("| Time (UTC) | Entry | Milestone | By | Added |\n|---|---|---|---|---|\n");
        for (TimelineEntry e : t.entries()) {
            StringBuilder entry = new StringBuilder(fromSlack(d, e.text()).strip());
            if (e.note() != null) {
                entry.append(entry.length() > 0 ? "\n" : "").append("*Note:* ").append(MarkdownText.plain(e.note().strip()));
            }
            if (e.permalink() != null && !e.permalink().isBlank()) {
                entry.append(" ([message](").append(e.permalink()).append("))");
            }
            WindowPosition position = t.flag(e);
            String mark = e.milestone() == null ? "" : TimelineText.tag(e.milestone());
            if (position == WindowPosition.BEFORE_TRIGGER) {
                mark = (mark + " ⚠ before the trigger").strip();
            } else if (position == WindowPosition.AFTER_RESOLUTION) {
                mark = (mark + " ⚠ after resolution").strip();
            }
            md.append("| ").append(TimelineTime.utcStamp(e.occurredAt()))
                    .append(" | ").append(MarkdownText.cell(entry.toString()))
                    .append(" | ").append(mark)
                    .append(" | ").append(e.author() == null ? "" : fromSlack(d, d.names().person(e.author())))
                    .append(" | ").append(source(e))
                    .append(" |\n");
        }
        md.append('\n');
        List<TimelineGap> gaps = t.gaps();
        if (!gaps.isEmpty()) {
            heading(md, "### Gaps longer than " + TimelineTime.duration(t.gapThreshold()));
            for (TimelineGap g : gaps) {
                md.append("- **").append(TimelineTime.utcStamp(g.before().occurredAt())).append(" – ")
                        .append(TimelineTime.utcStamp(g.after().occurredAt())).append("** (")
                        .append(TimelineTime.duration(g.length())).append(" without an entry): ")
                        .append(g.explained() ? MarkdownText.plain(oneLine(g.explanation())) : "*not explained*").append('\n');
            }
            md.append('\n');
        }
    }

    private static String source(TimelineEntry e) {
        return switch (e.source()) {
            case REACTION -> "pinned";
            case SHORTCUT -> "shortcut";
            case MANUAL -> "by hand";
            case IMPORT -> "imported";
        };
    }

    private static void whys(CoeDocument d, StringBuilder md) {
        if (d.whys().isEmpty()) {
            md.append("*No 5 Whys session.*\n\n");
            return;
        }
        for (WhysSession s : d.whys()) {
            WhyTree tree = s.state().tree();
            heading(md, "### " + s.label());
            md.append("**Problem:** ").append(tree.problem() == null ? "*not stated*" : oneLine(fromSlack(d, tree.problem())))
                    .append("\n\n");
            if (!s.state().finished()) {
                md.append("*Not finished.*\n\n");
            }
            String outline = WhysTreeText.markdown(s.state());
            md.append(outline.isEmpty() ? "*No cause yet.*" : fromSlack(d, outline)).append("\n\n");
        }
    }

    private static void actions(CoeDocument d, StringBuilder md) {
        if (d.actions().isEmpty()) {
            md.append("*No action items.*\n\n");
            return;
        }
        md.append("| # | Action | Owner | Priority | Due | Status | Type | Tracker |\n|---|---|---|---|---|---|---|---|\n");
        for (int i = 0; i < d.actions().size(); i++) {
            ActionItem item = d.actions().get(i);
            StringBuilder action = new StringBuilder(fromSlack(d, item.text()).strip());
            d.causeOf(item).ifPresent(c -> action.append("\n*Fixes ").append(c.session().label()).append(" · ")
                    .append(c.label()).append("*"));
            String status = item.status() == ActionStatus.WONT_DO && item.statusReason() != null
                    ? "won't do: " + fromSlack(d, item.statusReason()) : item.status().label();
            String tracker = item.trackerUrl() == null || item.trackerUrl().isBlank()
                    ? (item.notYetIn() == null ? "" : "not yet in " + item.notYetIn())
                    : "[" + (item.trackerKey() == null ? "ticket" : item.trackerKey()) + "](" + item.trackerUrl() + ")";
            md.append("| ").append(i + 1)
                    .append(" | ").append(MarkdownText.cell(action.toString()))
                    .append(" | ").append(item.owner() == null || item.owner().isBlank() ? "*none*"
                            : fromSlack(d, d.names().person(item.owner())))
                    .append(" | ").append(item.priority() == null ? "" : item.priority().key())
                    .append(" | ").append(item.due() == null ? "" : item.due().toString())
                    .append(" | ").append(MarkdownText.cell(status))
                    .append(" | ").append(item.type() == null ? "" : item.type().key())
                    .append(" | ").append(MarkdownText.cell(tracker))
                    .append(" |\n");
        }
        md.append('\n');
    }

    /** People's Slack text as Markdown, every mention by name: the file is read where an id names nobody. */
    private static String fromSlack(CoeDocument d, String slack) {
        return MarkdownText.fromSlack(d.names().named(slack));
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s*\\n\\s*", " ");
    }
}
