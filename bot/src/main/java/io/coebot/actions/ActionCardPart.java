package io.coebot.actions;

import io.coebot.coe.CardPart;
import io.coebot.coe.Coe;
import io.coebot.coe.CoeCardContributor;
import jakarta.inject.Singleton;

import java.util.List;

/** The action items' line on the COE card, and the button that adds one. */
@Singleton
class ActionCardPart implements CoeCardContributor {
    private final ActionStore store;
    private final RemediationDrafts drafts;

    public ActionCardPart(ActionStore store, RemediationDrafts drafts) {
        this.store = store;
        this.drafts = drafts;
    }

    @Override
    public CardPart part(Coe coe) {
        List<ActionItem> items = store.ofCoe(coe.id());
        long open = items.stream().filter(ActionItem::isOpen).count();
        long waiting = drafts.open(coe.id(), items).size();
        String line;
        if (items.isEmpty()) {
            line = "▫️ Action items (none yet" + (waiting == 0 ? ")" : "; " + waiting + " draft" + (waiting == 1 ? "" : "s")
                    + " from the 5 Whys)");
        } else {
            line = (open == 0 && waiting == 0 ? "✅" : "▫️") + " Action items (" + open + " open, " + (items.size() - open)
                    + " closed" + (waiting == 0 ? "" : ", " + waiting + " draft" + (waiting == 1 ? "" : "s") + " to complete") + ")";
        }
        return new CardPart(40, null, List.of(line),
                List.of(new CardPart.Button(ActionMessages.ADD, "Add action item", String.valueOf(coe.id()))));
    }
}
