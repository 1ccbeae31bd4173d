package io.coebot.interview;

import io.coebot.coe.CardPart;
import io.coebot.coe.Coe;
import io.coebot.coe.CoeCardContributor;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;

/** The interview's part of the COE card: where it stands, progress per section, Pause/Resume. */
@Singleton
class InterviewCardPart implements CoeCardContributor {
    private final InterviewStore store;

    public InterviewCardPart(InterviewStore store) {
        this.store = store;
    }

    @Override
    public CardPart part(Coe coe) {
        var found = store.find(coe.id());
        if (found.isEmpty()) {
            return new CardPart(10, "Starting the interview", List.of(), List.of());
        }
        InterviewState state = found.get();
        List<String> lines = new ArrayList<>();
        for (SectionProgress p : InterviewProgress.of(state)) {
            String mark = p.done() ? "✅" : p.skipped() > 0 && p.answered() + p.skipped() >= p.applicable() ? "⏭️" : "▫️";
            String counts = p.answered() + "/" + p.applicable() + (p.skipped() > 0 ? ", " + p.skipped() + " skipped" : "");
            lines.add(mark + " " + p.section().title() + " (" + counts + ")");
        }
        String value = String.valueOf(coe.id());
        return switch (state.status()) {
            case PAUSED -> new CardPart(10, "Interview paused", lines,
                    List.of(new CardPart.Button(InterviewMessages.RESUME, "Resume interview", value)));
            case COMPLETE -> new CardPart(10, "Interview complete", lines, List.of());
            default -> new CardPart(10, "Interview: " + Questions.byId(state.currentQuestionId()).section().title(), lines,
                    List.of(new CardPart.Button(InterviewMessages.PAUSE, "Pause interview", value)));
        };
    }
}
