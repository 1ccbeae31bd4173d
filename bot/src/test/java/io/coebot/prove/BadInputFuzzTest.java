package io.coebot.prove;

import io.coebot.interview.Interviews;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.coebot.coe.Coes;
import io.coebot.interview.InterviewService;
import io.coebot.interview.Questions;
import io.coebot.testing.EndToEnd;
import io.coebot.testing.RunningApp;
import io.coebot.sandbox.slack.SlackMessage;
import io.coebot.sandbox.slack.SlackPayloads;
import io.coebot.sandbox.slack.SlackRequests;
import io.coebot.sandbox.slack.SlackWorkspace.Channel;
import io.coebot.sandbox.slack.SlackWorkspace.Person;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Correctly signed, malformed requests (seeded, so a failure can be replayed): missing fields, wrong
 * types, huge strings, unknown types, invalid UTF-8, emoji and right-to-left text. None may answer 5xx
 * with a stack trace, and none may change a COE. Every one is broken in at least one way that makes it
 * unusable (so a well-formed answer cannot slip in); the rest of it may carry any of the noise.
 */
class BadInputFuzzTest extends EndToEnd {
    private static final long SEED = Long.getLong("fuzz.seed", 20261121L);
    private static final int COUNT = Integer.getInteger("fuzz.count", 2500);
    private static final String[] NOISE = {"🔥💥🧯", "\u202Eevil\u202C", "שלום עולם", "مرحبا", "\u0000", "\uD83D", "𝕮𝕺𝕰",
            "<script>alert(1)</script>", "' OR 1=1 --", "%s%n", "${jndi:ldap://x}", "\\u0000", "`/coe finish`"};

    private final Random random = new Random(SEED);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void malformedRequestsNeverFailLoudlyAndNeverChangeACoe() throws Exception {
        Person alice = ws.user("U0ALICE95", "alice", "UTC");
        Channel incident = ws.channel("inc-fuzz");
        alice.runs("/coe start Fuzzed", incident);
        SlackMessage card = incident.awaitMessageFromBot(m -> m.visibleText().contains("Fuzzed"));
        SlackMessage question = incident.awaitReplyFromBot(card.ts(), m -> !m.buttons().isEmpty());
        alice.repliesInThread(incident, card.ts(), "yesterday 10:00");
        incident.awaitReplyFromBot(card.ts(), "10:00 UTC");
        slack.await("the outbox is empty", () -> pendingOutbox() == 0);
        List<String> before = coeTables();

        JsonObject reply = ws.payloads().envelope(ws.payloads().messageEvent(
                slack.postAsUser(alice.id(), incident.id(), "an answer", card.ts())));
        JsonObject click = ws.payloads().blockActionsOnMessage(alice.id(), alice.name(), incident.info(), question,
                ws.payloads().buttonAction(question.button("Skip")), null, slack.newResponseUrl(), slack.newTriggerId());
        Map<String, String> command = ws.payloads().slashCommand(alice.id(), alice.name(), incident.info(), "/coe", "status",
                slack.newResponseUrl(), slack.newTriggerId());

        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        int sent = 0;
        int fiveHundreds = 0;
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < COUNT && System.nanoTime() < deadline; i++) {
            int kind = random.nextInt(10);
            byte[] body;
            String contentType;
            String what;
            if (kind < 5) {
                JsonObject e = reply.deepCopy();
                e.addProperty("event_id", SlackPayloads.newEventId());
                what = breakEvent(e);
                noise(e.get("event") instanceof JsonObject ev ? ev : e);
                body = withInvalidUtf8(SlackPayloads.toJson(e));
                contentType = SlackRequests.JSON;
            } else if (kind < 8) {
                JsonObject p = click.deepCopy();
                what = breakClick(p);
                noise(p);
                body = withInvalidUtf8("payload=" + URLEncoder.encode(SlackPayloads.toJson(p), StandardCharsets.UTF_8));
                contentType = SlackRequests.FORM;
            } else if (kind < 9) {
                Map<String, String> f = new java.util.LinkedHashMap<>(command);
                what = breakCommand(f);
                body = SlackRequests.formEncode(f).getBytes(StandardCharsets.UTF_8);
                contentType = SlackRequests.FORM;
            } else {
                what = "garbage body";
                body = garbage();
                contentType = random.nextBoolean() ? SlackRequests.JSON : SlackRequests.FORM;
            }
            HttpResponse<String> r = post(contentType, body);
            sent++;
            if (r.statusCode() >= 500) {
                fiveHundreds++;
                if (r.body().contains("Exception") || r.body().contains("\tat ") || r.body().contains(".java:")) {
                    problems.add("#" + i + " " + what + ": " + r.statusCode() + " with a stack trace: " + r.body());
                }
            }
            if (r.body().contains(RunningApp.SIGNING_SECRET) || r.body().contains(RunningApp.BOT_TOKEN)) {
                problems.add("#" + i + " " + what + ": a secret in the answer");
            }
        }
        assertTrue(sent >= 1000, "only " + sent + " requests in the time allowed");
        assertTrue(problems.isEmpty(), problems.size() + " problems (seed " + SEED + "), first: " + problems.subList(0, Math.min(5, problems.size())));
        slack.await("the outbox is empty", () -> pendingOutbox() == 0);
        List<String> after = coeTables();
        List<String> gone = before.stream().filter(r -> !after.contains(r)).toList();
        List<String> added = after.stream().filter(r -> !before.contains(r)).toList();
        assertTrue(gone.isEmpty() && added.isEmpty(), "a malformed request changed a COE (seed " + SEED + "; "
                + fiveHundreds + " answers were 5xx):\nbefore " + String.join("\n", gone) + "\nafter  " + String.join("\n", added));

        // The app still works.
        alice.repliesInThread(incident, card.ts(), "yesterday 10:05");
        incident.awaitReplyFromBot(card.ts(), "10:05 UTC");
    }

    @Test
    void a40000CharacterAnswerIsStoredWholeAndShownWithinSlacksLimits() {
        Person alice = ws.user("U0ALICE96", "alice", "UTC");
        Channel incident = ws.channel("inc-huge-answer");
        alice.runs("/coe start Huge answer", incident);
        SlackMessage card = incident.awaitMessageFromBot(m -> m.visibleText().contains("Huge answer"));
        long coeId = app.bean(Coes.class).openIn(slack.teamId(), incident.id()).orElseThrow().id();
        incident.awaitReplyFromBot(card.ts(), "trigger");
        // the times and the severity first, each once the bot has asked it
        for (String t : List.of("yesterday 10:00", "yesterday 10:05", "yesterday 10:10", "yesterday 10:20", "sev3")) {
            String asked = app.bean(Interviews.class).find(coeId).orElseThrow().currentQuestionId();
            alice.repliesInThread(incident, card.ts(), t);
            ws.await("the next question is asked", () -> !asked.equals(app.bean(Interviews.class).find(coeId)
                    .orElseThrow().currentQuestionId()) && pendingOutbox() == 0);
        }
        StringBuilder huge = new StringBuilder();
        int n = 0;
        while (huge.length() < 40_000) {
            huge.append("Sentence ").append(n++).append(" of the impact, with émoji 🔥 and עברית. ");
        }
        String text = huge.substring(0, 40_000);
        var state = app.bean(Interviews.class).find(coeId).orElseThrow();
        String questionId = state.currentQuestionId();
        alice.repliesInThread(incident, card.ts(), text);
        ws.await("the answer is stored", () -> app.bean(Interviews.class).find(coeId).orElseThrow()
                .answers().containsKey(questionId));
        String stored = app.bean(Interviews.class).find(coeId).orElseThrow().answers().get(questionId).text();
        assertTrue(stored.contains("Sentence " + (n - 2) + " of the impact"), "stored whole (" + stored.length() + " chars)");
        assertEquals(text.strip(), stored, "stored whole");

        alice.runs("/coe answers", incident);
        slack.await("the outbox is empty", () -> pendingOutbox() == 0);
        assertTrue(slack.refusals().isEmpty(), "Slack refused what the bot sent: " + slack.refusals());
        for (SlackMessage m : slack.allMessages()) {
            if (!m.isFromBot() || m.blocks() == null) continue;
            JsonArray blocks = m.blocksArray();
            assertTrue(blocks.size() <= 50, "more than 50 blocks: " + m.ts());
            for (JsonElement b : blocks) {
                JsonObject text2 = b.getAsJsonObject().getAsJsonObject("text");
                if (text2 != null) {
                    assertTrue(text2.get("text").getAsString().length() <= 3000, "a section over 3,000 chars in " + m.ts());
                }
            }
        }
        assertEquals(0, failedOutbox(), "no message was given up");
    }

    // ------------------------------------------------------------------ breaking a payload for sure

    private String breakEvent(JsonObject e) {
        JsonObject ev = e.getAsJsonObject("event");
        switch (random.nextInt(9)) {
            case 0 -> { e.remove("event"); return "no event"; }
            case 1 -> { ev.remove("user"); return "no user"; }
            case 2 -> { ev.add("user", junkValue()); return "user of a wrong type"; }
            case 3 -> { ev.add("thread_ts", random.nextBoolean() ? junkValue() : new JsonPrimitive(huge(40_000, "9"))); return "thread_ts wrong"; }
            case 4 -> { ev.add("channel", random.nextBoolean() ? junkValue() : new JsonPrimitive("C" + huge(60_000, "\u202E🔥"))); return "channel wrong"; }
            case 5 -> { ev.addProperty("type", "coe_unknown_" + random.nextInt(1000)); return "unknown event type"; }
            case 6 -> { e.addProperty("type", random.nextBoolean() ? "event_callbak" : "🔥"); return "unknown envelope type"; }
            case 7 -> { e.add("event", junkValue()); return "event of a wrong type"; }
            default -> { ev.addProperty("subtype", "bot_message"); ev.addProperty("bot_id", "B" + random.nextInt(999)); ev.remove("user"); return "bot message"; }
        }
    }

    private String breakClick(JsonObject p) {
        JsonObject action = p.getAsJsonArray("actions").get(0).getAsJsonObject();
        switch (random.nextInt(8)) {
            case 0 -> { p.remove("actions"); return "no actions"; }
            case 1 -> { p.add("actions", junkValue()); return "actions of a wrong type"; }
            case 2 -> { action.add("value", junkValue()); return "value of a wrong type"; }
            case 3 -> { action.addProperty("value", random.nextBoolean() ? huge(30_000, "1|") : "9999999999999999999999|x"); return "value wrong"; }
            case 4 -> { action.addProperty("value", "x" + NOISE[random.nextInt(NOISE.length)]); return "value not a number"; }
            case 5 -> { p.addProperty("type", "unknown_" + random.nextInt(100)); return "unknown payload type"; }
            case 6 -> { p.remove("team"); return "no team"; }
            default -> { action.addProperty("action_id", "coe.unknown." + NOISE[random.nextInt(NOISE.length)]); return "unknown action"; }
        }
    }

    private String breakCommand(Map<String, String> f) {
        switch (random.nextInt(6)) {
            case 0 -> { f.remove("team_id"); return "no team_id"; }
            case 1 -> { f.remove("user_id"); return "no user_id"; }
            case 2 -> { f.remove("channel_id"); return "no channel_id"; }
            case 3 -> { f.put("command", "/" + NOISE[random.nextInt(NOISE.length)]); return "unknown command"; }
            case 4 -> { f.put("text", "zz-" + huge(20_000, NOISE[random.nextInt(NOISE.length)])); return "huge unknown sub-command"; }
            default -> { f.put("text", "zz " + NOISE[random.nextInt(NOISE.length)]); return "unknown sub-command"; }
        }
    }

    /** Extra noise anywhere in the object: more fields of odd types, emoji, RTL, long strings. */
    private void noise(JsonObject o) {
        int extra = random.nextInt(3);
        for (int i = 0; i < extra; i++) {
            String key = random.nextBoolean() ? "text" : "x_" + NOISE[random.nextInt(NOISE.length)];
            o.add(key, random.nextInt(4) == 0 ? new JsonPrimitive(huge(random.nextInt(50_000), NOISE[random.nextInt(NOISE.length)]))
                    : junkValue());
        }
    }

    private JsonElement junkValue() {
        return switch (random.nextInt(6)) {
            case 0 -> new JsonPrimitive(random.nextLong());
            case 1 -> new JsonPrimitive(random.nextBoolean());
            case 2 -> new JsonArray();
            case 3 -> new JsonObject();
            case 4 -> com.google.gson.JsonNull.INSTANCE;
            default -> new JsonPrimitive(random.nextDouble() * 1e300);
        };
    }

    private String huge(int length, String unit) {
        StringBuilder sb = new StringBuilder(length + unit.length());
        while (sb.length() < length) sb.append(unit);
        return sb.toString();
    }

    /** Sometimes splices bytes that are not UTF-8 into the body (signed as sent). */
    private byte[] withInvalidUtf8(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (random.nextInt(4) != 0) return bytes;
        int at = random.nextInt(bytes.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes, 0, at);
        byte[][] bad = {{(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF0, (byte) 0x28, (byte) 0x8C}};
        out.writeBytes(bad[random.nextInt(bad.length)]);
        out.write(bytes, at, bytes.length - at);
        return out.toByteArray();
    }

    private byte[] garbage() {
        return switch (random.nextInt(5)) {
            case 0 -> new byte[0];
            case 1 -> "{\"type\":\"event_callback\",\"event\":{".getBytes(StandardCharsets.UTF_8);
            case 2 -> "payload=%7B%22type%22".getBytes(StandardCharsets.UTF_8);
            case 3 -> "[1,2,3]".getBytes(StandardCharsets.UTF_8);
            default -> {
                byte[] b = new byte[random.nextInt(2000)];
                random.nextBytes(b);
                yield b;
            }
        };
    }

    private HttpResponse<String> post(String contentType, byte[] body) throws Exception {
        String ts = String.valueOf(Instant.now().getEpochSecond());
        byte[] prefix = ("v0:" + ts + ":").getBytes(StandardCharsets.UTF_8);
        byte[] base = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, base, 0, prefix.length);
        System.arraycopy(body, 0, base, prefix.length, body.length);
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(RunningApp.SIGNING_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = "v0=" + java.util.HexFormat.of().formatHex(mac.doFinal(base));
        return http.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + SlackRequests.EVENTS_PATH))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", contentType)
                .header("X-Slack-Request-Timestamp", ts).header("X-Slack-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    // ------------------------------------------------------------------ the database as a person's work

    private long pendingOutbox() {
        return CoeRows.pendingOutbox(app);
    }

    private long failedOutbox() {
        return CoeRows.count(app, "SELECT count(*) FROM outbox WHERE status = 'FAILED'");
    }

    private List<String> coeTables() {
        return CoeRows.of(app);
    }
}
