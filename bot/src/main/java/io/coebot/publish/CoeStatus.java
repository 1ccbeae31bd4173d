package io.coebot.publish;

import io.coebot.interview.Question;
import io.coebot.interview.Questions;
import io.coebot.interview.Section;
import io.coebot.timeline.Milestone;
import io.coebot.timeline.Timeline;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Where each section of the COE stands, in the order a reader meets them, for {@code /coe status}. It agrees with
 * the quality bar on what "done" means, and adds the parts the bar does not judge (basics, related items).
 */
final class CoeStatus {

    private CoeStatus() {
    }

    public static List<SectionStatus> of(CoeDocument d) {
        List<SectionStatus> out = new ArrayList<>();
        out.add(interview(d, "Basics", d.applicable(Section.BASICS)));
        out.add(interview(d, "Summary", List.of(Questions.byId(Questions.SUMMARY))));
        out.add(interview(d, "Impact", d.applicable(Section.IMPACT)));
        out.add(timeline(d));
        out.add(metrics(d));
        out.add(interview(d, "Detection", d.applicable(Section.DETECTION)));
        out.add(interview(d, "Diagnosis", d.applicable(Section.DIAGNOSIS)));
        out.add(interview(d, "Mitigation", d.applicable(Section.MITIGATION)));
        out.add(whys(d));
        out.add(actions(d));
        out.add(interview(d, "Lessons learned", d.applicable(Section.LESSONS)));
        out.add(interview(d, "Related items", d.applicable(Section.RELATED)));
        return out;
    }

    /**
     * Done when every question that applies is answered; skipped when everything still open was skipped; missing
     * otherwise (some question has not been reached yet).
     */
    private static SectionStatus interview(CoeDocument d, String title, List<Question> questions) {
        long answered = questions.stream().filter(q -> d.answered(q.id())).count();
        List<Question> skipped = questions.stream().filter(q -> d.skippedUnanswered(q.id())).toList();
        List<Question> open = questions.stream().filter(q -> !d.answered(q.id()) && !d.skipped().contains(q.id())).toList();
        String count = answered + " of " + questions.size() + " answered";
        if (skipped.isEmpty() && open.isEmpty()) {
            return new SectionStatus(title, SectionStatus.DONE, count);
        }
        List<String> detail = new ArrayList<>(List.of(count));
        if (!skipped.isEmpty()) {
            detail.add("skipped: " + labels(skipped));
        }
        if (!open.isEmpty()) {
            detail.add("to answer: " + labels(open));
        }
        String state = open.isEmpty() ? SectionStatus.SKIPPED : SectionStatus.MISSING;
        return new SectionStatus(title, state, String.join(" · ", detail));
    }

    /** The interview's Metrics questions, and the graphs drawn: a COE with a graph meets the metrics check. */
    private static SectionStatus metrics(CoeDocument d) {
        SectionStatus asked = interview(d, "Metrics", d.applicable(Section.METRICS));
        int graphs = d.metricFigures().size();
        if (graphs == 0) {
            return asked;
        }
        return new SectionStatus("Metrics", SectionStatus.DONE,
                graphs + (graphs == 1 ? " graph" : " graphs") + " · " + asked.detail());
    }

    private static String labels(List<Question> qs) {
        return qs.stream().map(Question::label).collect(Collectors.joining(", "));
    }

    private static SectionStatus timeline(CoeDocument d) {
        Timeline t = d.timeline();
        List<String> detail = new ArrayList<>();
        int n = t.entries().size();
        detail.add(n + (n == 1 ? " entry" : " entries"));
        List<String> unknown = new ArrayList<>();
        for (Milestone m : List.of(Milestone.TRIGGER, Milestone.DETECTED, Milestone.MITIGATED)) {
            if (t.milestones().time(m).isEmpty()) {
                unknown.add(m.humanName());
            }
        }
        if (!unknown.isEmpty()) {
            detail.add("no time for " + String.join(", ", unknown));
        }
        long unexplained = t.gaps().stream().filter(g -> !g.explained()).count();
        if (unexplained > 0) {
            detail.add(unexplained + (unexplained == 1 ? " gap" : " gaps") + " to explain");
        }
        boolean done = n > 0 && unknown.isEmpty() && unexplained == 0;
        return new SectionStatus("Timeline", done ? SectionStatus.DONE : SectionStatus.MISSING,
                String.join(" · ", detail));
    }

    private static SectionStatus whys(CoeDocument d) {
        if (d.whys().isEmpty()) {
            boolean skipped = d.skippedUnanswered(Questions.PREVENTION);
            return new SectionStatus("5 Whys", SectionStatus.MISSING,
                    "no session yet" + (skipped ? " (Prevention was skipped in the interview)" : ""));
        }
        long finished = d.whys().stream().filter(s -> s.state().finished()).count();
        int roots = d.rootCauses().size();
        long human = d.rootCauses().stream().filter(c -> c.humanError()).count();
        List<String> detail = new ArrayList<>();
        detail.add(d.whys().size() + (d.whys().size() == 1 ? " session" : " sessions") + ", " + finished + " finished");
        detail.add(roots + (roots == 1 ? " root cause" : " root causes"));
        if (human > 0) {
            detail.add(human + " blaming a person");
        }
        boolean done = d.whys().stream().anyMatch(s -> s.state().finished() && !s.state().tree().rootCauses().isEmpty())
                && human == 0;
        return new SectionStatus("5 Whys", done ? SectionStatus.DONE : SectionStatus.MISSING, String.join(" · ", detail));
    }

    private static SectionStatus actions(CoeDocument d) {
        int n = d.actions().size();
        long bare = d.rootCauses().stream().filter(c -> d.itemsFor(c).isEmpty()).count();
        List<String> detail = new ArrayList<>();
        detail.add(n + (n == 1 ? " item" : " items"));
        if (bare > 0) {
            detail.add(bare + (bare == 1 ? " root cause" : " root causes") + " without one");
        }
        boolean done = n > 0 && bare == 0;
        return new SectionStatus("Action items", done ? SectionStatus.DONE : SectionStatus.MISSING,
                String.join(" · ", detail));
    }
}
