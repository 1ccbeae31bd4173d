package io.coebot.publish;

import io.coebot.interview.Answer;
import io.coebot.interview.Question;
import io.coebot.slack.EchoedText;
import io.coebot.timeline.TimelineTime;

import java.time.Instant;
import java.util.function.Function;

/**
 * How an answer reads in the published COE: what people wrote for text, the meaning of a time or a button (the
 * stored value "performance_efficiency" means nothing to a reader).
 */
final class AnswerWording {

    private AnswerWording() {
    }

    /**
     * Slack mrkdwn: typed text as stored (already escaped) and echoed by {@link EchoedText}, times as a date token
     * each reader sees locally (the bot's own token, so it is not echoed).
     */
    static String slack(Question q, Answer a) {
        return wording(q, a, TimelineTime::slackDate, EchoedText::mrkdwn);
    }

    /** Still Slack markup for typed text (the caller converts it); times as UTC stamps, the zone the COE states. */
    static String markdownSource(Question q, Answer a) {
        return wording(q, a, TimelineTime::utcStamp, Function.identity());
    }

    private static String wording(Question q, Answer a, Function<Instant, String> time, Function<String, String> typed) {
        String value = a.value();
        return switch (q.kind()) {
            // a value that is no instant (there is none, or it is unreadable) shows what people typed
            case TIME, CONFIRM_TIME -> a.instant().map(time).orElseGet(() -> typed.apply(a.text()));
            case CHOICE, MULTI_CHOICE -> a.choices().isEmpty() ? typed.apply(a.text()) : q.labelsOf(a.choices());
            // the remark beside a yes or no is what people typed
            case YES_NO -> a.choices().isEmpty() ? typed.apply(a.text()) : typed.apply(a.withRemark(q.labelsOf(a.choices())));
            // an accepted draft is stored as the value; the reply itself only says "accept"
            case SUMMARY -> typed.apply(value == null || value.isBlank() ? a.text() : value);
            case TEXT -> typed.apply(a.text().isBlank() && value != null ? value : a.text());
        };
    }

}
