package io.coebot.review;

import io.coebot.coe.Coe;
import io.coebot.interview.Answer;
import io.coebot.interview.InterviewState;
import io.coebot.interview.Interviews;
import io.coebot.interview.Questions;
import io.coebot.slack.UserZones;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * When each COE is due: the date its owner set with `/coe deadline`, or else the one its severity gives
 * ({@link DeadlinePolicy}), on the owner's calendar. Read, never stored, so answering the severity later moves it.
 */
@Singleton
public class Deadlines {
    private final ReviewStore store;
    private final Interviews interviews;
    private final UserZones people;
    private final DeadlinePolicy policy;

    Deadlines(ReviewStore store, Interviews interviews, UserZones people,
              @Value("${coe.deadline.sev1:P5D}") String sev1, @Value("${coe.deadline.sev2:P7D}") String sev2,
              @Value("${coe.deadline.sev3:P14D}") String sev3, @Value("${coe.deadline.sev4:P14D}") String sev4) {
        this.store = store;
        this.interviews = interviews;
        this.people = people;
        this.policy = DeadlinePolicy.of(sev1, sev2, sev3, sev4);
    }

    LocalDate dueOn(Coe coe, ReviewStore.Row row) {
        if (row.dueOn() != null) {
            return row.dueOn();
        }
        String severity = interviews.find(coe.id()).map(InterviewState::answers).map(a -> a.get(Questions.SEVERITY))
                .map(Answer::value).orElse(null);
        return policy.dueOn(coe.createdAt(), ownerZone(coe), severity);
    }

    public LocalDate dueOn(Coe coe) {
        return dueOn(coe, store.row(coe.id()).orElse(ReviewStore.Row.none(coe.id())));
    }

    /**
     * The owner's zone as last learned (UTC if never): due dates are drawn on cards inside transactions, where
     * Slack must not be asked. `/coe start`, the owner's replies and the daily reminder run keep it learned.
     */
    public ZoneId ownerZone(Coe coe) {
        return people.knownZone(coe.teamId(), coe.ownerUserId());
    }
}
