package io.coebot.trackers;

import io.coebot.coe.CardPart;
import io.coebot.coe.Coe;
import io.coebot.coe.CoeCardContributor;
import jakarta.inject.Singleton;

import java.util.List;

/** The card's line saying where the channel's action items go, and the button that changes it. */
@Singleton
class TrackerCardPart implements CoeCardContributor {
    private final TrackerChoice choice;

    TrackerCardPart(TrackerChoice choice) {
        this.choice = choice;
    }

    @Override
    public CardPart part(Coe coe) {
        if (choice.configured().isEmpty()) {
            return new CardPart(45, null, List.of(), List.of());
        }
        return new CardPart(45, null, List.of("🔗 " + choice.describe(coe.teamId(), coe.channelId())),
                List.of(new CardPart.Button(TrackerSlack.OPEN, "Tracker", String.valueOf(coe.id()))));
    }
}
