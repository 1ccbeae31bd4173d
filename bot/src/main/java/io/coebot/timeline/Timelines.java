package io.coebot.timeline;

import io.coebot.interview.Answer;
import io.coebot.interview.Interviews;
import io.coebot.interview.Questions;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * Reads a COE's timeline as it stands, with the interview's milestone times. Kept apart from
 * {@link TimelineService} because the COE card reads it too, and the card is what the service refreshes.
 */
@Singleton
public class Timelines {
    private final TimelineStore store;
    private final Interviews interviews;
    private final TimelineSettings settings;

    public Timelines(TimelineStore store, Interviews interviews, TimelineSettings settings) {
        this.store = store;
        this.interviews = interviews;
        this.settings = settings;
    }

    public Timeline of(long coeId) {
        return new Timeline(store.entries(coeId), interviewMilestones(coeId), settings.gapThreshold(),
                store.gapExplanations(coeId));
    }

    /** The milestone times the interview's answers give (the interview does not ask when the cause was found). */
    public Map<Milestone, Instant> interviewMilestones(long coeId) {
        Map<Milestone, Instant> times = new EnumMap<>(Milestone.class);
        interviews.find(coeId).ifPresent(s -> {
            put(times, Milestone.TRIGGER, s.answers().get(Questions.TRIGGER_AT));
            put(times, Milestone.DETECTED, s.answers().get(Questions.DETECTED_AT));
            put(times, Milestone.MITIGATED, s.answers().get(Questions.MITIGATED_AT));
            put(times, Milestone.RESOLVED, s.answers().get(Questions.RESOLVED_AT));
        });
        return times;
    }

    private static void put(Map<Milestone, Instant> times, Milestone m, Answer a) {
        if (a != null) {
            // a time the interview could not read is no milestone
            a.instant().ifPresent(t -> times.put(m, t));
        }
    }
}
