package io.coebot.publish;

import io.coebot.actions.ActionItem;
import io.coebot.actions.ActionStatus;
import io.coebot.coe.Coe;
import io.coebot.interview.Answer;
import io.coebot.interview.Question;
import io.coebot.interview.Questions;
import io.coebot.interview.Section;
import io.coebot.timeline.Timeline;
import io.coebot.whys.WhyNode;
import io.coebot.whys.WhyTree;
import io.coebot.whys.WhysSession;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the COE says, gathered once: the input of the quality bar, the checks and the renderers. Pure values,
 * so the same document always renders the same messages and the same file.
 *
 * @param answers               the interview's answers by question id (text in Slack's escaped mrkdwn)
 * @param skipped               question ids passed over with {@code skip}; an answered id here counts as answered
 * @param whys                  the 5 Whys sessions, in the order to show them (normally by number)
 * @param actions               the action items, in the order to show and number them (Action item 1, 2…)
 * @param publishedAnywayReason why the owner published without meeting the bar, or null. Slack mrkdwn, escaped the
 *                              way Slack escapes slash-command text; a modal's plain input must be passed through
 *                              {@code EchoedText.typed} first
 * @param renderedAt            when it is published, shown as the publication date (no clock is read here)
 * @param names                 what the people and channels it mentions are called, looked up beforehand (see
 *                              {@link CoeNames}); {@link Names#NONE} where ids are fine (Slack renders them)
 * @param review                who reviewed and approved it, and when ({@link ReviewRecord#NONE} before review)
 * @param figures               the images the COE has (graphs, the timeline chart), from the {@link CoeFigures} features
 */
public record CoeDocument(Coe coe, Map<String, Answer> answers, List<String> skipped, Timeline timeline,
                          List<WhysSession> whys, List<ActionItem> actions, String publishedAnywayReason,
                          Instant renderedAt, Names names, ReviewRecord review, List<CoeFigure> figures) {

    public CoeDocument(Coe coe, Map<String, Answer> answers, List<String> skipped, Timeline timeline,
                       List<WhysSession> whys, List<ActionItem> actions, String publishedAnywayReason,
                       Instant renderedAt, Names names, ReviewRecord review) {
        this(coe, answers, skipped, timeline, whys, actions, publishedAnywayReason, renderedAt, names, review, List.of());
    }

    public CoeDocument(Coe coe, Map<String, Answer> answers, List<String> skipped, Timeline timeline,
                       List<WhysSession> whys, List<ActionItem> actions, String publishedAnywayReason,
                       Instant renderedAt, Names names) {
        this(coe, answers, skipped, timeline, whys, actions, publishedAnywayReason, renderedAt, names, ReviewRecord.NONE);
    }

    public CoeDocument(Coe coe, Map<String, Answer> answers, List<String> skipped, Timeline timeline,
                       List<WhysSession> whys, List<ActionItem> actions, String publishedAnywayReason,
                       Instant renderedAt) {
        this(coe, answers, skipped, timeline, whys, actions, publishedAnywayReason, renderedAt, Names.NONE);
    }

    public CoeDocument {
        Objects.requireNonNull(coe, "coe");
        Objects.requireNonNull(timeline, "timeline");
        Objects.requireNonNull(renderedAt, "renderedAt");
        answers = answers == null ? Map.of() : Map.copyOf(answers);
        skipped = skipped == null ? List.of() : List.copyOf(skipped);
        whys = whys == null ? List.of() : List.copyOf(whys);
        actions = actions == null ? List.of() : List.copyOf(actions);
        publishedAnywayReason = publishedAnywayReason == null || publishedAnywayReason.isBlank()
                ? null : publishedAnywayReason;
        names = names == null ? Names.NONE : names;
        review = review == null ? ReviewRecord.NONE : review;
        figures = figures == null ? List.of() : List.copyOf(figures);
    }

    public CoeDocument withNames(Names looked) {
        return new CoeDocument(coe, answers, skipped, timeline, whys, actions, publishedAnywayReason, renderedAt, looked,
                review, figures);
    }

    public CoeDocument withReview(ReviewRecord record) {
        return new CoeDocument(coe, answers, skipped, timeline, whys, actions, publishedAnywayReason, renderedAt, names,
                record, figures);
    }

    public CoeDocument withFigures(List<CoeFigure> drawn) {
        return new CoeDocument(coe, answers, skipped, timeline, whys, actions, publishedAnywayReason, renderedAt, names,
                review, drawn);
    }

    /** The figures that show the impact in the team's metrics (the graphs), not the COE's own timeline chart. */
    public List<CoeFigure> metricFigures() {
        return figures.stream().filter(CoeFigure::metric).toList();
    }

    /** A root cause found by a 5 Whys session, with what the COE says about it. */
    public record RootCause(WhysSession session, WhyNode node) {
        public WhyTree tree() {
            return session.state().tree();
        }

        /** A person's mistake, which is never a root cause, judged with the names of the COE's people. */
        public boolean humanError() {
            return session.state().humanError(node);
        }

        /** "1.2" */
        public String label() {
            return tree().label(node.id());
        }

        /** Whether an item was made from one of this cause's remediations. */
        public boolean fixedBy(ActionItem item) {
            return item.causeRef() != null && item.causeRef().fixes(session.id(), node.id());
        }
    }

    /** The answer, when someone gave one with words in it. A blank answer says nothing, so it counts as none. */
    public Optional<Answer> answer(String questionId) {
        Answer a = answers.get(questionId);
        if (a == null) {
            return Optional.empty();
        }
        boolean empty = (a.value() == null || a.value().isBlank()) && a.text().isBlank();
        return empty ? Optional.empty() : Optional.of(a);
    }

    public boolean answered(String questionId) {
        return answer(questionId).isPresent();
    }

    /** Passed over and still without an answer. */
    public boolean skippedUnanswered(String questionId) {
        return skipped.contains(questionId) && !answered(questionId);
    }

    /** The questions of a section that apply to this incident, in interview order. */
    public List<Question> applicable(Section section) {
        return Questions.all().stream()
                .filter(q -> q.section() == section && q.appliesGiven(answers))
                .toList();
    }

    /** Every root cause of every session, in session then reading order. */
    public List<RootCause> rootCauses() {
        List<RootCause> out = new ArrayList<>();
        for (WhysSession s : whys) {
            for (WhyNode n : s.state().tree().rootCauses()) {
                out.add(new RootCause(s, n));
            }
        }
        return out;
    }

    /**
     * The items that fix this root cause. An item the team decided not to do fixes nothing, so it does not count:
     * a root cause whose only item was dropped needs another one.
     */
    public List<ActionItem> itemsFor(RootCause cause) {
        return actions.stream()
                .filter(cause::fixedBy)
                .filter(i -> i.status() != ActionStatus.WONT_DO)
                .toList();
    }

    /** The root cause an item was made for, if it still exists (a branch can be removed after the item was made). */
    public Optional<RootCause> causeOf(ActionItem item) {
        return rootCauses().stream().filter(c -> c.fixedBy(item)).findFirst();
    }
}
