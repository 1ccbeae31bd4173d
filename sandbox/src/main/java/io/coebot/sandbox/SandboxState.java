package io.coebot.sandbox;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.coebot.sandbox.slack.Ephemeral;
import io.coebot.sandbox.slack.FakeSlack;
import io.coebot.sandbox.slack.SlackMessage;
import io.coebot.sandbox.slack.SlackView;
import io.coebot.sandbox.slack.UploadedFile;

import java.util.List;

/**
 * What one member sees right now, as the JSON the page renders: the members, the incident channel and their DM
 * with the bot (top-level messages, each with its thread), the ephemerals and open modals shown to them, and the
 * files. The page polls it; the messages are in Slack's own shape, so the page renders Slack's Block Kit.
 */
final class SandboxState {
    private SandboxState() {
    }

    static JsonObject of(SandboxWorkspace workspace, String memberId) {
        FakeSlack fake = workspace.fake();
        JsonObject state = new JsonObject();
        state.addProperty("me", memberId);
        state.addProperty("botUserId", fake.botUserId());

        JsonArray members = new JsonArray();
        for (FakeSlack.Member m : fake.members()) {
            JsonObject o = new JsonObject();
            o.addProperty("id", m.id());
            o.addProperty("name", m.name());
            o.addProperty("tz", m.tz());
            o.addProperty("bot", m.bot());
            members.add(o);
        }
        state.add("members", members);

        JsonArray conversations = new JsonArray();
        conversations.add(conversation(fake, workspace.channel().id(), "#" + SandboxWorkspace.CHANNEL, "channel"));
        conversations.add(conversation(fake, fake.openDm(memberId), fake.botName(), "im"));
        state.add("conversations", conversations);

        JsonArray ephemerals = new JsonArray();
        for (Ephemeral e : fake.ephemerals()) {
            if (memberId.equals(e.user())) {
                JsonObject o = new JsonObject();
                o.addProperty("channel", e.channel());
                o.addProperty("messageTs", e.messageTs());
                o.addProperty("threadTs", e.threadTs());
                o.addProperty("text", e.text());
                o.add("blocks", e.blocks() == null ? new JsonArray() : JsonParser.parseString(e.blocks()));
                o.addProperty("at", e.at().toEpochMilli());
                ephemerals.add(o);
            }
        }
        state.add("ephemerals", ephemerals);

        // Slack stacks pushed modals; the person sees the newest open one.
        JsonArray views = new JsonArray();
        for (SlackView v : fake.views()) {
            if (v.open() && "modal".equals(v.type()) && memberId.equals(v.userId())) {
                JsonObject o = new JsonObject();
                o.addProperty("id", v.id());
                o.add("view", v.json());
                JsonObject errors = new JsonObject();
                v.errors().forEach(errors::addProperty);
                o.add("errors", errors);
                views.add(o);
            }
        }
        state.add("views", views);

        JsonArray files = new JsonArray();
        for (UploadedFile f : fake.files()) {
            JsonObject o = new JsonObject();
            o.addProperty("id", f.id());
            o.addProperty("title", f.title());
            o.addProperty("filename", f.filename());
            o.addProperty("size", f.content().length);
            o.addProperty("channel", f.channelId());
            o.addProperty("messageTs", f.messageTs());
            files.add(o);
        }
        state.add("files", files);
        return state;
    }

    private static JsonObject conversation(FakeSlack fake, String id, String label, String kind) {
        JsonObject c = new JsonObject();
        c.addProperty("id", id);
        c.addProperty("label", label);
        c.addProperty("kind", kind);
        JsonArray messages = new JsonArray();
        for (SlackMessage m : fake.channelMessages(id)) {
            JsonObject o = m.toJson();
            o.addProperty("channel", id);
            if (m.replyCount() > 0) {
                JsonArray replies = new JsonArray();
                List<SlackMessage> thread = fake.thread(id, m.ts());
                thread.forEach(r -> {
                    JsonObject ro = r.toJson();
                    ro.addProperty("channel", id);
                    replies.add(ro);
                });
                o.add("replies", replies);
            }
            messages.add(o);
        }
        c.add("messages", messages);
        return c;
    }
}
