package io.coebot.publish;

import io.coebot.interview.Answer;
import io.coebot.interview.Question;
import io.coebot.timeline.TimelineTime;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

/**
 * How an answer reads in the published COE: what people wrote for text, the meaning of a time or a button (the
 * stored value "performance_efficiency" means nothing to a reader).
 */
final class AnswerWording {

    private AnswerWording() {
    }

    /** Slack mrkdwn: typed text as stored (already escaped), times as a date token each reader sees locally. */
    static String slack(Question q, Answer a) {
        return wording(q, a, TimelineTime::slackDate);
    }

    /** Still Slack markup for typed text (the caller converts it); times as UTC stamps, the zone the COE states. */
    static String markdownSource(Question q, Answer a) {
        return wording(q, a, TimelineTime::utcStamp);
    }

    private static String wording(Question q, Answer a, Function<Instant, String> time) {
        String value = a.value();
        return switch (q.kind()) {
            case TIME, CONFIRM_TIME -> value == null ? a.text() : instant(value, time, a);
            case CHOICE, MULTI_CHOICE -> value == null || value.isBlank() ? a.text() : q.labelsOf(value);
            case YES_NO -> value == null || value.isBlank() ? a.text() : a.withRemark(q.labelsOf(value));
            // an accepted draft is stored as the value; the reply itself only says "accept"
            case SUMMARY -> value == null || value.isBlank() ? a.text() : value;
            case TEXT -> a.text().isBlank() && value != null ? value : a.text();
        };
    }

    private static String instant(String iso, Function<Instant, String> time, Answer a) {
        try {
            return time.apply(Instant.parse(iso));
        } catch (DateTimeParseException e) {
            return a.text();
        }
    }

}
