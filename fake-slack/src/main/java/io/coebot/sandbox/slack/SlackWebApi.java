package io.coebot.sandbox.slack;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TimeZone;
import java.util.function.Function;

import static io.coebot.sandbox.slack.FakeSlack.*;

/**
 * The Web API methods the fake Slack serves, one handler per method, each answering as Slack documents it (its
 * errors included). They read and change the workspace {@link FakeSlack} keeps (its channels, messages, views, files
 * and canvases), always with its lock held: {@link FakeSlack} receives the HTTP request, checks the token, injects
 * the faults a test asked for, and calls the handler registered here.
 */
final class SlackWebApi {
    private final FakeSlack fake;

    SlackWebApi(FakeSlack fake) {
        this.fake = fake;
    }

    void registerMethods(Map<String, Function<Req, JsonObject>> methods) {
        methods.put("auth.test", r -> ok("url", "https://" + TEAM_DOMAIN + ".slack.com/", "team", TEAM_NAME,
                "user", BOT_NAME, "team_id", TEAM_ID, "user_id", BOT_USER_ID, "bot_id", BOT_ID, "app_id", APP_ID,
                "app_name", "COE Bot", "is_enterprise_install", false));
        methods.put("bots.info", this::botsInfo);
        methods.put("chat.postMessage", this::chatPostMessage);
        methods.put("chat.update", this::chatUpdate);
        methods.put("chat.delete", this::chatDelete);
        methods.put("chat.postEphemeral", this::chatPostEphemeral);
        methods.put("chat.getPermalink", this::chatGetPermalink);
        methods.put("conversations.info", this::conversationsInfo);
        methods.put("conversations.history", this::conversationsHistory);
        methods.put("conversations.replies", this::conversationsReplies);
        methods.put("conversations.open", this::conversationsOpen);
        methods.put("conversations.join", this::conversationsJoin);
        methods.put("conversations.members", this::conversationsMembers);
        methods.put("users.info", this::usersInfo);
        methods.put("users.lookupByEmail", this::usersLookupByEmail);
        methods.put("views.open", r -> viewsOpenOrPush(r, "views.open"));
        methods.put("views.push", r -> viewsOpenOrPush(r, "views.push"));
        methods.put("views.update", this::viewsUpdate);
        methods.put("views.publish", this::viewsPublish);
        methods.put("reactions.get", this::reactionsGet);
        methods.put("reactions.add", this::reactionsAdd);
        methods.put("reactions.remove", this::reactionsRemove);
        methods.put("files.getUploadURLExternal", this::filesGetUploadUrlExternal);
        methods.put("files.completeUploadExternal", this::filesCompleteUploadExternal);
        methods.put("conversations.canvases.create", this::conversationsCanvasesCreate);
        methods.put("canvases.create", this::canvasesCreate);
        methods.put("canvases.edit", this::canvasesEdit);
        methods.put("canvases.access.set", this::canvasesAccessSet);
        methods.put("canvases.sections.lookup", this::canvasesSectionsLookup);
    }

    // Canvases, as documented (docs.slack.dev/reference/methods/canvases.*): a channel has at most one channel canvas
    // (conversations.info shows it under properties.canvas), a standalone canvas is shared to channels with
    // canvases.access.set, and canvases.edit "replace" without a section_id replaces the whole document. A plan or
    // a permission that refuses canvases is a test's failNext/failAlways with Slack's error
    // (team_tier_cannot_create_channel_canvases, canvas_disabled_user_team, restricted_action).

    private JsonObject conversationsCanvasesCreate(Req r) {
        ChannelRec ch = fake.visible(r.p("channel_id"));
        synchronized (fake.lock) {
            if (ch.canvasId != null) {
                throw new ApiError("channel_canvas_already_exists");
            }
            String id = fake.newId("F");
            fake.canvases.put(id, new SlackCanvas(id, r.p("title"), markdownOf(r.p("document_content")), ch.id, List.of(ch.id),
                    "write", 0));
            ch.canvasId = id;
            return ok("canvas_id", id);
        }
    }

    private JsonObject canvasesCreate(Req r) {
        synchronized (fake.lock) {
            String id = fake.newId("F");
            String channel = r.p("channel_id");
            if (channel != null) {
                fake.visible(channel);
            }
            fake.canvases.put(id, new SlackCanvas(id, r.p("title"), markdownOf(r.p("document_content")), null,
                    channel == null ? List.of() : List.of(channel), channel == null ? null : "write", 0));
            return ok("canvas_id", id);
        }
    }

    private JsonObject canvasesEdit(Req r) {
        synchronized (fake.lock) {
            SlackCanvas c = fake.canvases.get(Optional.ofNullable(r.p("canvas_id")).orElse(""));
            if (c == null) {
                throw new ApiError("canvas_not_found");
            }
            JsonElement changes = parseJson(Optional.ofNullable(r.p("changes")).orElseThrow(() -> new ApiError("invalid_arguments")),
                    "invalid_arguments");
            if (!changes.isJsonArray() || changes.getAsJsonArray().isEmpty()) {
                throw new ApiError("invalid_arguments");
            }
            String markdown = c.markdown();
            for (JsonElement e : changes.getAsJsonArray()) {
                JsonObject change = e.getAsJsonObject();
                String op = Json.str(change, "operation");
                JsonObject content = Json.objAt(change, "document_content");
                String md = content == null ? "" : Optional.ofNullable(Json.str(content, "markdown")).orElse("");
                if ("replace".equals(op) && Json.str(change, "section_id") == null) {
                    markdown = md;
                } else if ("insert_at_end".equals(op)) {
                    markdown = markdown + md;
                } else if ("insert_at_start".equals(op)) {
                    markdown = md + markdown;
                } else {
                    // section edits need canvases.sections.lookup, which the bot does not use
                    throw new ApiError("canvas_editing_failed");
                }
            }
            fake.canvases.put(c.id(), new SlackCanvas(c.id(), c.title(), markdown, c.channelCanvasOf(), c.sharedWith(),
                    c.accessLevel(), c.edits() + 1));
            return ok();
        }
    }

    private JsonObject canvasesAccessSet(Req r) {
        synchronized (fake.lock) {
            SlackCanvas c = fake.canvases.get(Optional.ofNullable(r.p("canvas_id")).orElse(""));
            if (c == null) {
                throw new ApiError("canvas_not_found");
            }
            String level = r.p("access_level");
            if (!"read".equals(level) && !"write".equals(level)) {
                throw new ApiError("invalid_arguments");
            }
            List<String> shared = new ArrayList<>(c.sharedWith());
            for (String channel : idList(r.p("channel_ids"))) {
                fake.visible(channel);
                if (!shared.contains(channel)) {
                    shared.add(channel);
                }
            }
            fake.canvases.put(c.id(), new SlackCanvas(c.id(), c.title(), c.markdown(), c.channelCanvasOf(), shared, level, c.edits()));
            return ok();
        }
    }

    /** The sections holding the text (one section per paragraph here); only contains_text is honoured. */
    private JsonObject canvasesSectionsLookup(Req r) {
        synchronized (fake.lock) {
            SlackCanvas c = fake.canvases.get(Optional.ofNullable(r.p("canvas_id")).orElse(""));
            if (c == null) {
                throw new ApiError("canvas_not_found");
            }
            JsonElement criteria = parseJson(Optional.ofNullable(r.p("criteria")).orElseThrow(() -> new ApiError("invalid_arguments")),
                    "invalid_arguments");
            String text = criteria.isJsonObject() ? Json.str(criteria.getAsJsonObject(), "contains_text") : null;
            JsonArray sections = new JsonArray();
            String[] paragraphs = c.markdown().split("\n\n");
            for (int i = 0; i < paragraphs.length; i++) {
                if (text != null && paragraphs[i].contains(text)) {
                    sections.add(Json.obj("id", "temp:C:" + c.id() + i));
                }
            }
            return ok("sections", sections);
        }
    }

    /** document_content as the SDK sends it (a JSON object); its markdown. */
    private String markdownOf(String documentContent) {
        if (documentContent == null) {
            return "";
        }
        JsonElement e = parseJson(documentContent, "invalid_arguments");
        if (!e.isJsonObject() || !"markdown".equals(Json.str(e.getAsJsonObject(), "type"))) {
            throw new ApiError("invalid_arguments");
        }
        return Optional.ofNullable(Json.str(e.getAsJsonObject(), "markdown")).orElse("");
    }

    /** A list of ids as a JSON array (the Java SDK) or comma-separated (other clients). */
    private List<String> idList(String value) {
        if (value == null) {
            return List.of();
        }
        if (value.startsWith("[")) {
            List<String> out = new ArrayList<>();
            parseJson(value, "invalid_arguments").getAsJsonArray().forEach(x -> out.add(x.getAsString()));
            return out;
        }
        return List.of(value.split(","));
    }

    private JsonObject botsInfo(Req r) {
        if (!BOT_ID.equals(r.p("bot"))) {
            throw new ApiError("bot_not_found");
        }
        return ok("bot", Json.obj("id", BOT_ID, "deleted", false, "name", BOT_NAME, "updated", 1763600000,
                "app_id", APP_ID, "user_id", BOT_USER_ID, "icons", icons()));
    }

    private JsonObject chatPostMessage(Req r) {
        ChannelRec ch = fake.postable(r.p("channel"));
        JsonObject content = fake.contentFrom(r, true);
        String threadTs = r.p("thread_ts");
        Msg parent = threadTs == null ? null : fake.threadParent(ch.id, threadTs);
        boolean broadcast = parent != null && r.flag("reply_broadcast");
        Msg m = fake.storeBotMessage(ch, content, parent, broadcast);
        if (r.p("metadata") != null) {
            m.json.add("metadata", parseJson(r.p("metadata"), "invalid_metadata_format"));
        }
        SlackMessage posted = fake.snapshot(m);
        fake.fire(BotActivity.Kind.POSTED, posted, null);
        return ok("channel", ch.id, "ts", m.ts, "message", posted.toJson());
    }

    private JsonObject chatUpdate(Req r) {
        ChannelRec ch = fake.postable(r.p("channel"));
        Msg m = fake.existingMessage(ch, r.p("ts"));
        if (!BOT_ID.equals(Json.str(m.json, "bot_id"))) {
            throw new ApiError("cant_update_message");
        }
        SlackMessage before = fake.snapshot(m);
        if (r.params.containsKey("text")) {
            String text = r.params.get("text");
            if (text.length() > MESSAGE_TEXT_MAX) {
                throw new ApiError("msg_too_long");
            }
            m.json.addProperty("text", text);
        }
        if (r.params.containsKey("blocks")) {
            JsonArray blocks = fake.parseBlocks(r.params.get("blocks"));
            replaceBlocks(m.json, blocks);
        }
        if (r.params.containsKey("attachments")) {
            JsonArray attachments = parseArray(r.params.get("attachments"), "invalid_attachments");
            if (attachments == null || attachments.isEmpty()) {
                m.json.remove("attachments");
            } else {
                m.json.add("attachments", attachments);
            }
        }
        if (Json.str(m.json, "text").isEmpty() && !m.json.has("blocks") && !m.json.has("attachments")) {
            m.json = before.toJson();
            throw new ApiError("no_text");
        }
        m.json.add("edited", Json.obj("user", BOT_ID, "ts", formatTs(fake.nextTsMicros())));
        SlackMessage after = fake.snapshot(m);
        fake.fire(BotActivity.Kind.UPDATED, after, before);
        return ok("channel", ch.id, "ts", m.ts, "text", Json.str(m.json, "text"), "message", after.toJson());
    }

    private JsonObject chatDelete(Req r) {
        ChannelRec ch = fake.postable(r.p("channel"));
        Msg m = fake.existingMessage(ch, r.p("ts"));
        if (!BOT_ID.equals(Json.str(m.json, "bot_id"))) {
            throw new ApiError("cant_delete_message");
        }
        SlackMessage before = fake.snapshot(m);
        fake.remove(m);
        fake.fire(BotActivity.Kind.DELETED, null, before);
        return ok("channel", ch.id, "ts", m.ts);
    }

    private JsonObject chatPostEphemeral(Req r) {
        ChannelRec ch = fake.postable(r.p("channel"));
        String user = r.p("user");
        if (user == null || !fake.users.containsKey(user)) {
            throw new ApiError("user_not_in_channel");
        }
        JsonObject content = fake.contentFrom(r, true);
        String ts = formatTs(fake.nextTsMicros());
        fake.ephemerals.add(new Ephemeral(ch.id, user, ts, r.p("thread_ts"), Json.str(content, "text"),
                blocksText(content), "chat.postEphemeral", Instant.now()));
        return ok("message_ts", ts);
    }

    private JsonObject chatGetPermalink(Req r) {
        ChannelRec ch = fake.visible(r.p("channel"));
        Msg m = fake.existingMessage(ch, r.p("message_ts"));
        return ok("channel", ch.id, "permalink", fake.permalink(m));
    }

    private JsonObject conversationsInfo(Req r) {
        return ok("channel", fake.channelJson(fake.visible(r.p("channel"))));
    }

    private JsonObject conversationsHistory(Req r) {
        ChannelRec ch = fake.readable(r.p("channel"));
        List<Msg> all = new ArrayList<>();
        for (int i = fake.messages.size() - 1; i >= 0; i--) {
            Msg m = fake.messages.get(i);
            if (m.channel.equals(ch.id) && isTopLevel(m) && inRange(m.ts, r)) {
                all.add(m);
            }
        }
        return page(r, all, 100, false);
    }

    private JsonObject conversationsReplies(Req r) {
        ChannelRec ch = fake.readable(r.p("channel"));
        String ts = r.p("ts");
        if (ts == null) {
            throw new ApiError("invalid_arguments");
        }
        Msg first = fake.messageByKey.get(key(ch.id, ts));
        if (first == null) {
            throw new ApiError("thread_not_found");
        }
        Msg root = fake.threadRoot(first);
        List<Msg> all = new ArrayList<>();
        all.add(root);
        for (Msg m : fake.replies(ch.id, root.ts)) {
            if (inRange(m.ts, r)) {
                all.add(m);
            }
        }
        return page(r, all, 1000, true);
    }

    /** One page of {@code ordered}; the cursor names the first message of the next page, so new posts do not shift pages. */
    private JsonObject page(Req r, List<Msg> ordered, int defaultLimit, boolean ascending) {
        int limit = defaultLimit;
        if (r.p("limit") != null) {
            try {
                limit = Integer.parseInt(r.p("limit"));
            } catch (NumberFormatException e) {
                throw new ApiError("invalid_limit");
            }
            if (limit <= 0) {
                limit = defaultLimit;
            }
            limit = Math.min(limit, 999);
        }
        int start = 0;
        String cursor = r.p("cursor");
        if (cursor != null) {
            long from = decodeCursor(cursor);
            start = ordered.size();
            for (int i = 0; i < ordered.size(); i++) {
                long t = parseTs(ordered.get(i).ts);
                if (ascending ? t >= from : t <= from) {
                    start = i;
                    break;
                }
            }
        }
        int end = Math.min(ordered.size(), start + limit);
        JsonArray page = new JsonArray();
        for (int i = start; i < end; i++) {
            JsonObject message = fake.snapshot(ordered.get(i)).toJson();
            if (!r.flag("include_all_metadata")) {
                // as Slack: a message's metadata is only returned to whoever asks for it
                message.remove("metadata");
            }
            page.add(message);
        }
        boolean hasMore = end < ordered.size();
        String next = hasMore ? encodeCursor(ordered.get(end).ts) : "";
        return ok("messages", page, "has_more", hasMore, "pin_count", 0,
                "response_metadata", Json.obj("next_cursor", next));
    }

    private boolean inRange(String ts, Req r) {
        long t = parseTs(ts);
        boolean inclusive = r.flag("inclusive");
        if (r.p("oldest") != null) {
            long oldest = parseTs(r.p("oldest"));
            if (inclusive ? t < oldest : t <= oldest) {
                return false;
            }
        }
        if (r.p("latest") != null) {
            long latest = parseTs(r.p("latest"));
            return inclusive ? t <= latest : t < latest;
        }
        return true;
    }

    private JsonObject conversationsOpen(Req r) {
        if (r.p("channel") != null) {
            ChannelRec ch = fake.visible(r.p("channel"));
            return ok("no_op", true, "already_open", true, "channel", fake.channelJson(ch));
        }
        String usersParam = r.p("users");
        if (usersParam == null) {
            throw new ApiError("users_list_not_supplied");
        }
        List<String> ids = List.of(usersParam.split(","));
        for (String id : ids) {
            UserRec u = fake.users.get(id.trim());
            if (u == null) {
                throw new ApiError("user_not_found");
            }
            if (u.deleted) {
                throw new ApiError("user_disabled");
            }
            if (u.id.equals(BOT_USER_ID) && ids.size() == 1) {
                throw new ApiError("cannot_dm_bot");
            }
        }
        if (ids.size() > 1) {
            // group DMs are not modelled; say so plainly instead of guessing
            throw new ApiError("not_supported_by_fake_slack");
        }
        String userId = ids.get(0).trim();
        boolean already = fake.dmByUser.containsKey(userId);
        ChannelRec ch = fake.dmChannel(userId);
        return ok("no_op", already, "already_open", already, "channel", fake.channelJson(ch));
    }

    /** The members of a channel the bot is in, two per page, so callers must follow the cursor as with Slack. */
    private JsonObject conversationsMembers(Req r) {
        ChannelRec ch = fake.readable(r.p("channel"));
        List<String> all = new ArrayList<>();
        all.add(BOT_USER_ID);
        all.addAll(ch.members);
        int from = r.p("cursor") == null || r.p("cursor").isEmpty() ? 0 : Integer.parseInt(r.p("cursor").substring("members:".length()));
        int to = Math.min(all.size(), from + 2);
        String next = to < all.size() ? "members:" + to : "";
        JsonArray page = new JsonArray();
        all.subList(from, to).forEach(page::add);
        return ok("members", page, "response_metadata", Json.obj("next_cursor", next));
    }

    private JsonObject conversationsJoin(Req r) {
        ChannelRec ch = fake.visible(r.p("channel"));
        if (!ch.kind.equals("channel")) {
            throw new ApiError("method_not_supported_for_channel_type");
        }
        if (ch.archived) {
            throw new ApiError("is_archived");
        }
        boolean already = ch.botMember;
        ch.botMember = true;
        JsonObject answer = ok("channel", fake.channelJson(ch));
        if (already) {
            answer.addProperty("warning", "already_in_channel");
            answer.add("response_metadata", Json.obj("warnings", Json.arr("already_in_channel")));
        }
        return answer;
    }

    private JsonObject usersLookupByEmail(Req r) {
        String email = Optional.ofNullable(r.p("email")).orElse("");
        UserRec u;
        synchronized (fake.lock) {
            u = fake.users.values().stream().filter(x -> !x.isBot && x.email != null && x.email.equalsIgnoreCase(email))
                    .findFirst().orElseThrow(() -> new ApiError("users_not_found"));
        }
        return usersInfo(new Req(Map.of("user", u.id)));
    }

    private JsonObject usersInfo(Req r) {
        UserRec u = fake.users.get(Optional.ofNullable(r.p("user")).orElse(""));
        if (u == null) {
            throw new ApiError("user_not_found");
        }
        ZoneId zone = ZoneId.of(u.tz);
        Instant now = Instant.now();
        TimeZone tz = TimeZone.getTimeZone(zone);
        boolean dst = zone.getRules().isDaylightSavings(now);
        JsonObject profile = Json.obj("real_name", u.name, "real_name_normalized", u.name, "display_name", u.name,
                "display_name_normalized", u.name, "team", TEAM_ID, "status_text", "", "status_emoji", "",
                "image_48", "https://fake.slack.com/avatars/" + u.id + "_48.png",
                "image_72", "https://fake.slack.com/avatars/" + u.id + "_72.png");
        if (u.email != null) {
            profile.addProperty("email", u.email);
        }
        if (u.isBot) {
            profile.addProperty("bot_id", BOT_ID);
            profile.addProperty("api_app_id", APP_ID);
            profile.addProperty("always_active", true);
        }
        return ok("user", Json.obj("id", u.id, "team_id", TEAM_ID, "name", u.name, "deleted", u.deleted,
                "color", "9f69e7", "real_name", u.name, "tz", u.tz,
                "tz_label", tz.getDisplayName(dst, TimeZone.LONG, Locale.US),
                "tz_offset", zone.getRules().getOffset(now).getTotalSeconds(),
                "profile", profile, "is_admin", false, "is_owner", false, "is_primary_owner", false,
                "is_restricted", false, "is_ultra_restricted", false, "is_bot", u.isBot, "is_app_user", false,
                "updated", 1763600000L, "is_email_confirmed", true, "who_can_share_contact_card", "EVERYONE"));
    }

    private JsonObject viewsOpenOrPush(Req r, String method) {
        String trigger = r.p("trigger_id");
        if (trigger == null) {
            throw new ApiError("invalid_arguments", "[ERROR] missing required field: trigger_id");
        }
        JsonObject appView = fake.appView(r.p("view"), "modal");
        if (fake.exchangedTriggers.contains(trigger)) {
            throw new ApiError("exchanged_trigger_id");
        }
        TriggerRec t = fake.triggers.get(trigger);
        if (t != null && Duration.between(t.issuedAt(), Instant.now()).compareTo(fake.triggerIdTtl) > 0) {
            throw new ApiError("expired_trigger_id");
        }
        fake.exchangedTriggers.add(trigger);
        String userId = t == null ? null : t.userId();
        String rootId = null;
        String previousId = null;
        if (method.equals("views.push")) {
            ViewRec top = null;
            for (ViewRec v : fake.views.values()) {
                if (v.open && "modal".equals(Json.str(v.json, "type")) && Objects.equals(v.userId, userId)) {
                    top = v;
                }
            }
            if (top != null) {
                rootId = Json.str(top.json, "root_view_id");
                previousId = top.id;
            }
        }
        ViewRec v = fake.newView(appView, method, userId, rootId, previousId);
        return ok("view", v.json.deepCopy());
    }

    private JsonObject viewsUpdate(Req r) {
        ViewRec v;
        if (r.p("view_id") != null) {
            v = fake.views.get(r.p("view_id"));
        } else if (r.p("external_id") != null) {
            v = fake.views.values().stream().filter(x -> r.p("external_id").equals(Json.str(x.json, "external_id")))
                    .reduce((a, b) -> b).orElse(null);
        } else {
            throw new ApiError("invalid_arguments", "[ERROR] view_id or external_id is required");
        }
        if (v == null) {
            throw new ApiError("not_found");
        }
        JsonObject appView = fake.appView(r.p("view"), Json.str(v.json, "type"));
        if (r.p("hash") != null && !r.p("hash").equals(Json.str(v.json, "hash"))) {
            throw new ApiError("hash_conflict");
        }
        v.json = fake.fullView(v.id, appView, Json.str(v.json, "root_view_id"), Json.str(v.json, "previous_view_id"));
        v.lastMethod = "views.update";
        v.errors = Map.of();
        v.at = Instant.now();
        return ok("view", v.json.deepCopy());
    }

    private JsonObject viewsPublish(Req r) {
        String userId = r.p("user_id");
        UserRec u = userId == null ? null : fake.users.get(userId);
        if (u == null) {
            throw new ApiError("user_not_found");
        }
        JsonObject appView = fake.appView(r.p("view"), "home");
        String existing = fake.homeViewByUser.get(userId);
        ViewRec v = existing == null ? null : fake.views.get(existing);
        if (v != null && r.p("hash") != null && !r.p("hash").equals(Json.str(v.json, "hash"))) {
            throw new ApiError("hash_conflict");
        }
        if (v == null) {
            v = fake.newView(appView, "views.publish", userId, null, null);
            fake.homeViewByUser.put(userId, v.id);
        } else {
            v.json = fake.fullView(v.id, appView, v.id, null);
            v.lastMethod = "views.publish";
            v.at = Instant.now();
        }
        return ok("view", v.json.deepCopy());
    }

    private JsonObject reactionsGet(Req r) {
        ChannelRec ch = fake.readable(r.p("channel"));
        Msg m = fake.existingMessage(ch, r.p("timestamp"));
        JsonObject message = fake.snapshot(m).toJson();
        message.addProperty("permalink", fake.permalink(m));
        return ok("type", "message", "channel", ch.id, "message", message);
    }

    private JsonObject reactionsAdd(Req r) {
        ChannelRec ch = fake.readable(r.p("channel"));
        Msg m = fake.existingMessage(ch, r.p("timestamp"));
        String name = r.p("name");
        if (name == null) {
            throw new ApiError("invalid_name");
        }
        if (fake.reactionUsers(m, name).contains(BOT_USER_ID)) {
            throw new ApiError("already_reacted");
        }
        fake.addReaction(m, BOT_USER_ID, name);
        return ok();
    }

    private JsonObject reactionsRemove(Req r) {
        ChannelRec ch = fake.readable(r.p("channel"));
        Msg m = fake.existingMessage(ch, r.p("timestamp"));
        String name = r.p("name");
        if (name == null || !fake.reactionUsers(m, name).contains(BOT_USER_ID)) {
            throw new ApiError("no_reaction");
        }
        fake.removeReaction(m, BOT_USER_ID, name);
        return ok();
    }

    private JsonObject filesGetUploadUrlExternal(Req r) {
        String filename = r.p("filename");
        String length = r.p("length");
        if (filename == null || length == null) {
            throw new ApiError("invalid_arguments", "[ERROR] filename and length are required");
        }
        try {
            Long.parseLong(length);
        } catch (NumberFormatException e) {
            throw new ApiError("invalid_arguments", "[ERROR] length must be a number");
        }
        String id = fake.newId("F");
        fake.uploads.put(id, new Upload(id, filename));
        return ok("upload_url", fake.baseUrl + "upload/" + id, "file_id", id);
    }

    private JsonObject filesCompleteUploadExternal(Req r) {
        JsonArray requested = parseArray(r.p("files"), "invalid_arguments");
        if (requested == null || requested.isEmpty()) {
            throw new ApiError("invalid_arguments", "[ERROR] files is required");
        }
        String channelId = r.p("channel_id");
        if (channelId == null && r.p("channels") != null) {
            channelId = r.p("channels").split(",")[0];
        }
        if (channelId != null && (channelId.startsWith("U") || channelId.startsWith("W"))) {
            // unlike chat.postMessage, a user id does not open the DM here (slackapi/bolt-js#2115)
            throw new ApiError("invalid_arguments", "[ERROR] input must match regex pattern: ^[CGDZ][A-Z0-9]{8,}$ [json-pointer:/channel_id]");
        }
        ChannelRec ch = channelId == null ? null : fake.postable(channelId);
        String threadTs = r.p("thread_ts");
        Msg parent = ch == null || threadTs == null ? null : fake.threadParent(ch.id, threadTs);
        List<Upload> done = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        for (JsonElement e : requested) {
            String id = Json.str(e.getAsJsonObject(), "id");
            Upload u = id == null ? null : fake.uploads.get(id);
            if (u == null || u.bytes == null) {
                throw new ApiError("file_not_found");
            }
            done.add(u);
            titles.add(Optional.ofNullable(Json.str(e.getAsJsonObject(), "title")).orElse(u.filename));
        }
        String messageTs = null;
        JsonArray fileJsons = new JsonArray();
        for (int i = 0; i < done.size(); i++) {
            fileJsons.add(fileJson(done.get(i), titles.get(i), ch));
        }
        if (ch != null) {
            JsonObject content = Json.obj("text", Optional.ofNullable(r.p("initial_comment")).orElse(""));
            Msg m = fake.storeBotMessage(ch, content, parent, false);
            m.json.add("files", fileJsons.deepCopy());
            m.json.addProperty("upload", true);
            messageTs = m.ts;
            fake.fire(BotActivity.Kind.POSTED, fake.snapshot(m), null);
        }
        Instant now = Instant.now();
        for (int i = 0; i < done.size(); i++) {
            Upload u = done.get(i);
            fake.files.add(new UploadedFile(u.id, titles.get(i), u.filename, u.bytes, ch == null ? null : ch.id,
                    r.p("initial_comment"), parent == null ? null : parent.ts, messageTs, now));
            fake.uploads.remove(u.id);
        }
        return ok("files", fileJsons);
    }

    private JsonObject fileJson(Upload u, String title, ChannelRec ch) {
        long now = Instant.now().getEpochSecond();
        String ext = u.filename.contains(".") ? u.filename.substring(u.filename.lastIndexOf('.') + 1) : "text";
        return Json.obj("id", u.id, "created", now, "timestamp", now, "name", u.filename, "title", title,
                "mimetype", ext.equals("md") ? "text/markdown" : ext.equals("png") ? "image/png" : "text/plain",
                "filetype", ext.equals("md") ? "markdown" : ext,
                "pretty_type", ext.equals("md") ? "Markdown" : ext.equals("png") ? "PNG" : ext, "user", BOT_USER_ID, "user_team", TEAM_ID,
                "editable", false, "size", u.bytes.length, "mode", "hosted", "is_external", false, "is_public", ch != null && !ch.isPrivate(),
                "url_private", fake.baseUrl + "files/" + u.id + "/" + u.filename,
                "url_private_download", fake.baseUrl + "files/" + u.id + "/download/" + u.filename,
                "permalink", "https://" + TEAM_DOMAIN + ".slack.com/files/" + BOT_USER_ID + "/" + u.id + "/" + u.filename,
                "channels", ch != null && ch.kind.equals("channel") ? Json.arr(ch.id) : new JsonArray(),
                "groups", ch != null && ch.kind.equals("group") ? Json.arr(ch.id) : new JsonArray(),
                "ims", ch != null && ch.kind.equals("im") ? Json.arr(ch.id) : new JsonArray());
    }
}
