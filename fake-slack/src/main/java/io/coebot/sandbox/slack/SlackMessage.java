package io.coebot.sandbox.slack;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A snapshot of one message in {@link FakeSlack}, held in the shape Slack answers with
 * (conversations.history / chat.postMessage {@code message}). Snapshots do not change; read
 * {@link FakeSlack#message(String, String)} again after an edit.
 */
public final class SlackMessage {

    private final String channel;
    private final JsonObject json;

    SlackMessage(String channel, JsonObject json) {
        this.channel = channel;
        this.json = json.deepCopy();
    }

    public String channel() {
        return channel;
    }

    public String ts() {
        return Json.str(json, "ts");
    }

    /** Thread parent's ts for replies; the message's own ts for a parent with replies; null otherwise. */
    public String threadTs() {
        return Json.str(json, "thread_ts");
    }

    /** The author: a person's user id, or the bot user id for the app's own messages. */
    public String user() {
        return Json.str(json, "user");
    }

    public String botId() {
        return Json.str(json, "bot_id");
    }

    public boolean isFromBot() {
        return botId() != null;
    }

    /** The top-level {@code text} field (notification fallback when there are blocks). */
    public String text() {
        String t = Json.str(json, "text");
        return t == null ? "" : t;
    }

    /** Raw blocks JSON array text, or null when the message has no blocks. */
    public String blocks() {
        JsonArray b = Json.arrAt(json, "blocks");
        return b == null ? null : b.toString();
    }

    public JsonArray blocksArray() {
        JsonArray b = Json.arrAt(json, "blocks");
        return b == null ? new JsonArray() : b.deepCopy();
    }

    public boolean isEdited() {
        return json.has("edited");
    }

    /** True for a reply inside a thread (not the parent). */
    public boolean isReply() {
        String t = threadTs();
        return t != null && !t.equals(ts());
    }

    public int replyCount() {
        JsonElement e = json.get("reply_count");
        return e == null ? 0 : e.getAsInt();
    }

    /** reaction name → users who reacted, in order. */
    public Map<String, List<String>> reactions() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        JsonArray r = Json.arrAt(json, "reactions");
        if (r != null) {
            for (JsonElement e : r) {
                List<String> users = new ArrayList<>();
                Json.arrAt(e.getAsJsonObject(), "users").forEach(u -> users.add(u.getAsString()));
                out.put(Json.str(e.getAsJsonObject(), "name"), users);
            }
        }
        return out;
    }

    /** Ids of files shared with this message (files.completeUploadExternal). */
    public List<String> fileIds() {
        List<String> ids = new ArrayList<>();
        JsonArray files = Json.arrAt(json, "files");
        if (files != null) {
            files.forEach(f -> ids.add(Json.str(f.getAsJsonObject(), "id")));
        }
        return ids;
    }

    /**
     * What a person reads: {@code text} when there are no blocks, otherwise the text of every block
     * (header, section text and fields, context, rich_text, button labels, select placeholders and
     * option labels), one piece per line.
     */
    public String visibleText() {
        return BlockKitText.visibleText(Json.str(json, "text"), Json.arrAt(json, "blocks"), Json.arrAt(json, "attachments"));
    }

    public List<Button> buttons() {
        return BlockKitText.buttons(Json.arrAt(json, "blocks"));
    }

    /** The button whose label, action_id or value equals {@code labelOrActionId}; fails with the buttons present. */
    public Button button(String labelOrActionId) {
        for (Button b : buttons()) {
            if (labelOrActionId.equals(b.label()) || labelOrActionId.equals(b.actionId())) {
                return b;
            }
        }
        for (Button b : buttons()) {
            if (labelOrActionId.equals(b.value())) {
                return b;
            }
        }
        throw new AssertionError("No button \"" + labelOrActionId + "\" on message " + ts() + "; buttons: " + buttons()
                + "\n" + visibleText());
    }

    /** The interactive element with this action_id (accessory, actions element or input element), or null. */
    public JsonObject element(String actionId) {
        BlockKitText.Located l = BlockKitText.find(Json.arrAt(json, "blocks"), actionId);
        return l == null ? null : l.element().deepCopy();
    }

    /** The message as Slack serialises it (a copy). */
    public JsonObject toJson() {
        return json.deepCopy();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SlackMessage m && m.channel.equals(channel) && m.json.equals(json);
    }

    @Override
    public int hashCode() {
        return Objects.hash(channel, json);
    }

    @Override
    public String toString() {
        String who = isFromBot() ? "bot" : user();
        return channel + "/" + ts() + (isReply() ? " (in thread " + threadTs() + ")" : "") + " " + who + ": "
                + Json.truncate(visibleText(), 200) + (isEdited() ? " (edited)" : "");
    }
}
