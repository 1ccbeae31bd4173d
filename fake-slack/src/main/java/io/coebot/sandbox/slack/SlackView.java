package io.coebot.sandbox.slack;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A modal or App Home view the app opened, pushed, updated or published, in its current state.
 *
 * @param id         "V…"
 * @param type       {@code modal} or {@code home}
 * @param callbackId the app's callback_id, or "" when none
 * @param userId     who sees it (from the trigger_id or views.publish {@code user_id}); null if unknown
 * @param json       the view as Slack returns it (id, hash, state, app fields)
 * @param open       false once submitted without errors, closed, or cleared
 * @param errors     block_id → message from the last {@code response_action: errors}
 * @param lastMethod the method or action that last changed it
 * @param at         when it last changed
 */
public record SlackView(String id, String type, String callbackId, String userId, JsonObject json, boolean open,
                        Map<String, String> errors, String lastMethod, Instant at) {

    public String hash() {
        return Json.str(json, "hash");
    }

    public String privateMetadata() {
        return Json.str(json, "private_metadata");
    }

    public String externalId() {
        return Json.str(json, "external_id");
    }

    public String title() {
        return BlockKitText.textOf(json.get("title"));
    }

    public JsonArray blocks() {
        JsonArray b = Json.arrAt(json, "blocks");
        return b == null ? new JsonArray() : b.deepCopy();
    }

    /** Title, then every block's text (labels, placeholders, buttons…), one per line. */
    public String visibleText() {
        String body = BlockKitText.visibleText(null, Json.arrAt(json, "blocks"), null);
        String title = title();
        return title == null ? body : body.isEmpty() ? title : title + "\n" + body;
    }

    public List<Button> buttons() {
        return BlockKitText.buttons(Json.arrAt(json, "blocks"));
    }

    /** The input/interactive element with this action_id, or null. */
    public JsonObject element(String actionId) {
        BlockKitText.Located l = BlockKitText.find(Json.arrAt(json, "blocks"), actionId);
        return l == null ? null : l.element().deepCopy();
    }

    @Override
    public String toString() {
        return type + " view " + id + " callback_id=" + callbackId + " for " + userId + (open ? "" : " (closed)")
                + (errors.isEmpty() ? "" : " errors=" + errors) + ": " + Json.truncate(visibleText(), 200);
    }
}
