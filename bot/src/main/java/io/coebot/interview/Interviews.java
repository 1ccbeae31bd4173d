package io.coebot.interview;

import jakarta.inject.Singleton;

import java.util.Optional;

/** How other features read a COE's interview; answering it goes through {@link InterviewService}. */
@Singleton
public class Interviews {
    private final InterviewStore store;

    Interviews(InterviewStore store) {
        this.store = store;
    }

    /** The interview as it stands; empty until the COE's card is posted and the interview starts. */
    public Optional<InterviewState> find(long coeId) {
        return store.find(coeId);
    }
}
