package io.coebot.whys;

import jakarta.inject.Singleton;

import java.util.List;

/** How other features read a COE's 5 Whys; running a session goes through {@link WhysService}. */
@Singleton
public class WhysSessions {
    private final WhysStore store;

    WhysSessions(WhysStore store) {
        this.store = store;
    }

    /** The COE's sessions, oldest first. */
    public List<WhysSession> ofCoe(long coeId) {
        return store.ofCoe(coeId);
    }
}
