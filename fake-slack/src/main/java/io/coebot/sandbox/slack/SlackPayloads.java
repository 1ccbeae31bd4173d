package io.coebot.sandbox.slack;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Builds what Slack sends to an app, with the field names of /work/shared/slack-samples
 * (Events API envelopes, slash command forms, block_actions, view_submission, view_closed,
 * message_action), filled with the ids of one {@link FakeSlack} workspace.
 */
public final class SlackPayloads {

    /** The deprecated verification token Slack still sends in payloads. */
    public static final String VERIFICATION_TOKEN = "fake-verification-token";

    private final FakeSlack slack;

    public SlackPayloads(FakeSlack slack) {
        this.slack = slack;
    }

    /** "Ev" + 10 upper-case alphanumerics, random so that ids never repeat across test classes sharing a database. */
    public static String newEventId() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        StringBuilder sb = new StringBuilder("Ev");
        for (int i = 0; i < 10; i++) {
            sb.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------ Events API

    /** Wraps an event in an {@code event_callback} envelope with a fresh event_id. */
    public JsonObject envelope(JsonObject event) {
        String eventId = newEventId();
        return Json.obj("token", VERIFICATION_TOKEN, "team_id", slack.teamId(), "context_team_id", slack.teamId(),
                "context_enterprise_id", JsonNull.INSTANCE, "api_app_id", slack.appId(), "event", event,
                "type", "event_callback", "event_id", eventId, "event_time", Instant.now().getEpochSecond(),
                "authorizations", Json.arr(Json.obj("enterprise_id", JsonNull.INSTANCE, "team_id", slack.teamId(),
                        "user_id", slack.botUserId(), "is_bot", true, "is_enterprise_install", false)),
                "is_ext_shared_channel", false,
                "event_context", "4-" + Base64.getUrlEncoder().withoutPadding().encodeToString(
                        ("{\"et\":\"" + Json.str(event, "type") + "\",\"tid\":\"" + slack.teamId() + "\",\"aid\":\""
                                + slack.appId() + "\",\"cid\":\"" + Json.str(event, "channel") + "\"}")
                                .getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The {@code message} event for a stored message: a person's (with client_msg_id) or the bot's own
     * (with bot_id, app_id, bot_profile and {@code user} = the bot user, no subtype, as Slack sends it).
     */
    public JsonObject messageEvent(SlackMessage m) {
        JsonObject e = eventMessageBody(m);
        e.addProperty("channel", m.channel());
        e.addProperty("event_ts", m.ts());
        e.addProperty("channel_type", slack.channel(m.channel()).kind());
        return e;
    }

    /** {@code message} / {@code message_changed}, with message{…} after and previous_message{…} before. */
    public JsonObject messageChangedEvent(SlackMessage before, SlackMessage after) {
        String ts = slack.nextTs();
        JsonObject message = eventMessageBody(after);
        JsonObject previous = eventMessageBody(before);
        return Json.obj("type", "message", "subtype", "message_changed", "message", message,
                "previous_message", previous, "channel", after.channel(), "hidden", true, "ts", ts,
                "event_ts", ts, "channel_type", slack.channel(after.channel()).kind());
    }

    /** {@code message} / {@code message_deleted}, with deleted_ts and previous_message{…}. */
    public JsonObject messageDeletedEvent(SlackMessage before) {
        String ts = slack.nextTs();
        return Json.obj("type", "message", "subtype", "message_deleted", "previous_message", eventMessageBody(before),
                "channel", before.channel(), "hidden", true, "deleted_ts", before.ts(), "ts", ts, "event_ts", ts,
                "channel_type", slack.channel(before.channel()).kind());
    }

    /** {@code reaction_added} / {@code reaction_removed}: no text and no thread_ts, as Slack sends it. */
    public JsonObject reactionEvent(boolean added, String userId, String reaction, SlackMessage item) {
        return Json.obj("type", added ? "reaction_added" : "reaction_removed", "user", userId,
                "item", Json.obj("type", "message", "channel", item.channel(), "ts", item.ts()),
                "reaction", reaction, "item_user", item.user(), "event_ts", slack.nextTs());
    }

    /** {@code app_home_opened} on the Home tab; carries the published view when there is one. */
    public JsonObject appHomeOpenedEvent(String userId, String dmChannelId, SlackView home) {
        JsonObject e = Json.obj("type", "app_home_opened", "user", userId, "channel", dmChannelId, "tab", "home",
                "event_ts", slack.nextTs());
        if (home != null) {
            e.add("view", home.json());
        }
        return e;
    }

    private static JsonObject eventMessageBody(SlackMessage m) {
        JsonObject j = m.toJson();
        // thread summaries belong to API answers, not to the event for the message itself
        for (String k : List.of("reply_count", "reply_users_count", "latest_reply", "reply_users", "is_locked", "subscribed")) {
            j.remove(k);
        }
        if (m.threadTs() != null && m.threadTs().equals(m.ts())) {
            j.remove("thread_ts");
        }
        return j;
    }

    // ------------------------------------------------------------------ slash commands

    /** Slash command form fields, in Slack's order (requests/SlashCommandPayload.json). */
    public Map<String, String> slashCommand(String userId, String userName, SlackChannel channel, String command,
                                            String text, String responseUrl, String triggerId) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("token", VERIFICATION_TOKEN);
        f.put("team_id", slack.teamId());
        f.put("team_domain", slack.teamDomain());
        f.put("channel_id", channel.id());
        f.put("channel_name", channel.isIm() ? "directmessage" : channel.name());
        f.put("user_id", userId);
        f.put("user_name", userName);
        f.put("command", command);
        f.put("text", text);
        f.put("api_app_id", slack.appId());
        f.put("is_enterprise_install", "false");
        f.put("response_url", responseUrl);
        f.put("trigger_id", triggerId);
        return f;
    }

    // ------------------------------------------------------------------ interactivity

    /** {@code block_actions} on a message in a channel (requests/BlockActionPayload.json). */
    public JsonObject blockActionsOnMessage(String userId, String userName, SlackChannel channel, SlackMessage message,
                                            JsonObject action, JsonObject stateValues, String responseUrl, String triggerId) {
        JsonObject container = Json.obj("type", "message", "message_ts", message.ts(), "channel_id", channel.id(),
                "is_ephemeral", false);
        if (message.isReply()) {
            container.addProperty("thread_ts", message.threadTs());
        }
        JsonObject p = blockActionsBase(userId, userName, container, triggerId);
        p.add("channel", channelObject(channel));
        p.add("message", message.toJson());
        p.add("state", Json.obj("values", stateValues == null ? new JsonObject() : stateValues));
        p.addProperty("response_url", responseUrl);
        p.add("actions", Json.arr(action));
        return p;
    }

    /** {@code block_actions} on an ephemeral message: Slack sends no {@code message}, only the container. */
    public JsonObject blockActionsOnEphemeral(String userId, String userName, SlackChannel channel, Ephemeral ephemeral,
                                              JsonObject action, String responseUrl, String triggerId) {
        JsonObject container = Json.obj("type", "message", "message_ts", ephemeral.messageTs(),
                "channel_id", channel.id(), "is_ephemeral", true);
        if (ephemeral.threadTs() != null) {
            container.addProperty("thread_ts", ephemeral.threadTs());
        }
        JsonObject p = blockActionsBase(userId, userName, container, triggerId);
        p.add("channel", channelObject(channel));
        p.add("state", Json.obj("values", new JsonObject()));
        p.addProperty("response_url", responseUrl);
        p.add("actions", Json.arr(action));
        return p;
    }

    /** {@code block_actions} inside a modal or the Home tab: container type view, the view with its state. */
    public JsonObject blockActionsOnView(String userId, String userName, SlackView view, JsonObject action, String triggerId) {
        JsonObject p = blockActionsBase(userId, userName, Json.obj("type", "view", "view_id", view.id()), triggerId);
        JsonObject v = view.json();
        v.add("state", Json.obj("values", stateValues(view.blocks(), Map.of())));
        p.add("view", v);
        p.add("actions", Json.arr(action));
        return p;
    }

    private JsonObject blockActionsBase(String userId, String userName, JsonObject container, String triggerId) {
        return Json.obj("type", "block_actions", "user", userObject(userId, userName), "api_app_id", slack.appId(),
                "token", VERIFICATION_TOKEN, "container", container, "trigger_id", triggerId,
                "team", Json.obj("id", slack.teamId(), "domain", slack.teamDomain()),
                "enterprise", JsonNull.INSTANCE, "is_enterprise_install", false);
    }

    /** The {@code actions[0]} entry for a button click. */
    public JsonObject buttonAction(Button b) {
        JsonObject a = Json.obj("action_id", b.actionId(), "block_id", b.blockId(),
                "text", Json.obj("type", "plain_text", "text", b.label(), "emoji", true));
        if (b.value() != null) {
            a.addProperty("value", b.value());
        }
        a.addProperty("type", "button");
        a.addProperty("action_ts", actionTs());
        return a;
    }

    /** The {@code actions[0]} entry for choosing {@code values} in a select-like element. */
    public JsonObject selectAction(JsonObject element, String blockId, List<String> values) {
        JsonObject a = Json.obj("type", Json.str(element, "type"), "action_id", Json.str(element, "action_id"),
                "block_id", blockId);
        JsonObject state = stateValue(element, values);
        state.entrySet().forEach(e -> {
            if (!e.getKey().equals("type")) {
                a.add(e.getKey(), e.getValue());
            }
        });
        if (element.has("placeholder")) {
            a.add("placeholder", element.get("placeholder").deepCopy());
        }
        a.addProperty("action_ts", actionTs());
        return a;
    }

    /** {@code view_submission} with {@code state.values} built from {@code values} (block_id → action_id → value or list). */
    public JsonObject viewSubmission(String userId, String userName, SlackView view,
                                     Map<String, ? extends Map<String, ?>> values, String triggerId) {
        JsonObject v = view.json();
        v.add("state", Json.obj("values", stateValues(view.blocks(), values)));
        return Json.obj("type", "view_submission", "team", Json.obj("id", slack.teamId(), "domain", slack.teamDomain()),
                "user", userObject(userId, userName), "api_app_id", slack.appId(), "token", VERIFICATION_TOKEN,
                "trigger_id", triggerId, "view", v, "response_urls", new JsonArray(),
                "is_enterprise_install", false, "enterprise", JsonNull.INSTANCE);
    }

    /** {@code view_closed} (Slack sends it only for views opened with notify_on_close). */
    public JsonObject viewClosed(String userId, String userName, SlackView view) {
        return Json.obj("type", "view_closed", "team", Json.obj("id", slack.teamId(), "domain", slack.teamDomain()),
                "user", userObject(userId, userName), "api_app_id", slack.appId(), "token", VERIFICATION_TOKEN,
                "view", view.json(), "is_cleared", false, "is_enterprise_install", false, "enterprise", JsonNull.INSTANCE);
    }

    /** {@code message_action}: a message shortcut (requests/MessageShortcutPayload.json). */
    public JsonObject messageShortcut(String userId, String userName, SlackChannel channel, SlackMessage message,
                                      String callbackId, String responseUrl, String triggerId) {
        return Json.obj("type", "message_action", "token", VERIFICATION_TOKEN, "action_ts", actionTs(),
                "team", Json.obj("id", slack.teamId(), "domain", slack.teamDomain()),
                "user", Json.obj("id", userId, "username", userName, "name", userName, "team_id", slack.teamId()),
                "channel", channelObject(channel), "is_enterprise_install", false, "enterprise", JsonNull.INSTANCE,
                "callback_id", callbackId, "trigger_id", triggerId, "response_url", responseUrl,
                "message_ts", message.ts(), "message", message.toJson());
    }

    // ------------------------------------------------------------------ view state

    /**
     * {@code state.values} as Slack builds it: every stateful element of the view appears (null/empty
     * when the person left it empty); {@code values} fills them in. A block or action not in the view
     * is sent as a plain_text_input.
     */
    public JsonObject stateValues(JsonArray blocks, Map<String, ? extends Map<String, ?>> values) {
        JsonObject state = new JsonObject();
        for (BlockKitText.Located l : BlockKitText.interactiveElements(blocks)) {
            String type = Json.str(l.element(), "type");
            if (type == null || List.of("button", "overflow", "workflow_button", "image").contains(type)) {
                continue;
            }
            String actionId = Json.str(l.element(), "action_id");
            Map<String, ?> given = values.get(l.blockId());
            Object value = given == null ? null : given.get(actionId);
            JsonObject block = state.has(l.blockId()) ? state.getAsJsonObject(l.blockId()) : new JsonObject();
            block.add(actionId, stateValue(l.element(), value));
            state.add(l.blockId(), block);
        }
        values.forEach((blockId, actions) -> actions.forEach((actionId, value) -> {
            JsonObject block = state.has(blockId) ? state.getAsJsonObject(blockId) : new JsonObject();
            if (!block.has(actionId)) {
                block.add(actionId, stateValue(Json.obj("type", "plain_text_input", "action_id", actionId), value));
                state.add(blockId, block);
            }
        }));
        return state;
    }

    /** One element's entry in state.values for a String (or List of Strings for multi-selects), null = empty. */
    public JsonObject stateValue(JsonObject element, Object value) {
        String type = Json.str(element, "type");
        List<String> list = asList(value);
        String one = list.isEmpty() ? null : list.get(0);
        JsonObject s = Json.obj("type", type);
        switch (type) {
            case "static_select", "external_select", "radio_buttons" ->
                    s.add("selected_option", one == null ? JsonNull.INSTANCE : option(element, one));
            case "multi_static_select", "multi_external_select", "checkboxes" -> {
                JsonArray options = new JsonArray();
                list.forEach(v -> options.add(option(element, v)));
                s.add("selected_options", options);
            }
            case "users_select" -> s.add("selected_user", Json.toJson(one));
            case "multi_users_select" -> s.add("selected_users", Json.toJson(list));
            case "conversations_select" -> s.add("selected_conversation", Json.toJson(one));
            case "multi_conversations_select" -> s.add("selected_conversations", Json.toJson(list));
            case "channels_select" -> s.add("selected_channel", Json.toJson(one));
            case "multi_channels_select" -> s.add("selected_channels", Json.toJson(list));
            case "datepicker" -> s.add("selected_date", Json.toJson(one));
            case "timepicker" -> s.add("selected_time", Json.toJson(one));
            case "datetimepicker" -> s.add("selected_date_time", one == null ? JsonNull.INSTANCE : Json.toJson(Long.parseLong(one)));
            case "rich_text_input" -> s.add("rich_text_value", one == null ? JsonNull.INSTANCE
                    : Json.obj("type", "rich_text", "elements", Json.arr(Json.obj("type", "rich_text_section",
                    "elements", Json.arr(Json.obj("type", "text", "text", one))))));
            default -> s.add("value", Json.toJson(one));
        }
        return s;
    }

    /** The option a person picks: it must be offered by the element (external selects accept any value). */
    private static JsonObject option(JsonObject element, String value) {
        List<JsonObject> offered = new ArrayList<>();
        collectOptions(Json.arrAt(element, "options"), offered);
        JsonArray groups = Json.arrAt(element, "option_groups");
        if (groups != null) {
            groups.forEach(g -> collectOptions(Json.arrAt(g.getAsJsonObject(), "options"), offered));
        }
        for (JsonObject o : offered) {
            if (value.equals(Json.str(o, "value"))) {
                return o.deepCopy();
            }
        }
        String type = Json.str(element, "type");
        if (type != null && type.contains("external")) {
            return Json.obj("text", Json.obj("type", "plain_text", "text", value, "emoji", true), "value", value);
        }
        throw new IllegalArgumentException("option \"" + value + "\" is not offered by " + Json.str(element, "action_id")
                + "; options: " + offered.stream().map(o -> Json.str(o, "value")).toList());
    }

    private static void collectOptions(JsonArray options, List<JsonObject> into) {
        if (options != null) {
            options.forEach(o -> into.add(o.getAsJsonObject()));
        }
    }

    private static List<String> asList(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof Collection<?> c) {
            return c.stream().map(String::valueOf).toList();
        }
        return List.of(String.valueOf(value));
    }

    private JsonObject userObject(String userId, String userName) {
        return Json.obj("id", userId, "username", userName, "name", userName, "team_id", slack.teamId());
    }

    private static JsonObject channelObject(SlackChannel channel) {
        return Json.obj("id", channel.id(), "name", channel.isIm() ? "directmessage" : channel.name());
    }

    private String actionTs() {
        return slack.nextTs();
    }

    /** Serialises a payload the way Slack does (explicit nulls kept). */
    public static String toJson(JsonElement payload) {
        return Json.GSON_WITH_NULLS.toJson(payload);
    }
}
