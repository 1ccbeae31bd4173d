package io.coebot.publish;

import io.coebot.actions.ActionItems;
import io.coebot.coe.Coe;
import io.coebot.interview.InterviewState;
import io.coebot.interview.Interviews;
import io.coebot.timeline.Timelines;
import io.coebot.whys.WhysSessions;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Gathers everything a COE says from each feature's store, in one read transaction, so it is one moment's COE. */
@Singleton
public class CoeDocuments {
    private final Interviews interviews;
    private final Timelines timelines;
    private final WhysSessions whys;
    private final ActionItems actions;
    private final PublishStore publications;
    private final List<CoeFigures> figures;

    public CoeDocuments(Interviews interviews, Timelines timelines, WhysSessions whys, ActionItems actions,
                        PublishStore publications, List<CoeFigures> figures) {
        this.figures = List.copyOf(figures);
        this.interviews = interviews;
        this.timelines = timelines;
        this.whys = whys;
        this.actions = actions;
        this.publications = publications;
    }

    @Transactional
    public CoeDocument of(Coe coe, Instant now) {
        InterviewState state = interviews.find(coe.id()).orElse(null);
        return new CoeDocument(coe, state == null ? Map.of() : state.answers(), state == null ? List.of() : state.skipped(),
                timelines.of(coe.id()), whys.ofCoe(coe.id()), actions.ofCoe(coe.id()),
                publications.anywayReason(coe.id()).orElse(null), now)
                .withFigures(figures.stream().flatMap(f -> f.of(coe.id()).stream()).toList());
    }
}
