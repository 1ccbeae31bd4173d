package io.coebot.interview;

import io.coebot.slack.MessageTs;

import io.coebot.testing.TeamAnswers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Plays the Slack side of an interview in tests: sends inputs, posts every question the bot asks (with a
 * fresh, increasing ts, the way the real caller does), and remembers what the thread would show. With
 * {@link #postQuestions} off, questions wait for {@link #post()}, as when two people answer faster than the
 * bot can post.
 */
final class Conversation {

    static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

    /** A plausible answer to every question, as a team would type it. */
    static final Map<String, String> ANSWERS = TeamAnswers.on(java.time.LocalDate.of(2026, 11, 19));

    /** What the interview asks when every question is answered and there was no internal activity. */
    static final List<String> HAPPY_PATH = List.of(
            "trigger_at", "detected_at", "mitigated_at", "resolved_at", "severity", "services",
            "customers_affected", "customer_experience", "impact_severity", "second_order_impact", "nfr",
            "consequences", "detection_how", "detection_halve", "underlying_cause", "internal_activity",
            "diagnosis_halve", "mitigated_confirm", "restored_how", "mitigation_found", "mitigation_halve",
            "prevention", "metrics", "monitoring_how", "lessons", "related", "summary");

    InterviewState state;
    Step last;
    Instant now = NOW;
    ZoneId zone = ZoneOffset.UTC;
    boolean postQuestions = true;
    final List<String> asked = new ArrayList<>();
    final List<Ask> asks = new ArrayList<>();
    final Map<String, String> postedTs = new LinkedHashMap<>();
    private long seconds = 1_763_600_000L;
    String lastReplyTs;

    static Conversation started() {
        Conversation c = new Conversation();
        c.take(Interview.begin(NOW));
        return c;
    }

    Step reply(String text) {
        return reply("U1", text);
    }

    Step reply(String user, String text) {
        lastReplyTs = nextTs();
        return send(new Reply(user, text, at(lastReplyTs), zone));
    }

    Step replyAt(String user, String text, String ts) {
        lastReplyTs = ts;
        return send(new Reply(user, text, at(ts), zone));
    }

    Step press(Control control) {
        return send(new Pressed("U1", control));
    }

    Step pick(String questionId, String... values) {
        return send(new Picked("U1", questionId, Arrays.asList(values)));
    }

    Step edit(String ts, String text) {
        return send(new AnswerEdited("U1", at(ts), text, zone));
    }

    Step delete(String ts) {
        return send(new AnswerDeleted(at(ts)));
    }

    Step replace(String questionId, String text) {
        return send(new AnswerReplaced("U2", questionId, text, zone));
    }

    Step send(InterviewInput input) {
        return take(Interview.next(state, input, now));
    }

    /** The current question's message lands in the thread now, after every reply sent so far. */
    Step post() {
        String ts = nextTs();
        postedTs.put(current(), ts);
        return send(new QuestionPosted(current(), at(ts)));
    }

    /** The replies of a step, then of the posts of the questions it asked: all of it shows in the thread. */
    private Step take(Step step) {
        state = step.state();
        List<BotReply> shown = new ArrayList<>(step.replies());
        for (int i = 0; i < shown.size(); i++) {
            if (shown.get(i) instanceof Ask ask) {
                asked.add(ask.questionId());
                asks.add(ask);
                if (postQuestions) {
                    String ts = nextTs();
                    postedTs.put(ask.questionId(), ts);
                    Step posted = Interview.next(state, new QuestionPosted(ask.questionId(), at(ts)), now);
                    state = posted.state();
                    shown.addAll(posted.replies());
                }
            }
        }
        last = new Step(state, shown);
        return last;
    }

    /** The ts the tests write as text, as the interview reads it. */
    static MessageTs at(String ts) {
        return ts == null ? null : new MessageTs(ts);
    }

    String nextTs() {
        return (seconds++) + ".000100";
    }

    /** Answers with {@link #ANSWERS} until {@code questionId} is the current question. */
    Conversation answerUntil(String questionId) {
        int guard = 0;
        while (!questionId.equals(current())) {
            assertNotNull(current(), "the interview ended before reaching " + questionId);
            reply(ANSWERS.get(current()));
            if (++guard > 60) {
                throw new AssertionError("never reached " + questionId + "; stuck at " + current());
            }
        }
        return this;
    }

    Conversation answerToTheEnd() {
        int guard = 0;
        while (state.status() != InterviewStatus.COMPLETE) {
            reply(ANSWERS.get(current()));
            if (++guard > 60) {
                throw new AssertionError("stuck at " + current());
            }
        }
        return this;
    }

    String current() {
        return state.currentQuestionId();
    }

    String value(String questionId) {
        Answer a = state.answers().get(questionId);
        return a == null ? null : a.value();
    }

    Ask lastAsk() {
        return last.replies().stream().filter(r -> r instanceof Ask).map(r -> (Ask) r)
                .reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no question was asked: " + last.replies()));
    }

    List<String> says() {
        return last.replies().stream().filter(r -> r instanceof Say).map(r -> ((Say) r).text()).toList();
    }

    /** Everything the last step said, in one string. */
    String said() {
        return says().stream().collect(Collectors.joining("\n"));
    }

    List<String> askedIds() {
        return last.replies().stream().filter(r -> r instanceof Ask).map(r -> ((Ask) r).questionId()).toList();
    }

    void assertNothingHappened(InterviewState before) {
        assertEquals(List.of(), last.replies());
        assertEquals(before, state);
    }

    static void assertContains(String text, String expected) {
        if (text == null || !text.contains(expected)) {
            throw new AssertionError("expected to find\n  " + expected + "\nin\n  " + text);
        }
    }

    static void assertLacks(String text, String unexpected) {
        if (text != null && text.contains(unexpected)) {
            throw new AssertionError("did not expect\n  " + unexpected + "\nin\n  " + text);
        }
    }
}
