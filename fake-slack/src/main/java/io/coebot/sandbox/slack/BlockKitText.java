package io.coebot.sandbox.slack;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads Block Kit the way a person looks at it: which words are on screen, which buttons can be
 * clicked. mrkdwn is not rendered: mentions ({@code <@U…>}), links and *bold* stay as the app wrote them.
 */
final class BlockKitText {

    private BlockKitText() {
    }

    /** A located interactive element and the id of the block that holds it. */
    record Located(JsonObject element, String blockId, String blockType) {
    }

    /**
     * The words on screen: {@code text} when there are no blocks (Slack then shows it), otherwise the
     * text of every block, one line per piece; legacy attachments follow.
     */
    static String visibleText(String text, JsonArray blocks, JsonArray attachments) {
        List<String> lines = new ArrayList<>();
        if (blocks != null && !blocks.isEmpty()) {
            renderBlocks(blocks, lines);
        } else if (text != null && !text.isEmpty()) {
            lines.add(text);
        }
        if (attachments != null) {
            for (JsonElement a : attachments) {
                if (a.isJsonObject()) {
                    renderAttachment(a.getAsJsonObject(), lines);
                }
            }
        }
        return String.join("\n", lines);
    }

    static String visibleText(String text, String blocksJson, String attachmentsJson) {
        return visibleText(text, array(blocksJson), array(attachmentsJson));
    }

    static JsonArray array(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        JsonElement e = Json.parse(json);
        return e.isJsonArray() ? e.getAsJsonArray() : null;
    }

    static void renderBlocks(JsonArray blocks, List<String> lines) {
        for (JsonElement be : blocks) {
            if (!be.isJsonObject()) {
                continue;
            }
            JsonObject b = be.getAsJsonObject();
            String type = Json.str(b, "type");
            if (type == null) {
                continue;
            }
            switch (type) {
                case "header", "markdown" -> add(lines, textOf(b.get("text")));
                case "section" -> {
                    add(lines, textOf(b.get("text")));
                    JsonArray fields = Json.arrAt(b, "fields");
                    if (fields != null) {
                        fields.forEach(f -> add(lines, textOf(f)));
                    }
                    JsonObject accessory = Json.objAt(b, "accessory");
                    if (accessory != null) {
                        renderElement(accessory, lines);
                    }
                }
                case "context" -> {
                    List<String> parts = new ArrayList<>();
                    JsonArray elements = Json.arrAt(b, "elements");
                    if (elements != null) {
                        for (JsonElement e : elements) {
                            String t = e.isJsonObject() && !"image".equals(Json.str(e.getAsJsonObject(), "type"))
                                    ? textOf(e) : null;
                            if (t != null && !t.isEmpty()) {
                                parts.add(t);
                            }
                        }
                    }
                    add(lines, String.join(" ", parts));
                }
                case "actions" -> {
                    JsonArray elements = Json.arrAt(b, "elements");
                    if (elements != null) {
                        elements.forEach(e -> {
                            if (e.isJsonObject()) {
                                renderElement(e.getAsJsonObject(), lines);
                            }
                        });
                    }
                }
                case "input" -> {
                    add(lines, textOf(b.get("label")));
                    JsonObject element = Json.objAt(b, "element");
                    if (element != null) {
                        renderElement(element, lines);
                    }
                    add(lines, textOf(b.get("hint")));
                }
                case "rich_text" -> renderRichText(Json.arrAt(b, "elements"), lines);
                case "image", "video" -> add(lines, textOf(b.get("title")));
                default -> {
                    // divider, file and unknown blocks show no words
                }
            }
        }
    }

    private static void renderAttachment(JsonObject a, List<String> lines) {
        add(lines, Json.str(a, "pretext"));
        add(lines, Json.str(a, "title"));
        add(lines, Json.str(a, "text"));
        JsonArray fields = Json.arrAt(a, "fields");
        if (fields != null) {
            for (JsonElement f : fields) {
                if (f.isJsonObject()) {
                    add(lines, Json.str(f.getAsJsonObject(), "title"));
                    add(lines, Json.str(f.getAsJsonObject(), "value"));
                }
            }
        }
        JsonArray blocks = Json.arrAt(a, "blocks");
        if (blocks != null) {
            renderBlocks(blocks, lines);
        }
        add(lines, Json.str(a, "footer"));
    }

    private static void renderElement(JsonObject e, List<String> lines) {
        String type = Json.str(e, "type");
        if (type == null) {
            return;
        }
        switch (type) {
            case "button", "workflow_button" -> add(lines, textOf(e.get("text")));
            case "datepicker" -> add(lines, firstNonBlank(Json.str(e, "initial_date"), textOf(e.get("placeholder"))));
            case "timepicker" -> add(lines, firstNonBlank(Json.str(e, "initial_time"), textOf(e.get("placeholder"))));
            case "plain_text_input", "email_text_input", "url_text_input", "number_input" ->
                    add(lines, firstNonBlank(Json.str(e, "initial_value"), textOf(e.get("placeholder"))));
            case "image" -> {
                // an image shows no words
            }
            default -> {
                // selects, overflow menus, checkboxes, radio buttons
                add(lines, textOf(e.get("placeholder")));
                JsonObject initial = Json.objAt(e, "initial_option");
                if (initial != null) {
                    add(lines, textOf(initial.get("text")));
                }
                optionLabels(e, "initial_options", lines);
                optionLabels(e, "options", lines);
                JsonArray groups = Json.arrAt(e, "option_groups");
                if (groups != null) {
                    for (JsonElement g : groups) {
                        if (g.isJsonObject()) {
                            add(lines, textOf(g.getAsJsonObject().get("label")));
                            optionLabels(g.getAsJsonObject(), "options", lines);
                        }
                    }
                }
            }
        }
    }

    private static void optionLabels(JsonObject holder, String key, List<String> lines) {
        JsonArray options = Json.arrAt(holder, key);
        if (options == null) {
            return;
        }
        for (JsonElement o : options) {
            if (o.isJsonObject()) {
                add(lines, textOf(o.getAsJsonObject().get("text")));
            }
        }
    }

    private static void renderRichText(JsonArray elements, List<String> lines) {
        if (elements == null) {
            return;
        }
        for (JsonElement ee : elements) {
            if (!ee.isJsonObject()) {
                continue;
            }
            JsonObject e = ee.getAsJsonObject();
            String type = String.valueOf(Json.str(e, "type"));
            if (type.equals("rich_text_list")) {
                boolean ordered = "ordered".equals(Json.str(e, "style"));
                JsonArray items = Json.arrAt(e, "elements");
                int n = 1;
                if (items != null) {
                    for (JsonElement item : items) {
                        String inline = item.isJsonObject() ? inline(Json.arrAt(item.getAsJsonObject(), "elements")) : "";
                        add(lines, (ordered ? (n++) + ". " : "• ") + inline);
                    }
                }
            } else {
                // rich_text_section, rich_text_quote, rich_text_preformatted: one paragraph each
                for (String line : inline(Json.arrAt(e, "elements")).split("\n", -1)) {
                    add(lines, line);
                }
            }
        }
    }

    private static String inline(JsonArray elements) {
        if (elements == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (JsonElement ee : elements) {
            if (!ee.isJsonObject()) {
                continue;
            }
            JsonObject e = ee.getAsJsonObject();
            switch (String.valueOf(Json.str(e, "type"))) {
                case "text" -> sb.append(nullToEmpty(Json.str(e, "text")));
                case "link" -> sb.append(firstNonBlank(Json.str(e, "text"), Json.str(e, "url")));
                case "emoji" -> sb.append(':').append(Json.str(e, "name")).append(':');
                case "user" -> sb.append("<@").append(Json.str(e, "user_id")).append('>');
                case "channel" -> sb.append("<#").append(Json.str(e, "channel_id")).append('>');
                case "usergroup" -> sb.append("<!subteam^").append(Json.str(e, "usergroup_id")).append('>');
                case "broadcast" -> sb.append('@').append(Json.str(e, "range"));
                case "date" -> sb.append(firstNonBlank(Json.str(e, "fallback"), Json.str(e, "format")));
                default -> sb.append(nullToEmpty(Json.str(e, "text")));
            }
        }
        return sb.toString();
    }

    /** Text of a composition text object (or a plain string). */
    static String textOf(JsonElement e) {
        if (e == null || e.isJsonNull()) {
            return null;
        }
        if (e.isJsonPrimitive()) {
            return e.getAsString();
        }
        if (e.isJsonObject()) {
            return Json.str(e.getAsJsonObject(), "text");
        }
        return null;
    }

    /** Buttons in section accessories and actions blocks, in reading order. */
    static List<Button> buttons(JsonArray blocks) {
        List<Button> buttons = new ArrayList<>();
        for (Located l : interactiveElements(blocks)) {
            String type = Json.str(l.element(), "type");
            if ("button".equals(type)) {
                buttons.add(new Button(Json.str(l.element(), "action_id"), Json.str(l.element(), "value"),
                        textOf(l.element().get("text")), l.blockId()));
            }
        }
        return buttons;
    }

    /** Every element a person can act on: section accessories, actions elements, input elements. */
    static List<Located> interactiveElements(JsonArray blocks) {
        List<Located> out = new ArrayList<>();
        if (blocks == null) {
            return out;
        }
        for (JsonElement be : blocks) {
            if (!be.isJsonObject()) {
                continue;
            }
            JsonObject b = be.getAsJsonObject();
            String blockId = Json.str(b, "block_id");
            String type = Json.str(b, "type");
            JsonObject accessory = Json.objAt(b, "accessory");
            if (accessory != null) {
                out.add(new Located(accessory, blockId, type));
            }
            JsonObject element = Json.objAt(b, "element");
            if (element != null) {
                out.add(new Located(element, blockId, type));
            }
            if ("actions".equals(type)) {
                JsonArray elements = Json.arrAt(b, "elements");
                if (elements != null) {
                    elements.forEach(e -> {
                        if (e.isJsonObject()) {
                            out.add(new Located(e.getAsJsonObject(), blockId, type));
                        }
                    });
                }
            }
        }
        return out;
    }

    static Located find(JsonArray blocks, String actionId) {
        for (Located l : interactiveElements(blocks)) {
            if (actionId.equals(Json.str(l.element(), "action_id"))) {
                return l;
            }
        }
        return null;
    }

    private static void add(List<String> lines, String s) {
        if (s != null && !s.isBlank()) {
            lines.add(s);
        }
    }

    private static String firstNonBlank(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
