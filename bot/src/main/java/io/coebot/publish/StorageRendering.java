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
import io.coebot.whys.Remediation;
import io.coebot.whys.WhyNode;
import io.coebot.whys.WhyTree;
import io.coebot.whys.WhysSession;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The COE in Confluence's storage format (XHTML), in the Markdown file's order: tables for the milestones, the
 * timeline and the action items, the 5 Whys tree as nested lists, links back to Slack, and the figures as images of
 * the page's attachments (named as in the COE's folder). Every user text is escaped for XML (an {@code @}, {@code &},
 * {@code <}, emoji and right-to-left text survive as they were written); mentions are written as names.
 */
public final class StorageRendering {
    /** What {@link EchoedText} leaves between angle brackets: mentions, channels and links. */
    private static final Pattern MARKUP = Pattern.compile("<([^<>|]+)(?:\\|([^<>]*))?>");

    private StorageRendering() {
    }

    /** The page's title: "COE-3: Checkout 500s" (plain text; the client escapes it as JSON). */
    public static String title(Coe coe) {
        return coe.label() + ": " + EchoedText.plain(coe.title());
    }

    /** @param slackLink the COE's one message in Slack, or null when its ts is not known yet */
    public static String render(CoeDocument d, String slackLink) {
        StringBuilder x = new StringBuilder();
        Coe coe = d.coe();
        x.append("<p>");
        fact(x, "Owner", fromSlack(d, d.names().person(coe.ownerUserId())));
        d.answer(Questions.SEVERITY).ifPresent(a -> fact(x, "Severity", text(d, Questions.byId(Questions.SEVERITY), a)));
        d.answer(Questions.SERVICES).ifPresent(a -> fact(x, "Services affected", text(d, Questions.byId(Questions.SERVICES), a)));
        fact(x, "COE opened", xml(TimelineTime.utcStamp(coe.createdAt())));
        fact(x, "Published", xml(TimelineTime.utcStamp(d.renderedAt())));
        if (!d.review().approvers().isEmpty()) {
            fact(x, "Approved by", fromSlack(d, String.join(", ", d.review().approvers().stream().map(u -> "<@" + u + ">").toList())));
        }
        String durations = d.timeline().durations().summary();
        if (!durations.isEmpty()) {
            fact(x, "Durations", xml(durations));
        }
        x.append("<strong>Time zone:</strong> all times are UTC");
        if (slackLink != null) {
            x.append("<br/><a href=\"").append(xml(slackLink)).append("\">The COE in Slack</a>");
        }
        x.append("</p>");
        if (d.publishedAnywayReason() != null) {
            x.append("<blockquote><p><strong>").append(xml(SlackRendering.anywayHeadline(d))).append("</strong> The owner's reason: ")
                    .append(fromSlack(d, d.publishedAnywayReason().strip())).append("</p></blockquote>");
        }
        h(x, 2, "Summary");
        para(x, answerOrGap(d, Questions.byId(Questions.SUMMARY)));
        h(x, 2, "Impact");
        questions(d, d.applicable(Section.IMPACT), x);
        h(x, 2, "Timeline");
        figures(d.figures().stream().filter(f -> !f.metric()).toList(), x);
        timeline(d, x);
        h(x, 2, "Metrics");
        questions(d, d.applicable(Section.METRICS), x);
        figures(d.metricFigures(), x);
        h(x, 2, "Incident questions");
        for (Section s : List.of(Section.DETECTION, Section.DIAGNOSIS, Section.MITIGATION)) {
            h(x, 3, s.title());
            questions(d, d.applicable(s), x);
        }
        h(x, 3, "Prevention");
        Question prevention = Questions.byId(Questions.PREVENTION);
        d.answer(prevention.id()).ifPresent(a -> para(x, text(d, prevention, a)));
        para(x, "The 5 Whys below answer how we prevent it.");
        h(x, 2, "5 Whys");
        whys(d, x);
        h(x, 2, "Action items");
        actions(d, x);
        h(x, 2, "Lessons learned");
        para(x, answerOrGap(d, Questions.byId(Questions.LESSONS)));
        h(x, 2, "Related items");
        para(x, answerOrGap(d, Questions.byId(Questions.RELATED)));
        if (!d.review().isEmpty()) {
            h(x, 2, "Review");
            x.append("<ul>");
            for (ReviewRecord.Line l : d.review().lines()) {
                x.append("<li>").append(xml(TimelineTime.utcStamp(l.at()))).append(" — ").append(fromSlack(d, l.sentence())).append("</li>");
            }
            x.append("</ul>");
        }
        return x.toString();
    }

    private static void fact(StringBuilder x, String name, String valueXml) {
        x.append("<strong>").append(name).append(":</strong> ").append(valueXml).append("<br/>");
    }

    private static void h(StringBuilder x, int level, String title) {
        x.append("<h").append(level).append('>').append(xml(title)).append("</h").append(level).append('>');
    }

    private static void para(StringBuilder x, String xhtml) {
        x.append("<p>").append(xhtml).append("</p>");
    }

    private static void questions(CoeDocument d, List<Question> qs, StringBuilder x) {
        for (Question q : qs) {
            if (!(qs.size() == 1 && q.label().equals(q.section().title()))) {
                h(x, 4, q.label());
            }
            para(x, answerOrGap(d, q));
        }
    }

    private static String answerOrGap(CoeDocument d, Question q) {
        Optional<Answer> a = d.answer(q.id());
        if (a.isPresent()) {
            return text(d, q, a.get());
        }
        return d.skipped().contains(q.id()) ? "<em>Skipped.</em>" : "<em>Not answered.</em>";
    }

    private static String text(CoeDocument d, Question q, Answer a) {
        return fromSlack(d, AnswerWording.markdownSource(q, a).strip());
    }

    /** The figures as images of the page's attachments, each with its title. */
    private static void figures(List<CoeFigure> figures, StringBuilder x) {
        for (CoeFigure f : figures) {
            x.append("<p><ac:image ac:alt=\"").append(xml(f.title())).append("\"><ri:attachment ri:filename=\"")
                    .append(xml(f.name())).append("\"/></ac:image><br/><em>").append(xml(f.title())).append("</em>");
            if (f.caption() != null) {
                x.append("<br/><code>").append(xml(f.caption())).append("</code>");
            }
            x.append("</p>");
        }
    }

    private static void timeline(CoeDocument d, StringBuilder x) {
        Timeline t = d.timeline();
        Map<Milestone, Instant> milestones = t.milestones().asMap();
        if (!milestones.isEmpty()) {
            x.append("<table><tbody><tr><th>Milestone</th><th>Time (UTC)</th><th>From the trigger</th></tr>");
            milestones.forEach((m, at) -> x.append("<tr><td>").append(xml(TimelineText.tag(m))).append("</td><td>")
                    .append(xml(TimelineTime.utcStamp(at))).append("</td><td>")
                    .append(xml(t.durations().to(m).map(TimelineTime::duration).orElse(m == Milestone.TRIGGER ? "—" : "")))
                    .append("</td></tr>"));
            x.append("</tbody></table>");
        }
        if (t.entries().isEmpty()) {
            para(x, "<em>No entries.</em>");
            return;
        }
        x.append("<table><tbody><tr><th>Time (UTC)</th><th>Entry</th><th>Milestone</th><th>By</th></tr>");
        for (TimelineEntry e : t.entries()) {
            x.append("<tr><td>").append(xml(TimelineTime.utcStamp(e.occurredAt()))).append("</td><td>")
                    .append(fromSlack(d, e.text().strip()));
            if (e.note() != null) {
                x.append("<br/><em>Note:</em> ").append(xml(e.note().strip()));
            }
            if (e.permalink() != null && !e.permalink().isBlank()) {
                x.append(" (<a href=\"").append(xml(e.permalink())).append("\">message</a>)");
            }
            x.append("</td><td>").append(e.milestone() == null ? "" : xml(TimelineText.tag(e.milestone())))
                    .append("</td><td>").append(e.author() == null ? "" : fromSlack(d, d.names().person(e.author())))
                    .append("</td></tr>");
        }
        x.append("</tbody></table>");
        List<TimelineGap> gaps = t.gaps();
        if (!gaps.isEmpty()) {
            h(x, 3, "Gaps longer than " + TimelineTime.duration(t.gapThreshold()));
            x.append("<ul>");
            for (TimelineGap g : gaps) {
                x.append("<li><strong>").append(xml(TimelineTime.utcStamp(g.before().occurredAt()) + " – "
                                + TimelineTime.utcStamp(g.after().occurredAt()))).append("</strong> (")
                        .append(xml(TimelineTime.duration(g.length()))).append(" without an entry): ")
                        .append(g.explained() ? xml(g.explanation().strip()) : "<em>not explained</em>").append("</li>");
            }
            x.append("</ul>");
        }
    }

    /** Each session's tree as nested lists: a cause's deeper causes and its remediations inside its item. */
    private static void whys(CoeDocument d, StringBuilder x) {
        if (d.whys().isEmpty()) {
            para(x, "<em>No 5 Whys session.</em>");
            return;
        }
        for (WhysSession s : d.whys()) {
            WhyTree tree = s.state().tree();
            h(x, 3, s.label());
            para(x, "<strong>Problem:</strong> " + (tree.problem() == null ? "<em>not stated</em>" : fromSlack(d, tree.problem())));
            if (!s.state().finished()) {
                para(x, "<em>Not finished.</em>");
            }
            List<WhyNode> nodes = tree.inReadingOrder();
            if (nodes.isEmpty()) {
                para(x, "<em>No cause yet.</em>");
                continue;
            }
            int depth = 0;
            for (WhyNode n : nodes) {
                int level = tree.depth(n.id());
                if (level > depth) {
                    x.append("<ul>".repeat(level - depth));
                } else {
                    x.append("</li>");
                    x.append("</ul></li>".repeat(depth - level));
                }
                depth = level;
                x.append("<li>").append(xml(tree.label(n.id()))).append(' ');
                if (n.rootCause()) {
                    x.append("★ <strong>root cause:</strong> ");
                }
                x.append(fromSlack(d, n.text().strip()));
                if (s.state().humanError(n)) {
                    x.append(" <em>(a person's mistake: why was it possible?)</em>");
                }
                if (!n.remediations().isEmpty()) {
                    x.append("<ul>");
                    for (Remediation r : n.remediations()) {
                        x.append("<li><em>Remediation:</em> ").append(fromSlack(d, r.text().strip())).append("</li>");
                    }
                    x.append("</ul>");
                }
            }
            x.append("</li>").append("</ul></li>".repeat(depth - 1)).append("</ul>");
        }
    }

    private static void actions(CoeDocument d, StringBuilder x) {
        if (d.actions().isEmpty()) {
            para(x, "<em>No action items.</em>");
            return;
        }
        x.append("<table><tbody><tr><th>#</th><th>Action</th><th>Owner</th><th>Priority</th><th>Due</th><th>Status</th>"
                + "<th>Tracker</th></tr>");
        for (int i = 0; i < d.actions().size(); i++) {
            ActionItem item = d.actions().get(i);
            x.append("<tr><td>").append(i + 1).append("</td><td>").append(fromSlack(d, item.text().strip()));
            d.causeOf(item).ifPresent(c -> x.append("<br/><em>Fixes ").append(xml(c.session().label() + " · " + c.label()))
                    .append("</em>"));
            String status = item.status() == ActionStatus.WONT_DO && item.statusReason() != null
                    ? "won't do: " + fromSlack(d, item.statusReason()) : xml(item.status().label());
            x.append("</td><td>").append(item.owner() == null || item.owner().isBlank() ? "<em>none</em>"
                            : fromSlack(d, d.names().person(item.owner())))
                    .append("</td><td>").append(item.priority() == null ? "" : xml(item.priority().key()))
                    .append("</td><td>").append(item.due() == null ? "" : xml(item.due().toString()))
                    .append("</td><td>").append(status).append("</td><td>");
            if (item.trackerUrl() != null && !item.trackerUrl().isBlank()) {
                x.append("<a href=\"").append(xml(item.trackerUrl())).append("\">")
                        .append(xml(item.trackerKey() == null ? "ticket" : item.trackerKey())).append("</a>");
            } else if (item.notYetIn() != null) {
                x.append("not yet in ").append(xml(item.notYetIn()));
            }
            x.append("</td></tr>");
        }
        x.append("</tbody></table>");
    }

    /**
     * People's Slack text as XHTML: Slack's escapes undone and everything escaped again for XML, mentions by name,
     * links as links (their label only where it is the address, as in Slack), line breaks kept.
     */
    static String fromSlack(CoeDocument d, String slack) {
        if (slack == null || slack.isEmpty()) {
            return "";
        }
        String echoed = EchoedText.mrkdwn(d.names().named(slack));
        Matcher m = MARKUP.matcher(echoed);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            out.append(lines(EchoedText.editable(echoed.substring(last, m.start()))));
            String target = EchoedText.editable(m.group(1));
            String label = m.group(2) == null || m.group(2).isBlank() ? null : EchoedText.editable(m.group(2));
            if (target.startsWith("@")) {
                out.append(xml("@" + (label != null ? label.replaceFirst("^@", "") : target.substring(1))));
            } else if (target.startsWith("#")) {
                out.append(xml("#" + (label != null ? label : target.substring(1))));
            } else if (target.startsWith("!")) {
                out.append(xml("@" + target.substring(1)));
            } else {
                out.append("<a href=\"").append(xml(target)).append("\">").append(xml(label != null ? label : target)).append("</a>");
            }
            last = m.end();
        }
        return out.append(lines(EchoedText.editable(echoed.substring(last)))).toString();
    }

    private static String lines(String plain) {
        return xml(plain).replace("\r\n", "\n").replace("\n", "<br/>");
    }

    /** Plain text escaped for XML; characters XML 1.0 forbids (control characters) are dropped. */
    public static String xml(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        s.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || c > 0xFFFF) {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }
}
