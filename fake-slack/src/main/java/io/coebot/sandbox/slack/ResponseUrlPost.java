package io.coebot.sandbox.slack;

import java.time.Instant;

/**
 * One JSON body the app POSTed to a response_url.
 *
 * @param url             the response_url
 * @param json            the raw body
 * @param text            its {@code text}, or null
 * @param responseType    {@code ephemeral} (Slack's default when absent) or {@code in_channel}
 * @param replaceOriginal {@code replace_original}
 * @param deleteOriginal  {@code delete_original}
 * @param blocks          raw blocks JSON, or null
 * @param threadTs        {@code thread_ts}, or null
 * @param at              when it arrived
 */
public record ResponseUrlPost(String url, String json, String text, String responseType, boolean replaceOriginal,
                              boolean deleteOriginal, String blocks, String threadTs, Instant at) {

    public String visibleText() {
        return BlockKitText.visibleText(text, blocks, null);
    }

    @Override
    public String toString() {
        return "response_url " + url + " (" + responseType + (replaceOriginal ? ", replace_original" : "")
                + (deleteOriginal ? ", delete_original" : "") + "): " + Json.truncate(visibleText(), 200);
    }
}
