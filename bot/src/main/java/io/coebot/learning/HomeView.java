package io.coebot.learning;

import com.google.gson.JsonObject;
import com.slack.api.model.block.LayoutBlock;
import io.coebot.actions.ActionItem;
import io.coebot.actions.ActionMessages;
import io.coebot.actions.Dueness;
import io.coebot.slack.BlockKit;
import io.coebot.slack.EchoedText;
import io.coebot.slack.SlackDate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

/**
 * A person's Home: their action items, their COEs (to finish, to review), and the workspace's open and recently
 * published COEs. However many there are, it stays within Slack's 100 blocks a view: each list shows a page and
 * *More* shows the next one (incident-bot's Home broke on exactly this).
 */
final class HomeView {
    static final int MAX_BLOCKS = 100;
    static final String MORE = "learning_home_more";
    /** Items take two blocks each (the line and its buttons). */
    static final int ITEMS = 8;
    static final int MINE = 12;
    static final int OPEN = 12;
    static final int PUBLISHED = 8;

    /** Which page of each list is shown. */
    record Pages(int items, int open, int published) {
        static final Pages FIRST = new Pages(0, 0, 0);
    }

    record Data(VisiblePage<ActionItem> items, List<HomeCoe> mine, VisiblePage<HomeCoe> open, VisiblePage<HomeCoe> published, LocalDate today,
                Pages pages) {}

    private HomeView() {
    }

    static List<LayoutBlock> blocks(Data d) {
        List<LayoutBlock> b = new ArrayList<>();
        b.add(header(h -> h.text(plainText("Your COE work"))));
        b.add(context(c -> c.elements(List.of(markdownText("`/coe search <words>` finds any COE by what it says · "
                + "`/coe help` lists every command")))));

        b.add(divider());
        b.add(section(s -> s.text(markdownText("*My action items*"))));
        if (d.items().shown().isEmpty()) {
            b.add(context(c -> c.elements(List.of(markdownText(d.pages().items() == 0
                    ? "You have no open action items. 🎉" : "No more open action items.")))));
        }
        for (ActionItem item : d.items().shown()) {
            b.addAll(ActionMessages.itemBlocks(item, d.today(), false));
        }
        if (d.items().more() || d.pages().items() > 0) {
            b.add(more(d.pages(), "items", d.items().more(), d.items().next()));
        }

        b.add(divider());
        b.add(section(s -> s.text(markdownText("*My COEs*"))));
        if (d.mine().isEmpty()) {
            b.add(context(c -> c.elements(List.of(markdownText("No COE of yours is waiting to be finished or reviewed.")))));
        }
        for (HomeCoe coe : d.mine().subList(0, Math.min(MINE, d.mine().size()))) {
            b.add(section(s -> s.text(markdownText(mineLine(coe, d.today())))));
        }
        if (d.mine().size() > MINE) {
            int rest = d.mine().size() - MINE;
            b.add(context(c -> c.elements(List.of(markdownText("…and " + rest + " more: your daily digest lists them all.")))));
        }

        b.add(divider());
        b.add(section(s -> s.text(markdownText("*This workspace: open COEs*, most recently active first"))));
        if (d.open().shown().isEmpty()) {
            b.add(context(c -> c.elements(List.of(markdownText(d.pages().open() == 0 ? "No open COEs." : "No more open COEs.")))));
        }
        for (HomeCoe coe : d.open().shown()) {
            b.add(section(s -> s.text(markdownText(workspaceLine(coe)))));
        }
        if (d.open().more() || d.pages().open() > 0) {
            b.add(more(d.pages(), "open", d.open().more(), d.open().next()));
        }

        b.add(divider());
        b.add(section(s -> s.text(markdownText("*This workspace: recently published*"))));
        if (d.published().shown().isEmpty()) {
            b.add(context(c -> c.elements(List.of(markdownText(d.pages().published() == 0
                    ? "No COE has been published yet." : "No more published COEs.")))));
        }
        for (HomeCoe coe : d.published().shown()) {
            b.add(section(s -> s.text(markdownText(workspaceLine(coe)))));
        }
        if (d.published().more() || d.pages().published() > 0) {
            b.add(more(d.pages(), "published", d.published().more(), d.published().next()));
        }
        if (b.size() > MAX_BLOCKS) {
            // the page sizes keep it far below; this only guards a mistake in them
            b = new ArrayList<>(b.subList(0, MAX_BLOCKS));
        }
        return b;
    }

    /** *More* (the next page of that list) and *Back to the first page* once paged. */
    private static LayoutBlock more(Pages pages, String list, boolean hasMore, int nextOffset) {
        List<com.slack.api.model.block.element.BlockElement> buttons = new ArrayList<>();
        if (hasMore) {
            buttons.add(button(x -> x.actionId(MORE).text(plainText("More")).value(value(pages, list, nextOffset))));
        }
        int at = list.equals("items") ? pages.items() : list.equals("open") ? pages.open() : pages.published();
        if (at > 0) {
            buttons.add(button(x -> x.actionId(MORE + "_first").text(plainText("First page")).value(value(pages, list, 0))));
        }
        return actions(a -> a.blockId("home-more-" + list).elements(buttons));
    }

    private static String value(Pages pages, String list, int offset) {
        JsonObject v = new JsonObject();
        v.addProperty("items", list.equals("items") ? offset : pages.items());
        v.addProperty("open", list.equals("open") ? offset : pages.open());
        v.addProperty("published", list.equals("published") ? offset : pages.published());
        return v.toString();
    }

    static String mineLine(HomeCoe coe, LocalDate today) {
        String why = "review".equals(coe.mine()) ? "waiting for your review" : "yours to finish";
        String due = coe.due() == null ? "" : " · " + Dueness.words(coe.due(), Dueness.Reader.on(today));
        return name(coe) + " · " + coe.status() + due + " · " + why;
    }

    static String workspaceLine(HomeCoe coe) {
        return name(coe) + " in <#" + coe.channelId() + "> · " + coe.status() + " · last active "
                + SlackDate.token(coe.activeAt());
    }

    /** The COE's name, linked to its card when it has one. */
    static String name(HomeCoe coe) {
        String name = "COE-" + coe.number() + " · " + EchoedText.mrkdwn(BlockKit.cut(coe.title(), 150, ""));
        return coe.cardTs() == null ? "*" + name + "*"
                : "*<" + BlockKit.permalink(null, coe.channelId(), coe.cardTs()) + "|" + name.replace("|", "¦") + ">*";
    }
}
