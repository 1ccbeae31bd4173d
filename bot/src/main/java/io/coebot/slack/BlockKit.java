package io.coebot.slack;

import com.google.gson.Gson;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.util.json.GsonFactory;

import java.util.ArrayList;
import java.util.List;

/** Block Kit as Slack wants it on the wire, and how long text is laid out in it (people's text: {@link EchoedText}). */
public final class BlockKit {
    private static final Gson GSON = GsonFactory.createSnakeCase();
    /** Slack refuses section text over 3,000 characters. */
    public static final int SECTION_TEXT_MAX = 3000;
    /** Slack refuses a message whose text is over 40,000 characters ({@code msg_too_long}). */
    public static final int MESSAGE_TEXT_MAX = 40_000;

    private BlockKit() {}

    public static String json(List<LayoutBlock> blocks) {
        return GSON.toJson(blocks);
    }

    /** A modal form of ours: its callback, title, submit label, what it carries back (private metadata) and blocks. */
    public static com.slack.api.model.view.View modal(String callbackId, String title, String submit, String meta,
                                                      List<LayoutBlock> blocks) {
        return com.slack.api.model.view.Views.view(m -> m.type("modal").callbackId(callbackId).privateMetadata(meta)
                .title(com.slack.api.model.view.Views.viewTitle(t -> t.type("plain_text").text(title)))
                .submit(com.slack.api.model.view.Views.viewSubmit(s -> s.type("plain_text").text(submit)))
                .close(com.slack.api.model.view.Views.viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(blocks));
    }

    /** A link to a message that works for everyone in the workspace. */
    public static String permalink(String teamDomain, String channelId, String ts) {
        String host = teamDomain == null || teamDomain.isBlank() ? "app.slack.com" : teamDomain + ".slack.com";
        return "https://" + host + "/archives/" + channelId + "/p" + ts.replace(".", "");
    }

    /**
     * The start of a text that is kept whole elsewhere, cut to at most {@code max} characters and saying where the
     * rest is ({@code continued}, e.g. "in the thread"), so a reader knows it goes on. Never splits an emoji.
     */
    public static String cut(String text, int max, String continued) {
        if (text == null || text.length() <= max) {
            return text;
        }
        String tail = "…\n_(continued " + continued + ")_";
        int at = Math.max(0, max - tail.length());
        if (at > 0 && Character.isHighSurrogate(text.charAt(at - 1))) {
            at--;
        }
        return text.substring(0, at) + tail;
    }

    /**
     * Long text split into section-sized pieces, at a line break or else a space when one is near, never cut
     * off: what people wrote is shown whole. Empty text is one blank section (Slack refuses an empty one).
     */
    public static List<String> chunks(String text) {
        List<String> out = new ArrayList<>();
        String rest = text == null || text.isEmpty() ? " " : text;
        int max = SECTION_TEXT_MAX;
        while (rest.length() > max) {
            int cut = rest.lastIndexOf('\n', max);
            if (cut < max / 2) cut = rest.lastIndexOf(' ', max);
            if (cut < max / 2) cut = Character.isHighSurrogate(rest.charAt(max - 1)) ? max - 1 : max;
            out.add(rest.substring(0, cut));
            rest = rest.substring(cut).stripLeading();
        }
        out.add(rest);
        return out;
    }
}
