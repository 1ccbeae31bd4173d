package io.coebot.sandbox.slack;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.util.ArrayList;
import java.util.List;

/**
 * The Block Kit limits Slack documents and enforces with {@code invalid_blocks} (messages: chat.postMessage,
 * chat.update, chat.postEphemeral, response_url posts, command answers) or {@code invalid_arguments} (views:
 * views.open, update, push, publish, response_action), so an app that would be refused by Slack is refused by the
 * fake too: 50 blocks a message, 100 a view; header 150, section 3,000 (fields 10 of 2,000), button text 75 and
 * value 2,000, option text 75 and value 150, placeholder 150, input label and hint 2,000, 25 actions, 10 context
 * elements, ids 255, modal title/submit/close 24, private_metadata 3,000. Views answer {@code invalid_arguments},
 * as Slack's views methods do, not {@code invalid_blocks}. Messages are phrased like Slack's:
 * {@code [ERROR] … [json-pointer:/blocks/0/text/text]}.
 */
final class BlockKitLimits {

    private BlockKitLimits() {
    }

    static List<String> checkMessageBlocks(JsonArray blocks) {
        List<String> errors = new ArrayList<>();
        if (blocks.size() > 50) {
            errors.add("[ERROR] no more than 50 items allowed [json-pointer:/blocks]");
        }
        checkBlocks(blocks, "/blocks", errors);
        return errors;
    }

    static List<String> checkView(JsonObject view, String expectedType) {
        List<String> errors = new ArrayList<>();
        String type = Json.str(view, "type");
        if (!expectedType.equals(type)) {
            errors.add("[ERROR] must be '" + expectedType + "' [json-pointer:/view/type]");
        }
        if (type != null && type.equals("modal")) {
            String title = BlockKitText.textOf(view.get("title"));
            if (title == null || title.isEmpty()) {
                errors.add("[ERROR] missing required field: title [json-pointer:/view]");
            } else if (title.length() > 24) {
                errors.add("[ERROR] must be less than 25 characters [json-pointer:/view/title/text]");
            }
            maxLength(BlockKitText.textOf(view.get("submit")), 24, "/view/submit/text", errors);
            maxLength(BlockKitText.textOf(view.get("close")), 24, "/view/close/text", errors);
        }
        maxLength(Json.str(view, "callback_id"), 255, "/view/callback_id", errors);
        maxLength(Json.str(view, "private_metadata"), 3000, "/view/private_metadata", errors);
        maxLength(Json.str(view, "external_id"), 255, "/view/external_id", errors);
        JsonArray blocks = Json.arrAt(view, "blocks");
        if (blocks == null) {
            errors.add("[ERROR] missing required field: blocks [json-pointer:/view]");
            return errors;
        }
        if (blocks.size() > 100) {
            errors.add("[ERROR] no more than 100 items allowed [json-pointer:/view/blocks]");
        }
        boolean hasInput = false;
        for (JsonElement b : blocks) {
            hasInput |= b.isJsonObject() && "input".equals(Json.str(b.getAsJsonObject(), "type"));
        }
        if (hasInput && "modal".equals(type) && view.get("submit") == null) {
            errors.add("[ERROR] must provide a submit property when using input blocks [json-pointer:/view]");
        }
        checkBlocks(blocks, "/view/blocks", errors);
        return errors;
    }

    private static void checkBlocks(JsonArray blocks, String pointer, List<String> errors) {
        for (int i = 0; i < blocks.size(); i++) {
            String at = pointer + "/" + i;
            if (!blocks.get(i).isJsonObject()) {
                errors.add("[ERROR] must be an object [json-pointer:" + at + "]");
                continue;
            }
            JsonObject b = blocks.get(i).getAsJsonObject();
            String type = Json.str(b, "type");
            if (type == null) {
                errors.add("[ERROR] missing required field: type [json-pointer:" + at + "]");
                continue;
            }
            maxLength(Json.str(b, "block_id"), 255, at + "/block_id", errors);
            switch (type) {
                case "header" -> {
                    String text = BlockKitText.textOf(b.get("text"));
                    if (text == null) {
                        errors.add("[ERROR] missing required field: text [json-pointer:" + at + "]");
                    } else if (!"plain_text".equals(Json.str(b, "text.type"))) {
                        errors.add("[ERROR] must be a plain_text object [json-pointer:" + at + "/text]");
                    }
                    maxLength(text, 150, at + "/text/text", errors);
                }
                case "section" -> {
                    String text = BlockKitText.textOf(b.get("text"));
                    JsonArray fields = Json.arrAt(b, "fields");
                    if (text == null && fields == null) {
                        errors.add("[ERROR] must provide either text or fields [json-pointer:" + at + "]");
                    }
                    if (text != null && text.isEmpty()) {
                        errors.add("[ERROR] must be more than 0 characters [json-pointer:" + at + "/text/text]");
                    }
                    maxLength(text, 3000, at + "/text/text", errors);
                    if (fields != null) {
                        if (fields.size() > 10) {
                            errors.add("[ERROR] no more than 10 items allowed [json-pointer:" + at + "/fields]");
                        }
                        for (int f = 0; f < fields.size(); f++) {
                            maxLength(BlockKitText.textOf(fields.get(f)), 2000, at + "/fields/" + f + "/text", errors);
                        }
                    }
                    JsonObject accessory = Json.objAt(b, "accessory");
                    if (accessory != null) {
                        checkElement(accessory, at + "/accessory", errors);
                    }
                }
                case "actions" -> {
                    JsonArray elements = Json.arrAt(b, "elements");
                    if (elements == null || elements.isEmpty()) {
                        errors.add("[ERROR] must provide at least 1 element [json-pointer:" + at + "/elements]");
                    } else {
                        if (elements.size() > 25) {
                            errors.add("[ERROR] no more than 25 items allowed [json-pointer:" + at + "/elements]");
                        }
                        for (int e = 0; e < elements.size(); e++) {
                            if (elements.get(e).isJsonObject()) {
                                checkElement(elements.get(e).getAsJsonObject(), at + "/elements/" + e, errors);
                            }
                        }
                    }
                }
                case "context" -> {
                    JsonArray elements = Json.arrAt(b, "elements");
                    if (elements == null || elements.isEmpty()) {
                        errors.add("[ERROR] must provide at least 1 element [json-pointer:" + at + "/elements]");
                    } else if (elements.size() > 10) {
                        errors.add("[ERROR] no more than 10 items allowed [json-pointer:" + at + "/elements]");
                    }
                }
                case "input" -> {
                    String label = BlockKitText.textOf(b.get("label"));
                    if (label == null) {
                        errors.add("[ERROR] missing required field: label [json-pointer:" + at + "]");
                    }
                    maxLength(label, 2000, at + "/label/text", errors);
                    maxLength(BlockKitText.textOf(b.get("hint")), 2000, at + "/hint/text", errors);
                    JsonObject element = Json.objAt(b, "element");
                    if (element == null) {
                        errors.add("[ERROR] missing required field: element [json-pointer:" + at + "]");
                    } else {
                        checkElement(element, at + "/element", errors);
                    }
                }
                default -> {
                    // other block types are accepted as they are
                }
            }
        }
    }

    private static void checkElement(JsonObject e, String at, List<String> errors) {
        String type = Json.str(e, "type");
        maxLength(Json.str(e, "action_id"), 255, at + "/action_id", errors);
        maxLength(BlockKitText.textOf(e.get("placeholder")), 150, at + "/placeholder/text", errors);
        if ("button".equals(type)) {
            String label = BlockKitText.textOf(e.get("text"));
            if (label == null || label.isEmpty()) {
                errors.add("[ERROR] missing required field: text [json-pointer:" + at + "]");
            }
            maxLength(label, 75, at + "/text/text", errors);
            maxLength(Json.str(e, "value"), 2000, at + "/value", errors);
            maxLength(Json.str(e, "url"), 3000, at + "/url", errors);
        }
        JsonArray options = Json.arrAt(e, "options");
        if (options != null) {
            if (options.size() > 100) {
                errors.add("[ERROR] no more than 100 items allowed [json-pointer:" + at + "/options]");
            }
            for (int o = 0; o < options.size(); o++) {
                if (options.get(o).isJsonObject()) {
                    JsonObject opt = options.get(o).getAsJsonObject();
                    maxLength(BlockKitText.textOf(opt.get("text")), 75, at + "/options/" + o + "/text/text", errors);
                    maxLength(Json.str(opt, "value"), 150, at + "/options/" + o + "/value", errors);
                    maxLength(BlockKitText.textOf(opt.get("description")), 75, at + "/options/" + o + "/description/text", errors);
                }
            }
        }
    }

    private static void maxLength(String s, int max, String pointer, List<String> errors) {
        if (s != null && s.length() > max) {
            errors.add("[ERROR] must be less than " + (max + 1) + " characters [json-pointer:" + pointer + "]");
        }
    }
}
