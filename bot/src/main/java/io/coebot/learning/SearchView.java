package io.coebot.learning;

import com.google.gson.JsonObject;
import com.slack.api.model.block.LayoutBlock;
import io.coebot.slack.BlockKit;
import io.coebot.slack.EchoedText;
import io.coebot.slack.SlackDate;

import java.util.ArrayList;
import java.util.List;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

/** The answer to `/coe search`: one section per COE found, with the passage that matched, and *More*. */
final class SearchView {
    static final String MORE = "learning_search_more";
    static final int PAGE = 10;
    /** Hits read at once: a few more than a page, for those in channels the person is not in. */
    static final int BATCH = 30;
    private static final int SNIPPET_MAX = 600;

    private SearchView() {
    }

    static List<LayoutBlock> said(String text) {
        return List.of(section(s -> s.text(markdownText(text))));
    }

    static List<LayoutBlock> page(String text, String teamDomain, VisiblePage<SearchHit> results, int from) {
        List<LayoutBlock> blocks = new ArrayList<>();
        String asked = EchoedText.mrkdwn(BlockKit.cut(text, 200, ""));
        if (results.shown().isEmpty()) {
            blocks.add(section(s -> s.text(markdownText(from == 0
                    ? "No COE matches `" + asked + "`. Try fewer or other words, or fewer filters."
                    : "No more COEs match `" + asked + "`."))));
            return blocks;
        }
        int first = from == 0 ? 1 : -1;
        blocks.add(context(c -> c.elements(List.of(markdownText("COEs matching `" + asked + "`"
                + (first == 1 ? ", best first" : ", continued") + ":")))));
        for (SearchHit hit : results.shown()) {
            blocks.add(section(s -> s.text(markdownText(line(hit, teamDomain)))));
        }
        if (results.next() >= 0) {
            JsonObject value = new JsonObject();
            value.addProperty("q", BlockKit.cut(text, 1500, ""));
            value.addProperty("at", results.next());
            value.addProperty("domain", teamDomain == null ? "" : teamDomain);
            blocks.add(actions(a -> a.elements(List.of(button(b -> b.actionId(MORE).text(plainText("More"))
                    .value(value.toString()))))));
        }
        return blocks;
    }

    /** "*COE-12 · Checkout 500s* · SEV2 · Published · opened …" and the passage that matched, quoted. */
    static String line(SearchHit hit, String teamDomain) {
        String name = "COE-" + hit.number() + " · " + EchoedText.mrkdwn(BlockKit.cut(hit.title(), 150, ""));
        String link = hit.cardTs() == null ? "*" + name + "* in <#" + hit.channelId() + ">"
                : "*<" + BlockKit.permalink(teamDomain, hit.channelId(), hit.cardTs()) + "|" + name.replace("|", "¦") + ">*";
        StringBuilder out = new StringBuilder(link);
        if (hit.severity() != null) {
            out.append(" · ").append(hit.severity());
        }
        out.append(" · ").append(hit.published() ? "Published" : "Open");
        out.append(" · <@").append(hit.ownerUserId()).append(">");
        out.append(" · opened ").append(SlackDate.token(hit.openedAt()));
        String snippet = snippet(hit.snippet());
        if (!snippet.isBlank()) {
            out.append("\n>").append(snippet);
        }
        return out.toString();
    }

    /** The matched passage made safe to repeat, on one line, its matched words in bold. */
    static String snippet(String raw) {
        if (raw == null) {
            return "";
        }
        String s = EchoedText.mrkdwn(raw.replaceAll("\\s+", " ").trim());
        s = dropDanglingMarkup(s);
        s = BlockKit.cut(s, SNIPPET_MAX, "");
        return s.replace("*", "").replace(SearchSql.START, "*").replace(SearchSql.STOP, "*");
    }

    /** A passage cut out of a longer text may start or end inside a mention or link: that half is left out. */
    private static String dropDanglingMarkup(String s) {
        int open = s.lastIndexOf('<');
        if (open >= 0 && s.indexOf('>', open) < 0) {
            s = s.substring(0, open);
        }
        int close = s.indexOf('>');
        int firstOpen = s.indexOf('<');
        if (close >= 0 && (firstOpen < 0 || close < firstOpen)) {
            s = s.substring(close + 1);
        }
        return s;
    }
}
