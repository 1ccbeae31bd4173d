package io.coebot.publish;

import io.coebot.actions.ActionItem;
import io.coebot.actions.ActionStatus;
import io.coebot.actions.ActionType;
import io.coebot.interview.Question;
import io.coebot.interview.Questions;
import io.coebot.interview.Section;
import io.coebot.slack.EchoedText;
import io.coebot.timeline.Milestone;
import io.coebot.timeline.TimelineGap;
import io.coebot.timeline.TimelineTime;
import io.coebot.whys.WhysSession;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The bar a COE must meet before it is published: what a COE reviewer would send back. Each failed check says
 * what to do, naming the command or button, because "Timeline incomplete" alone leaves the team guessing.
 */
public final class QualityBar {

    public static final String SUMMARY = "Summary";
    public static final String IMPACT = "Impact";
    public static final String DETECTION = "Detection";
    public static final String DIAGNOSIS = "Diagnosis";
    public static final String MITIGATION = "Mitigation";
    public static final String TIMELINE_ENTRIES = "Timeline entries";
    public static final String TRIGGER_TIME = "Trigger time";
    public static final String DETECTION_TIME = "Detection time";
    public static final String MITIGATION_TIME = "Mitigation time";
    public static final String GAPS_EXPLAINED = "Timeline gaps explained";
    public static final String ROOT_CAUSE_FOUND = "5 Whys root cause";
    public static final String NO_HUMAN_ERROR = "No human error as root cause";
    public static final String ROOT_CAUSES_ACTIONED = "Root causes have action items";
    public static final String ITEMS_COMPLETE = "Action items have owner, priority and due date";
    public static final String METRICS = "Metrics";
    public static final String LESSONS = "Lessons learned";

    /** An item that adds monitoring, for a COE whose impact no metric showed. */
    private static final Pattern MONITORING = Pattern.compile("\\b(?:monitor|alarm|alert|dashboard)",
            Pattern.CASE_INSENSITIVE);

    private QualityBar() {
    }

    public static QualityVerdict check(CoeDocument d) {
        List<QualityCheck> checks = new ArrayList<>();
        checks.add(answered(d, SUMMARY, List.of(Questions.byId(Questions.SUMMARY))));
        checks.add(answered(d, IMPACT, d.applicable(Section.IMPACT)));
        checks.add(timelineEntries(d));
        checks.add(milestone(d, TRIGGER_TIME, Milestone.TRIGGER, Questions.TRIGGER_AT));
        checks.add(milestone(d, DETECTION_TIME, Milestone.DETECTED, Questions.DETECTED_AT));
        checks.add(milestone(d, MITIGATION_TIME, Milestone.MITIGATED, Questions.MITIGATED_AT));
        checks.add(gapsExplained(d));
        checks.add(metrics(d));
        checks.add(answered(d, DETECTION, d.applicable(Section.DETECTION)));
        checks.add(answered(d, DIAGNOSIS, d.applicable(Section.DIAGNOSIS)));
        checks.add(answered(d, MITIGATION, d.applicable(Section.MITIGATION)));
        checks.add(rootCauseFound(d));
        checks.add(noHumanError(d));
        checks.add(rootCausesActioned(d));
        checks.add(itemsComplete(d));
        checks.add(answered(d, LESSONS, List.of(Questions.byId(Questions.LESSONS))));
        return new QualityVerdict(checks);
    }

    /**
     * Every question that applies must have an answer. Conditional follow-ups that do not apply (no internal
     * activity was under way) are not asked, so they are not owed either.
     */
    private static QualityCheck answered(CoeDocument d, String name, List<Question> questions) {
        List<Question> skipped = questions.stream().filter(q -> d.skippedUnanswered(q.id())).toList();
        List<Question> notYet = questions.stream()
                .filter(q -> !d.answered(q.id()) && !d.skipped().contains(q.id())).toList();
        if (skipped.isEmpty() && notYet.isEmpty()) {
            return QualityCheck.pass(name);
        }
        List<String> fix = new ArrayList<>();
        if (!skipped.isEmpty()) {
            fix.add("Answer the skipped " + labels(skipped) + ": `/coe answers`, then *Answer*.");
        }
        if (!notYet.isEmpty()) {
            fix.add("Answer " + labels(notYet) + ": reply to the interview in the COE card's thread "
                    + "(`/coe resume` if it is paused).");
        }
        return QualityCheck.fail(name, String.join(" ", fix));
    }

    private static String labels(List<Question> qs) {
        return qs.stream().map(q -> "“" + q.label() + "”").collect(Collectors.joining(", "));
    }

    private static QualityCheck timelineEntries(CoeDocument d) {
        if (!d.timeline().entries().isEmpty()) {
            return QualityCheck.pass(TIMELINE_ENTRIES);
        }
        return QualityCheck.fail(TIMELINE_ENTRIES, "Build the timeline: react with :pushpin: to the channel's key "
                + "messages, run `/coe timeline import`, or add what happened outside Slack with "
                + "`/coe timeline add &lt;time&gt; &lt;text&gt;`.");
    }

    private static QualityCheck milestone(CoeDocument d, String name, Milestone m, String questionId) {
        if (d.timeline().milestones().time(m).isPresent()) {
            return QualityCheck.pass(name);
        }
        String what = m == Milestone.TRIGGER ? "when it started (the first trigger, not the page)"
                : m == Milestone.DETECTED ? "when the impact was detected" : "when the impact ended";
        return QualityCheck.fail(name, "Say " + what + ": in `/coe timeline` use *Mark milestone* → "
                + m.key() + " on its entry, or answer “" + Questions.byId(questionId).label() + "” in the interview.");
    }

    private static QualityCheck gapsExplained(CoeDocument d) {
        List<TimelineGap> open = d.timeline().gaps().stream().filter(g -> !g.explained()).toList();
        if (open.isEmpty()) {
            return QualityCheck.pass(GAPS_EXPLAINED);
        }
        // the first few are enough to find them; /coe timeline shows every one
        String spans = open.stream().limit(3)
                .map(g -> TimelineTime.duration(g.length()) + " after " + TimelineTime.utc(g.before().occurredAt()))
                .collect(Collectors.joining("; ")) + (open.size() > 3 ? "; and " + (open.size() - 3) + " more" : "");
        return QualityCheck.fail(GAPS_EXPLAINED, "Say what the team was doing during " + open.size()
                + (open.size() == 1 ? " silence" : " silences") + " longer than "
                + TimelineTime.duration(d.timeline().gapThreshold()) + " (" + spans
                + "): *Explain this gap* in `/coe timeline`.");
    }

    /**
     * No metric showing the impact is itself a finding; it passes only together with an item that adds the missing
     * monitoring, otherwise the next occurrence is found the same way.
     */
    private static QualityCheck metrics(CoeDocument d) {
        if (!d.metricFigures().isEmpty()) {
            // a graph of the incident drawn from the team's metrics is what the question asks for
            return QualityCheck.pass(METRICS);
        }
        Question metrics = Questions.byId(Questions.METRICS);
        if (!d.answered(metrics.id())) {
            return answered(d, METRICS, List.of(metrics));
        }
        boolean none = "none".equals(d.answer(metrics.id()).orElseThrow().value());
        if (!none || d.actions().stream().anyMatch(QualityBar::addsMonitoring)) {
            return QualityCheck.pass(METRICS);
        }
        return QualityCheck.fail(METRICS, "No metric shows this impact, so the COE needs an action item that adds "
                + "monitoring: e.g. `/coe action Add an alarm on the checkout 5xx rate @owner high` (type: detection). "
                + "Or draw the graph that shows it: `/coe graph &lt;PromQL&gt;`.");
    }

    static boolean addsMonitoring(ActionItem i) {
        return i.status() != ActionStatus.WONT_DO
                && (i.type() == ActionType.DETECTION || MONITORING.matcher(i.text()).find());
    }

    private static QualityCheck rootCauseFound(CoeDocument d) {
        boolean found = d.whys().stream()
                .anyMatch(s -> s.state().finished() && !s.state().tree().rootCauses().isEmpty());
        if (found) {
            return QualityCheck.pass(ROOT_CAUSE_FOUND);
        }
        if (d.whys().isEmpty()) {
            return QualityCheck.fail(ROOT_CAUSE_FOUND, "Find the root cause: `/coe whys &lt;problem&gt;` opens a 5 Whys "
                    + "thread; answer each why until you can press *Root cause*.");
        }
        String open = d.whys().stream().map(WhysSession::label).collect(Collectors.joining(", "));
        return QualityCheck.fail(ROOT_CAUSE_FOUND, "Finish " + open + ": answer the open why in its thread until "
                + "every branch ends in a *Root cause*.");
    }

    private static QualityCheck noHumanError(CoeDocument d) {
        List<CoeDocument.RootCause> blamed = d.rootCauses().stream().filter(c -> c.humanError()).toList();
        if (blamed.isEmpty()) {
            return QualityCheck.pass(NO_HUMAN_ERROR);
        }
        String which = blamed.stream().map(QualityBar::cause).collect(Collectors.joining("; "));
        return QualityCheck.fail(NO_HUMAN_ERROR, "Human error is never a root cause: " + which
                + ". Ask why the mistake was possible (what let it through?) and mark that answer as the root cause.");
    }

    private static QualityCheck rootCausesActioned(CoeDocument d) {
        List<CoeDocument.RootCause> bare = d.rootCauses().stream().filter(c -> d.itemsFor(c).isEmpty()).toList();
        if (bare.isEmpty()) {
            return QualityCheck.pass(ROOT_CAUSES_ACTIONED);
        }
        List<String> fix = new ArrayList<>();
        List<CoeDocument.RootCause> withFix = bare.stream().filter(c -> !c.node().remediations().isEmpty()).toList();
        List<CoeDocument.RootCause> noFix = bare.stream().filter(c -> c.node().remediations().isEmpty()).toList();
        if (!withFix.isEmpty()) {
            fix.add("Turn the fix for " + withFix.stream().map(QualityBar::cause).collect(Collectors.joining("; "))
                    + " into an action item: `/coe actions`, then *Complete*.");
        }
        if (!noFix.isEmpty()) {
            fix.add("Give " + noFix.stream().map(QualityBar::cause).collect(Collectors.joining("; "))
                    + " a fix in its 5 Whys thread, then complete it in `/coe actions`.");
        }
        return QualityCheck.fail(ROOT_CAUSES_ACTIONED, String.join(" ", fix));
    }

    private static QualityCheck itemsComplete(CoeDocument d) {
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < d.actions().size(); i++) {
            ActionItem item = d.actions().get(i);
            List<String> lacks = new ArrayList<>();
            if (item.owner() == null || item.owner().isBlank()) {
                lacks.add("owner");
            }
            if (item.priority() == null) {
                lacks.add("priority");
            }
            if (item.due() == null) {
                lacks.add("due date");
            }
            if (!lacks.isEmpty()) {
                missing.add("Action item " + (i + 1) + " has no " + String.join(" or ", lacks));
            }
        }
        if (missing.isEmpty()) {
            return QualityCheck.pass(ITEMS_COMPLETE);
        }
        return QualityCheck.fail(ITEMS_COMPLETE, String.join("; ", missing)
                + ": `/coe actions` and change it there, so one person owns it by a date.");
    }

    /** "5 Whys #1 · 1.2 (“The deploy tool …”)" */
    private static String cause(CoeDocument.RootCause c) {
        return c.session().label() + " · " + c.label() + " (“" + shortText(EchoedText.mrkdwn(c.node().text())) + "”)";
    }

    /** A cause quoted in a fix: enough words to recognise it, never cut inside Slack markup. */
    private static String shortText(String s) {
        String one = s == null ? "" : s.strip().replaceAll("\\s+", " ");
        if (one.length() <= 80) {
            return one;
        }
        int cut = one.lastIndexOf(' ', 79);
        cut = cut > 40 ? cut : 79;
        int open = one.lastIndexOf('<', cut);
        if (open >= 0 && one.indexOf('>', open) >= cut) {
            cut = open;
        }
        return one.substring(0, cut).strip() + "…";
    }
}
