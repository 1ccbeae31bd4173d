package io.coebot.publish;

import io.coebot.coe.CardPart;
import io.coebot.coe.Coe;
import io.coebot.coe.CoeCardContributor;
import io.coebot.slack.BlockKit;
import jakarta.inject.Singleton;

import java.util.List;

/** Once published, the card says so and links to the published COE (its first message), so people find it. */
@Singleton
class PublishedCardPart implements CoeCardContributor {
    private final PublishStore store;

    PublishedCardPart(PublishStore store) {
        this.store = store;
    }

    @Override
    public CardPart part(Coe coe) {
        if (coe.status() != Coe.Status.PUBLISHED) {
            return new CardPart(90, null, List.of(), List.of());
        }
        String line = store.firstPartTs(coe.id())
                .map(ts -> "📘 *Published:* <" + BlockKit.permalink(null, coe.channelId(), ts) + "|read the COE>")
                .orElse("📘 *Published* (being posted in the channel)");
        return new CardPart(90, null, List.of(line), List.of());
    }
}
