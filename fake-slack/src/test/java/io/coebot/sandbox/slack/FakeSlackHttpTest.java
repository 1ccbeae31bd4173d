package io.coebot.sandbox.slack;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** FakeSlack over plain HTTP: body encodings, tokens, unknown methods, response_url, uploads, diagnostics. */
class FakeSlackHttpTest {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private FakeSlack fake;
    private String incident;

    @BeforeEach
    void start() {
        fake = FakeSlack.start("xoxb-custom-token-for-this-test");
        incident = fake.addChannel("inc-db-outage");
        fake.addUser("U_ALICE", "alice", "Europe/Paris");
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private HttpResponse<String> post(String url, String contentType, String body, String bearer) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject json(HttpResponse<String> r) {
        return Json.parseObject(r.body());
    }

    @Test
    void acceptsJsonBodiesWithBlocksAsArrays() throws Exception {
        String body = "{\"channel\":\"" + incident + "\",\"text\":\"fallback\",\"blocks\":[{\"type\":\"header\","
                + "\"text\":{\"type\":\"plain_text\",\"text\":\"COE-1: Database outage\"}}]}";

        HttpResponse<String> r = post(fake.apiUrl() + "chat.postMessage", "application/json; charset=utf-8", body,
                "xoxb-custom-token-for-this-test");

        assertEquals(200, r.statusCode());
        assertTrue(Json.bool(json(r), "ok"), r.body());
        assertEquals("COE-1: Database outage", fake.channelMessages(incident).get(0).visibleText());
        assertTrue(fake.calls("chat.postMessage").get(0).param("blocks").startsWith("[{"), "objects are recorded as JSON text");
    }

    @Test
    void acceptsTheTokenAsAFormField() throws Exception {
        HttpResponse<String> r = post(fake.apiUrl() + "chat.postMessage", "application/x-www-form-urlencoded",
                "token=xoxb-custom-token-for-this-test&channel=" + incident + "&text=caf%C3%A9+%26+more", null);

        assertTrue(Json.bool(json(r), "ok"), r.body());
        assertEquals("café & more", fake.channelMessages(incident).get(0).text());
    }

    @Test
    void missingTokenIsNotAuthedAndUnknownMethodsAreRecorded() throws Exception {
        HttpResponse<String> noToken = post(fake.apiUrl() + "chat.postMessage", "application/x-www-form-urlencoded",
                "channel=" + incident + "&text=x", null);
        HttpResponse<String> unknown = post(fake.apiUrl() + "chat.scheduleMessage", "application/x-www-form-urlencoded",
                "channel=" + incident, "xoxb-custom-token-for-this-test");
        HttpResponse<String> badJson = post(fake.apiUrl() + "chat.postMessage", "application/json", "{not json",
                "xoxb-custom-token-for-this-test");

        assertEquals("not_authed", Json.str(json(noToken), "error"));
        assertEquals("unknown_method", Json.str(json(unknown), "error"));
        assertEquals(200, unknown.statusCode());
        assertEquals("invalid_json", Json.str(json(badJson), "error"));
        assertEquals(1, fake.calls("chat.scheduleMessage").size());
        assertNull(fake.calls("chat.postMessage").get(0).token());
    }

    @Test
    void responseUrlPostsAreRecordedAndActLikeSlack() throws Exception {
        String card = postCard();
        String bound = fake.newResponseUrl(incident, "U_ALICE", card);
        String unbound = fake.newResponseUrl();

        assertTrue(bound.startsWith(fake.baseUrl() + "response/"));
        assertFalse(bound.equals(unbound));
        assertEquals(200, post(unbound, "application/json", "{\"text\":\"just recorded\"}", null).statusCode());
        post(bound, "application/json", "{\"text\":\"Saved your answer\"}", null);
        post(bound, "application/json", "{\"response_type\":\"in_channel\",\"text\":\"Alice paused COE-1\"}", null);
        post(bound, "application/json", "{\"replace_original\":true,\"text\":\"COE-1 (paused)\"}", null);

        assertEquals("just recorded", fake.responses(unbound).get(0).text());
        List<ResponseUrlPost> posts = fake.responses(bound);
        assertEquals(List.of("ephemeral", "in_channel", "ephemeral"), posts.stream().map(ResponseUrlPost::responseType).toList());
        assertTrue(posts.get(2).replaceOriginal());
        assertEquals("Saved your answer", fake.ephemerals(incident, "U_ALICE").get(0).visibleText());
        assertEquals("response_url", fake.ephemerals(incident, "U_ALICE").get(0).source());
        List<SlackMessage> channel = fake.channelMessages(incident);
        assertEquals("COE-1 (paused)", channel.get(0).visibleText());
        assertEquals("Alice paused COE-1", channel.get(1).visibleText());
        assertTrue(channel.get(1).isFromBot());
    }

    /** Slack's documented limits, each just over: the fake answers as Slack does and records a refusal. */
    @Test
    void messagesOverSlacksLimitsAreRefusedWhereverTheyAreSentAndRecorded() throws Exception {
        String token = "xoxb-custom-token-for-this-test";
        String tooLong = "x".repeat(40_001);
        String section3001 = section("y".repeat(3_001));
        String header151 = "{\"type\":\"header\",\"text\":{\"type\":\"plain_text\",\"text\":\"" + "h".repeat(151) + "\"}}";
        String blocks51 = "[" + String.join(",", java.util.Collections.nCopies(51, section("z"))) + "]";
        String value2001 = "[{\"type\":\"actions\",\"elements\":[{\"type\":\"button\",\"text\":{\"type\":\"plain_text\","
                + "\"text\":\"Go\"},\"value\":\"" + "v".repeat(2_001) + "\"}]}]";
        String option76 = "[{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"Pick\"},\"accessory\":"
                + "{\"type\":\"static_select\",\"options\":[{\"text\":{\"type\":\"plain_text\",\"text\":\"" + "o".repeat(76)
                + "\"},\"value\":\"o\"}]}}]";

        for (String method : List.of("chat.postMessage", "chat.postEphemeral")) {
            String to = "{\"channel\":\"" + incident + "\",\"user\":\"U_ALICE\",";
            assertEquals("msg_too_long", Json.str(json(post(fake.apiUrl() + method, "application/json",
                    to + "\"text\":\"" + tooLong + "\"}", token)), "error"), method);
            for (String blocks : List.of("[" + section3001 + "]", "[" + header151 + "]", blocks51, value2001, option76)) {
                JsonObject r = json(post(fake.apiUrl() + method, "application/json",
                        to + "\"text\":\"t\",\"blocks\":" + blocks + "}", token));
                assertEquals("invalid_blocks", Json.str(r, "error"), method + " " + r);
            }
        }
        String card = postCard();
        assertEquals("msg_too_long", Json.str(json(post(fake.apiUrl() + "chat.update", "application/json",
                "{\"channel\":\"" + incident + "\",\"ts\":\"" + card + "\",\"text\":\"" + tooLong + "\"}", token)), "error"));
        assertEquals("invalid_blocks", Json.str(json(post(fake.apiUrl() + "chat.update", "application/json",
                "{\"channel\":\"" + incident + "\",\"ts\":\"" + card + "\",\"text\":\"t\",\"blocks\":[" + section3001 + "]}",
                token)), "error"));
        String home101 = "{\"type\":\"home\",\"blocks\":[" + String.join(",", java.util.Collections.nCopies(101, section("z"))) + "]}";
        JsonObject home = json(post(fake.apiUrl() + "views.publish", "application/json",
                "{\"user_id\":\"U_ALICE\",\"view\":" + home101 + "}", token));
        assertEquals("invalid_arguments", Json.str(home, "error"), "Slack's views methods answer invalid_arguments");

        String responseUrl = fake.newResponseUrl(incident, "U_ALICE", null);
        HttpResponse<String> r = post(responseUrl, "application/json", "{\"text\":\"t\",\"blocks\":[" + section3001 + "]}", null);
        assertEquals(400, r.statusCode());
        assertEquals("invalid_blocks", Json.str(json(r), "error"));
        assertEquals(400, post(responseUrl, "application/json", "{\"text\":\"" + tooLong + "\"}", null).statusCode());
        assertTrue(fake.ephemerals(incident, "U_ALICE").isEmpty(), "nothing refused is shown");
        fake.commandAnswered(incident, "U_ALICE", "{\"text\":\"" + tooLong + "\"}");
        assertTrue(fake.ephemerals(incident, "U_ALICE").isEmpty(), "nor a command's answer over the limit");

        List<Refusal> refusals = fake.refusals();
        assertEquals(2 * 6 + 2 + 1 + 2 + 1, refusals.size(), refusals.toString());
        assertTrue(refusals.get(1).messages().get(0).contains("[json-pointer:/blocks/0/text/text]"), refusals.get(1).toString());
        assertEquals(List.of("response_url", "response_url", "command ack"),
                refusals.subList(refusals.size() - 3, refusals.size()).stream().map(Refusal::via).toList());

        fake.failNext("chat.postMessage", "invalid_blocks");
        post(fake.apiUrl() + "chat.postMessage", "application/json", "{\"channel\":\"" + incident + "\",\"text\":\"t\"}", token);
        assertEquals(refusals.size(), fake.refusals().size(), "an injected fault is not the app's doing");
    }

    private static String section(String text) {
        return "{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"" + text + "\"}}";
    }

    private String postCard() throws Exception {
        HttpResponse<String> r = post(fake.apiUrl() + "chat.postMessage", "application/x-www-form-urlencoded",
                "channel=" + incident + "&text=COE-1", "xoxb-custom-token-for-this-test");
        return Json.str(json(r), "ts");
    }

    @Test
    void aResponseUrlTakesFivePostsAndDeleteOriginalRemovesTheMessage() throws Exception {
        String card = postCard();
        String url = fake.newResponseUrl(incident, "U_ALICE", card);
        for (int i = 0; i < 4; i++) {
            assertEquals(200, post(url, "application/json", "{\"text\":\"n" + i + "\"}", null).statusCode());
        }
        assertEquals(200, post(url, "application/json", "{\"delete_original\":true}", null).statusCode());

        HttpResponse<String> sixth = post(url, "application/json", "{\"text\":\"too many\"}", null);

        assertEquals(404, sixth.statusCode());
        assertEquals("used_url", Json.str(json(sixth), "error"));
        assertNull(fake.message(incident, card));
        assertEquals(5, fake.responses(url).size());
    }

    @Test
    void uploadUrlAcceptsRawBytesOrMultipart() throws Exception {
        String token = "xoxb-custom-token-for-this-test";
        JsonObject a = json(post(fake.apiUrl() + "files.getUploadURLExternal", "application/x-www-form-urlencoded",
                "filename=a.md&length=5", token));
        JsonObject b = json(post(fake.apiUrl() + "files.getUploadURLExternal", "application/x-www-form-urlencoded",
                "filename=b.md&length=5", token));
        assertTrue(Json.str(a, "upload_url").startsWith(fake.baseUrl()));

        HttpResponse<String> raw = post(Json.str(a, "upload_url"), "application/octet-stream", "hello", null);
        String multipart = "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"b.md\"\r\n"
                + "Content-Type: text/markdown\r\n\r\nworld\r\n--XyZ--\r\n";
        post(Json.str(b, "upload_url"), "multipart/form-data; boundary=XyZ", multipart, null);
        JsonObject done = json(post(fake.apiUrl() + "files.completeUploadExternal", "application/x-www-form-urlencoded",
                "files=" + java.net.URLEncoder.encode("[{\"id\":\"" + Json.str(a, "file_id") + "\"},{\"id\":\""
                        + Json.str(b, "file_id") + "\",\"title\":\"B\"}]", StandardCharsets.UTF_8), token));

        assertEquals("OK - 5", raw.body());
        assertTrue(Json.bool(done, "ok"), done.toString());
        assertEquals(List.of("hello", "world"), fake.files().stream().map(UploadedFile::contentAsString).toList());
        assertEquals(List.of("a.md", "B"), fake.files().stream().map(UploadedFile::title).toList());
        assertNull(fake.files().get(0).channelId(), "not shared without a channel");
        JsonObject again = json(post(fake.apiUrl() + "files.completeUploadExternal", "application/x-www-form-urlencoded",
                "files=" + java.net.URLEncoder.encode("[{\"id\":\"F0NOSUCH00\"}]", StandardCharsets.UTF_8), token));
        assertEquals("file_not_found", Json.str(again, "error"));
    }

    @Test
    void awaitFailsWithTheDescriptionAndWhatSlackRecorded() throws Exception {
        postCard();
        fake.postAsUser("U_ALICE", incident, "we rolled back at 14:20", null);
        fake.awaitTimeout(Duration.ofMillis(100));

        AssertionError e = assertThrows(AssertionError.class,
                () -> fake.await("the card to show COE-2", () -> false));

        String msg = e.getMessage();
        assertTrue(msg.contains("the card to show COE-2"), msg);
        assertTrue(msg.contains("chat.postMessage channel=" + incident), msg);
        assertTrue(msg.contains("-> ok ts="), msg);
        assertTrue(msg.contains("we rolled back at 14:20"), msg);
        assertTrue(msg.contains("#inc-db-outage"), msg);
    }

    @Test
    void awaitReturnsAsSoonAsTheConditionHolds() {
        long start = System.nanoTime();
        String ts = fake.awaitValue("a message", () -> {
            if (System.nanoTime() - start < 60_000_000L) {
                return null;
            }
            return "done";
        });
        assertEquals("done", ts);
        assertTrue(System.nanoTime() - start < 2_000_000_000L);
    }
}
