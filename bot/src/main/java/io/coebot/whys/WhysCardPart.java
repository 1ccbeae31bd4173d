package io.coebot.whys;

import io.coebot.coe.CardPart;
import io.coebot.coe.Coe;
import io.coebot.coe.CoeCardContributor;
import jakarta.inject.Singleton;

import java.util.List;

/** The 5 Whys' line on the COE card, and the button that starts a session. */
@Singleton
class WhysCardPart implements CoeCardContributor {
    private final WhysStore store;

    public WhysCardPart(WhysStore store) {
        this.store = store;
    }

    @Override
    public CardPart part(Coe coe) {
        List<WhysSession> sessions = store.ofCoe(coe.id());
        List<CardPart.Button> start = List.of(new CardPart.Button(WhysMessages.START, "Start 5 Whys", String.valueOf(coe.id())));
        if (sessions.isEmpty()) {
            return new CardPart(30, null, List.of("▫️ 5 Whys (not started)"), start);
        }
        long complete = sessions.stream().filter(s -> s.state().finished()).count();
        long roots = sessions.stream().mapToLong(s -> s.state().tree().rootCauses().size()).sum();
        String mark = complete == sessions.size() ? "✅" : "▫️";
        String line = mark + " 5 Whys (" + complete + "/" + sessions.size() + " complete, " + roots + " root cause"
                + (roots == 1 ? "" : "s") + ")";
        return new CardPart(30, null, List.of(line), start);
    }
}
