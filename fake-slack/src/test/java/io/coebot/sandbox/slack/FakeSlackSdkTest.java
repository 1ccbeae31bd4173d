package io.coebot.sandbox.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.auth.AuthTestResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import com.slack.api.methods.response.conversations.ConversationsRepliesResponse;
import com.slack.api.methods.response.files.FilesUploadV2Response;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import com.slack.api.model.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real Slack SDK client (what Bolt uses) against FakeSlack: the fake must answer the way the SDK expects. */
class FakeSlackSdkTest {

    private static final String TS = "^\\d{10}\\.\\d{6}$";

    private FakeSlack fake;
    private Slack sdk;
    private MethodsClient client;
    private String incident;

    @BeforeEach
    void start() {
        fake = FakeSlack.start();
        sdk = Slack.getInstance(sdkConfig(fake, null));
        client = sdk.methods(fake.botToken());
        incident = fake.addChannel("inc-db-outage");
        fake.addUser("U_ALICE", "alice", "Europe/Paris");
        fake.addUser("U_BOB", "bob", "America/New_York");
    }

    @AfterEach
    void stop() throws Exception {
        sdk.close();
        fake.close();
    }

    static SlackConfig sdkConfig(FakeSlack fake, Integer readTimeoutMillis) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(fake.apiUrl());
        config.setStatsEnabled(false);
        if (readTimeoutMillis != null) {
            config.setHttpClientReadTimeoutMillis(readTimeoutMillis);
            config.setHttpClientCallTimeoutMillis(readTimeoutMillis);
        }
        return config;
    }

    @Test
    void botActivityCarriesWhenTheFakeReceivedTheCall() throws Exception {
        List<FakeSlack.BotActivity> heard = new ArrayList<>();
        fake.onBotActivity(heard::add);
        long before = System.nanoTime();
        String ts = client.chatPostMessage(r -> r.channel(incident).text("question")).getTs();
        long between = System.nanoTime();
        client.chatUpdate(r -> r.channel(incident).ts(ts).text("question, answered"));
        long after = System.nanoTime();

        assertEquals(List.of(FakeSlack.BotActivity.Kind.POSTED, FakeSlack.BotActivity.Kind.UPDATED),
                heard.stream().map(FakeSlack.BotActivity::kind).toList());
        assertTrue(heard.get(0).receivedNanos() > before && heard.get(0).receivedNanos() < between);
        assertTrue(heard.get(1).receivedNanos() > between && heard.get(1).receivedNanos() < after);
    }

    @Test
    void authTestIdentifiesTheBotAndTheWorkspace() throws Exception {
        AuthTestResponse r = client.authTest(req -> req);

        assertTrue(r.isOk(), r.getError());
        assertEquals("T0001", r.getTeamId());
        assertEquals(fake.botUserId(), r.getUserId());
        assertEquals(fake.botId(), r.getBotId());
        assertTrue(r.getHttpResponseHeaders().get("x-oauth-scopes").get(0).contains("chat:write"));
        assertEquals(fake.botToken(), fake.lastCall("auth.test").orElseThrow().token());
    }

    @Test
    void aWrongTokenIsRefusedLikeSlack() throws Exception {
        assertEquals("invalid_auth", sdk.methods("xoxb-not-the-right-token-000").authTest(r -> r).getError());
        assertEquals("invalid_auth", sdk.methods("xoxb-not-the-right-token-000")
                .chatPostMessage(r -> r.channel(incident).text("x")).getError());
        assertTrue(fake.channelMessages(incident).isEmpty());
        assertEquals("xoxb-not-the-right-token-000", fake.calls("auth.test").get(0).token());
    }

    @Test
    void postedMessagesGetRealisticStrictlyIncreasingTs() throws Exception {
        List<String> ts = new ArrayList<>();
        ChatPostMessageResponse first = client.chatPostMessage(r -> r.channel(incident).text("COE-1 started"));
        ts.add(first.getTs());
        ts.add(fake.postAsUser("U_ALICE", incident, "hello", null).ts());
        ts.add(client.chatPostMessage(r -> r.channel(incident).text("second")).getTs());
        ts.add(fake.nextTs());

        assertTrue(first.isOk(), first.getError());
        assertEquals(incident, first.getChannel());
        assertEquals(fake.botId(), first.getMessage().getBotId());
        assertEquals(fake.botUserId(), first.getMessage().getUser());
        assertEquals("COE-1 started", first.getMessage().getText());
        assertEquals(first.getTs(), first.getMessage().getTs());
        for (int i = 0; i < ts.size(); i++) {
            assertTrue(ts.get(i).matches(TS), ts.get(i));
            long epochSeconds = Long.parseLong(ts.get(i).substring(0, 10));
            assertTrue(Math.abs(epochSeconds - Instant.now().getEpochSecond()) < 60, "ts is the current time");
            if (i > 0) {
                assertTrue(new BigDecimal(ts.get(i)).compareTo(new BigDecimal(ts.get(i - 1))) > 0, ts.toString());
            }
        }
        List<SlackMessage> seen = fake.channelMessages("#inc-db-outage");
        assertEquals(List.of(ts.get(0), ts.get(1), ts.get(2)), seen.stream().map(SlackMessage::ts).toList());
        assertTrue(seen.get(0).isFromBot());
        assertFalse(seen.get(1).isFromBot());
        assertEquals("U_ALICE", seen.get(1).user());
    }

    @Test
    void threadTsPutsTheReplyInTheThreadNotInTheChannel() throws Exception {
        String parent = client.chatPostMessage(r -> r.channel(incident).text("COE card")).getTs();
        String human = fake.postAsUser("U_ALICE", incident, "14:05 deploy", parent).ts();
        ChatPostMessageResponse reply = client.chatPostMessage(r -> r.channel(incident).threadTs(parent).text("When was it detected?"));
        // a reply to a reply lands in the parent's thread, as in Slack
        ChatPostMessageResponse nested = client.chatPostMessage(r -> r.channel(incident).threadTs(human).text("Thanks"));

        assertEquals(parent, reply.getMessage().getThreadTs());
        assertEquals(parent, nested.getMessage().getThreadTs());
        assertEquals(List.of(human, reply.getTs(), nested.getTs()), fake.thread(incident, parent).stream().map(SlackMessage::ts).toList());
        assertEquals(List.of(parent), fake.channelMessages(incident).stream().map(SlackMessage::ts).toList());
        SlackMessage card = fake.message(incident, parent);
        assertEquals(3, card.replyCount());
        assertEquals(parent, card.threadTs());
        assertEquals("thread_not_found", client.chatPostMessage(r -> r.channel(incident).threadTs("1700000000.000001").text("x")).getError());

        String broadcast = client.chatPostMessage(r -> r.channel(incident).threadTs(parent).replyBroadcast(true).text("Also sent to the channel")).getTs();
        assertEquals(List.of(parent, broadcast), fake.channelMessages(incident).stream().map(SlackMessage::ts).toList());
        assertEquals(broadcast, fake.thread(incident, parent).get(3).ts());
    }

    @Test
    void membershipDecidesBetweenNotInChannelAndChannelNotFound() throws Exception {
        String outside = fake.addChannelWithoutBot("general");
        String secret = fake.addChannel("sec-incident", true, false);
        String privateWithBot = fake.addChannel("inc-private", true);

        assertTrue(outside.matches("C[0-9A-Z]{10}"), outside);
        assertTrue(secret.matches("G[0-9A-Z]{10}"), secret);
        assertEquals("not_in_channel", client.chatPostMessage(r -> r.channel(outside).text("x")).getError());
        assertEquals("channel_not_found", client.chatPostMessage(r -> r.channel(secret).text("x")).getError());
        assertEquals("channel_not_found", client.chatPostMessage(r -> r.channel("C0NOSUCH000").text("x")).getError());
        assertEquals("not_in_channel", client.conversationsHistory(r -> r.channel(outside)).getError());
        assertEquals("channel_not_found", client.conversationsInfo(r -> r.channel(secret)).getError());
        assertTrue(client.conversationsInfo(r -> r.channel(outside)).isOk(), "public channels are visible to the bot");
        assertTrue(client.chatPostMessage(r -> r.channel(privateWithBot).text("x")).isOk());

        fake.botJoins(outside);
        assertTrue(client.chatPostMessage(r -> r.channel(outside).text("now inside")).isOk());
        fake.archiveChannel(outside);
        assertEquals("is_archived", client.chatPostMessage(r -> r.channel(outside).text("x")).getError());
        assertEquals(1, fake.channelMessages(outside).size());
    }

    @Test
    void conversationsInfoDescribesTheChannel() throws Exception {
        String priv = fake.addChannel("inc-private", true);
        var pub = client.conversationsInfo(r -> r.channel(incident)).getChannel();
        var grp = client.conversationsInfo(r -> r.channel(priv)).getChannel();

        assertEquals("inc-db-outage", pub.getName());
        assertFalse(pub.isPrivate());
        assertTrue(pub.isMember());
        assertFalse(pub.isIm());
        assertTrue(grp.isPrivate());
        assertEquals(priv, grp.getId());
    }

    @Test
    void chatUpdateKeepsTsAndReplacesContent() throws Exception {
        String blocks = "[{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"*COE-1* Timeline 0/5\"}}]";
        String ts = client.chatPostMessage(r -> r.channel(incident).text("COE-1").blocksAsString(blocks)).getTs();
        String updated = "[{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"*COE-1* Timeline 3/5\"}}]";

        ChatUpdateResponse r = client.chatUpdate(req -> req.channel(incident).ts(ts).text("COE-1").blocksAsString(updated));

        assertTrue(r.isOk(), r.getError());
        assertEquals(ts, r.getTs());
        SlackMessage now = fake.message(incident, ts);
        assertEquals("*COE-1* Timeline 3/5", now.visibleText());
        assertTrue(now.isEdited());
        assertEquals(1, fake.channelMessages(incident).size());
        assertEquals("message_not_found", client.chatUpdate(req -> req.channel(incident).ts("1700000000.000001").text("x")).getError());
        String human = fake.postAsUser("U_ALICE", incident, "mine", null).ts();
        assertEquals("cant_update_message", client.chatUpdate(req -> req.channel(incident).ts(human).text("x")).getError());
        assertEquals("cant_delete_message", client.chatDelete(req -> req.channel(incident).ts(human)).getError());
    }

    @Test
    void chatDeleteRemovesTheMessage() throws Exception {
        String ts = client.chatPostMessage(r -> r.channel(incident).text("oops")).getTs();

        assertTrue(client.chatDelete(r -> r.channel(incident).ts(ts)).isOk());

        assertNull(fake.message(incident, ts));
        assertTrue(fake.channelMessages(incident).isEmpty());
        assertEquals("message_not_found", client.chatDelete(r -> r.channel(incident).ts(ts)).getError());
    }

    @Test
    void ephemeralsAreSeenOnlyByTheirUser() throws Exception {
        var r = client.chatPostEphemeral(req -> req.channel(incident).user("U_ALICE").text("Only you: COE-1 is paused"));

        assertTrue(r.isOk(), r.getError());
        assertTrue(r.getMessageTs().matches(TS));
        assertEquals("Only you: COE-1 is paused", fake.ephemerals(incident, "U_ALICE").get(0).visibleText());
        assertTrue(fake.ephemerals(incident, "U_BOB").isEmpty());
        assertTrue(fake.channelMessages(incident).isEmpty(), "an ephemeral is not a channel message");
        assertEquals("user_not_in_channel", client.chatPostEphemeral(req -> req.channel(incident).user("U_NOBODY").text("x")).getError());
    }

    @Test
    void permalinksPointAtTheMessageAndItsThread() throws Exception {
        String parent = client.chatPostMessage(r -> r.channel(incident).text("card")).getTs();
        String reply = client.chatPostMessage(r -> r.channel(incident).threadTs(parent).text("q1")).getTs();

        String top = client.chatGetPermalink(r -> r.channel(incident).messageTs(parent)).getPermalink();
        String inThread = client.chatGetPermalink(r -> r.channel(incident).messageTs(reply)).getPermalink();

        assertEquals("https://fake.slack.com/archives/" + incident + "/p" + parent.replace(".", ""), top);
        assertEquals("https://fake.slack.com/archives/" + incident + "/p" + reply.replace(".", "")
                + "?thread_ts=" + parent + "&cid=" + incident, inThread);
    }

    @Test
    void usersInfoCarriesTheTimeZoneAsOfNow() throws Exception {
        UsersInfoResponse r = client.usersInfo(req -> req.user("U_ALICE"));

        assertTrue(r.isOk(), r.getError());
        assertEquals("Europe/Paris", r.getUser().getTz());
        assertEquals(ZoneId.of("Europe/Paris").getRules().getOffset(Instant.now()).getTotalSeconds(), r.getUser().getTzOffset());
        assertTrue(r.getUser().getTzLabel().startsWith("Central European"), r.getUser().getTzLabel());
        assertFalse(r.getUser().isBot());
        assertFalse(r.getUser().isDeleted());
        assertEquals("user_not_found", client.usersInfo(req -> req.user("U_NOBODY")).getError());
        assertTrue(client.usersInfo(req -> req.user(fake.botUserId())).getUser().isBot());

        fake.deactivateUser("U_BOB");
        assertTrue(client.usersInfo(req -> req.user("U_BOB")).getUser().isDeleted());
        assertEquals("user_disabled", client.conversationsOpen(req -> req.users(List.of("U_BOB"))).getError());
    }

    @Test
    void conversationsOpenGivesOneStableDmPerUser() throws Exception {
        var first = client.conversationsOpen(r -> r.users(List.of("U_ALICE")));
        var again = client.conversationsOpen(r -> r.users(List.of("U_ALICE")));
        var bob = client.conversationsOpen(r -> r.users(List.of("U_BOB")));

        assertTrue(first.isOk(), first.getError());
        assertTrue(first.getChannel().getId().matches("D[0-9A-Z]{10}"));
        assertEquals(first.getChannel().getId(), again.getChannel().getId());
        assertTrue(again.isAlreadyOpen());
        assertNotEquals(first.getChannel().getId(), bob.getChannel().getId());

        String dm = first.getChannel().getId();
        assertTrue(client.chatPostMessage(r -> r.channel(dm).text("Your action items for today")).isOk());
        assertTrue(client.chatPostMessage(r -> r.channel("U_ALICE").text("posting to a user id uses the same DM")).isOk());
        assertEquals(2, fake.dms("U_ALICE").size());
        assertTrue(client.conversationsInfo(r -> r.channel(dm)).getChannel().isIm());
        assertTrue(fake.dms("U_BOB").isEmpty());
    }

    @Test
    void historyPagesNewestFirstWithCursors() throws Exception {
        List<String> posted = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            int n = i;
            posted.add(client.chatPostMessage(r -> r.channel(incident).text("m" + n)).getTs());
        }
        String parent = posted.get(0);
        client.chatPostMessage(r -> r.channel(incident).threadTs(parent).text("a reply is not in history"));

        List<String> seen = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        List<Boolean> hasMore = new ArrayList<>();
        String cursor = null;
        do {
            String c = cursor;
            ConversationsHistoryResponse page = client.conversationsHistory(r -> r.channel(incident).limit(3).cursor(c));
            assertTrue(page.isOk(), page.getError());
            page.getMessages().forEach(m -> seen.add(m.getTs()));
            pageSizes.add(page.getMessages().size());
            hasMore.add(page.isHasMore());
            cursor = page.getResponseMetadata().getNextCursor();
            if (pageSizes.size() == 1) {
                // a message arriving between pages must not shift the next page
                client.chatPostMessage(r -> r.channel(incident).text("late"));
            }
        } while (cursor != null && !cursor.isEmpty());

        List<String> newestFirst = new ArrayList<>(posted);
        Collections.reverse(newestFirst);
        assertEquals(newestFirst, seen);
        assertEquals(List.of(3, 3, 1), pageSizes);
        assertEquals(List.of(true, true, false), hasMore);
        assertEquals("invalid_cursor", client.conversationsHistory(r -> r.channel(incident).cursor("bm9wZQ==")).getError());
    }

    @Test
    void historyHonoursOldestLatestAndInclusive() throws Exception {
        List<String> ts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ts.add(client.chatPostMessage(r -> r.channel(incident).text("x")).getTs());
        }

        List<String> exclusive = client.conversationsHistory(r -> r.channel(incident).oldest(ts.get(1)).latest(ts.get(4)))
                .getMessages().stream().map(Message::getTs).toList();
        List<String> inclusive = client.conversationsHistory(r -> r.channel(incident).oldest(ts.get(1)).latest(ts.get(4)).inclusive(true))
                .getMessages().stream().map(Message::getTs).toList();

        assertEquals(List.of(ts.get(3), ts.get(2)), exclusive);
        assertEquals(List.of(ts.get(4), ts.get(3), ts.get(2), ts.get(1)), inclusive);
    }

    @Test
    void repliesPageOldestFirstStartingWithTheParent() throws Exception {
        String parent = client.chatPostMessage(r -> r.channel(incident).text("5 Whys: API errors")).getTs();
        List<String> expected = new ArrayList<>(List.of(parent));
        for (int i = 1; i <= 5; i++) {
            expected.add(fake.postAsUser(i % 2 == 0 ? "U_BOB" : "U_ALICE", incident, "why " + i, parent).ts());
        }

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            String c = cursor;
            ConversationsRepliesResponse page = client.conversationsReplies(r -> r.channel(incident).ts(parent).limit(2).cursor(c));
            assertTrue(page.isOk(), page.getError());
            page.getMessages().forEach(m -> seen.add(m.getTs()));
            cursor = page.getResponseMetadata().getNextCursor();
            pages++;
        } while (cursor != null && !cursor.isEmpty());

        assertEquals(expected, seen);
        assertEquals(3, pages);
        Message first = client.conversationsReplies(r -> r.channel(incident).ts(parent)).getMessages().get(0);
        assertEquals(5, first.getReplyCount());
        assertEquals("thread_not_found", client.conversationsReplies(r -> r.channel(incident).ts("1700000000.000001")).getError());
    }

    @Test
    void rateLimitIsAn429WithRetryAfterThatTheSdkSurfaces() throws Exception {
        fake.rateLimitNext("chat.postMessage", 7);

        SlackApiException e = assertThrows(SlackApiException.class,
                () -> client.chatPostMessage(r -> r.channel(incident).text("card")));

        assertEquals(429, e.getResponse().code());
        assertEquals("7", e.getResponse().header("Retry-After"));
        assertEquals("ratelimited", e.getError().getError());
        assertTrue(fake.channelMessages(incident).isEmpty(), "a rate-limited call has no effect");
        assertTrue(client.chatPostMessage(r -> r.channel(incident).text("card")).isOk(), "the fault is used once");
        assertEquals(2, fake.calls("chat.postMessage").size());
    }

    @Test
    void faultsAreConsumedInOrderPerMethod() throws Exception {
        fake.failNext("chat.postMessage", "fatal_error").failNext("chat.postMessage", "msg_too_long");
        fake.serverErrorNext("chat.update");

        assertTrue(client.authTest(r -> r).isOk(), "other methods are untouched");
        assertEquals("fatal_error", client.chatPostMessage(r -> r.channel(incident).text("a")).getError());
        assertEquals("msg_too_long", client.chatPostMessage(r -> r.channel(incident).text("b")).getError());
        String ts = client.chatPostMessage(r -> r.channel(incident).text("c")).getTs();
        SlackApiException e = assertThrows(SlackApiException.class, () -> client.chatUpdate(r -> r.channel(incident).ts(ts).text("d")));
        assertEquals(500, e.getResponse().code());
        assertTrue(client.chatUpdate(r -> r.channel(incident).ts(ts).text("d")).isOk());
    }

    @Test
    void failAlwaysLastsUntilCleared() throws Exception {
        fake.failAlways("users.info", "account_inactive");

        assertEquals("account_inactive", client.usersInfo(r -> r.user("U_ALICE")).getError());
        assertEquals("account_inactive", client.usersInfo(r -> r.user("U_ALICE")).getError());
        fake.clearFaults();
        assertTrue(client.usersInfo(r -> r.user("U_ALICE")).isOk());
    }

    @Test
    void aDelayedAnswerTimesTheClientOutButTheMessageIsPosted() throws Exception {
        fake.delayNext("chat.postMessage", Duration.ofMillis(1500));
        try (Slack impatient = Slack.getInstance(sdkConfig(fake, 300))) {
            MethodsClient c = impatient.methods(fake.botToken());

            assertThrows(IOException.class, () -> c.chatPostMessage(r -> r.channel(incident).text("card")));
        }

        assertEquals(1, fake.channelMessages(incident).size(), "Slack carried out the call even though the answer came late");
    }

    @Test
    void modalsNeedAFreshTriggerAndUpdatesCheckTheHash() throws Exception {
        String trigger = fake.newTriggerId("U_ALICE");
        String view = """
                {"type":"modal","callback_id":"action_item_new","title":{"type":"plain_text","text":"New action item"},
                 "submit":{"type":"plain_text","text":"Add"},"private_metadata":"COE-1",
                 "blocks":[{"type":"input","block_id":"owner","label":{"type":"plain_text","text":"Owner"},
                            "element":{"type":"users_select","action_id":"owner"}}]}""";

        ViewsOpenResponse opened = client.viewsOpen(r -> r.triggerId(trigger).viewAsString(view));

        assertTrue(opened.isOk(), opened.getError());
        String id = opened.getView().getId();
        assertTrue(id.matches("V[0-9A-Z]{10}"), id);
        assertEquals("action_item_new", opened.getView().getCallbackId());
        assertEquals("COE-1", opened.getView().getPrivateMetadata());
        SlackView seen = fake.view(id);
        assertEquals("U_ALICE", seen.userId());
        assertTrue(seen.open());
        assertTrue(seen.visibleText().contains("Owner"));
        assertEquals("exchanged_trigger_id", client.viewsOpen(r -> r.triggerId(trigger).viewAsString(view)).getError());

        String hash = opened.getView().getHash();
        String v2 = view.replace("New action item", "Edit action item");
        assertEquals("hash_conflict", client.viewsUpdate(r -> r.viewId(id).hash("1.stale").viewAsString(v2)).getError());
        var updated = client.viewsUpdate(r -> r.viewId(id).hash(hash).viewAsString(v2));
        assertTrue(updated.isOk(), updated.getError());
        assertEquals(id, updated.getView().getId());
        assertEquals("Edit action item", fake.view(id).title());
        assertEquals("not_found", client.viewsUpdate(r -> r.viewId("V0NOSUCH00").viewAsString(v2)).getError());
    }

    @Test
    void viewsPushStacksOnTheOpenModal() throws Exception {
        String modal = "{\"type\":\"modal\",\"callback_id\":\"%s\",\"title\":{\"type\":\"plain_text\",\"text\":\"%s\"},\"blocks\":[]}";
        String root = client.viewsOpen(r -> r.triggerId(fake.newTriggerId("U_ALICE")).viewAsString(modal.formatted("whys", "5 Whys"))).getView().getId();

        var pushed = client.viewsPush(r -> r.triggerId(fake.newTriggerId("U_ALICE")).viewAsString(modal.formatted("why_edit", "Edit a why")));

        assertTrue(pushed.isOk(), pushed.getError());
        assertEquals(root, pushed.getView().getRootViewId());
        assertEquals(root, pushed.getView().getPreviousViewId());
        assertEquals(List.of("whys", "why_edit"), fake.views().stream().map(SlackView::callbackId).toList());
        assertEquals("why_edit", fake.latestView("why_edit").callbackId());
        assertEquals("invalid_arguments", client.viewsPush(r -> r.viewAsString(modal.formatted("x", "x"))).getError());
    }

    @Test
    void staleTriggersAndInvalidViewsAreRefused() throws Exception {
        fake.triggerIdTtl(Duration.ZERO);
        String trigger = fake.newTriggerId("U_ALICE");
        Thread.sleep(5);
        String ok = "{\"type\":\"modal\",\"title\":{\"type\":\"plain_text\",\"text\":\"Hi\"},\"blocks\":[]}";
        String longTitle = ok.replace("Hi", "A title that is far too long for Slack");

        assertEquals("expired_trigger_id", client.viewsOpen(r -> r.triggerId(trigger).viewAsString(ok)).getError());
        var invalid = client.viewsOpen(r -> r.triggerId(fake.newTriggerId()).viewAsString(longTitle));
        assertEquals("invalid_arguments", invalid.getError());
        assertTrue(fake.views().isEmpty());
    }

    @Test
    void homeTabIsPublishedPerUser() throws Exception {
        String home = "{\"type\":\"home\",\"blocks\":[{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"3 open action items\"}}]}";

        var first = client.viewsPublish(r -> r.userId("U_ALICE").viewAsString(home));
        var second = client.viewsPublish(r -> r.userId("U_ALICE").viewAsString(home.replace("3 open", "2 open")));

        assertTrue(first.isOk(), first.getError());
        assertEquals(first.getView().getId(), second.getView().getId());
        assertEquals(1, fake.views().size());
        assertEquals("2 open action items", fake.views().get(0).visibleText());
        assertEquals("user_not_found", client.viewsPublish(r -> r.userId("U_NOBODY").viewAsString(home)).getError());
    }

    @Test
    void filesUploadV2StoresTheBytesAndSharesThemInTheThread() throws Exception {
        String parent = client.chatPostMessage(r -> r.channel(incident).text("COE-1 published")).getTs();
        String markdown = "# COE-1 Database outage\n\n## Timeline (UTC)\n- 14:05 deploy — é ✓\n";

        FilesUploadV2Response r = client.filesUploadV2(req -> req.channel(incident).threadTs(parent)
                .content(markdown).filename("coe-1.md").title("COE-1").initialComment("The full document"));

        assertTrue(r.isOk(), r.getError());
        UploadedFile file = fake.files().get(0);
        assertEquals(r.getFile().getId(), file.id());
        assertTrue(file.id().matches("F[0-9A-Z]{10}"));
        assertEquals(markdown, file.contentAsString());
        assertEquals("COE-1", file.title());
        assertEquals("coe-1.md", file.filename());
        assertEquals(incident, file.channelId());
        assertEquals(parent, file.threadTs());
        assertEquals("The full document", file.initialComment());
        SlackMessage shared = fake.thread(incident, parent).get(0);
        assertEquals(List.of(file.id()), shared.fileIds());
        assertEquals("The full document", shared.visibleText());
    }

    @Test
    void reactionsGetShowsWhoReacted() throws Exception {
        String ts = fake.postAsUser("U_BOB", incident, "14:05 deploy started", null).ts();
        fake.addReaction("U_ALICE", incident, ts, "pushpin");
        fake.addReaction("U_BOB", incident, ts, "pushpin");

        var r = client.reactionsGet(req -> req.channel(incident).timestamp(ts));

        assertTrue(r.isOk(), r.getError());
        assertEquals("pushpin", r.getMessage().getReactions().get(0).getName());
        assertEquals(List.of("U_ALICE", "U_BOB"), r.getMessage().getReactions().get(0).getUsers());
        assertEquals(2, r.getMessage().getReactions().get(0).getCount());
        assertTrue(client.reactionsAdd(req -> req.channel(incident).timestamp(ts).name("white_check_mark")).isOk());
        assertEquals("already_reacted", client.reactionsAdd(req -> req.channel(incident).timestamp(ts).name("white_check_mark")).getError());
        assertEquals(List.of(fake.botUserId()), fake.message(incident, ts).reactions().get("white_check_mark"));
    }

    @Test
    void blockKitLimitsAreEnforcedLikeSlack() throws Exception {
        String tooLongSection = "[{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"" + "x".repeat(3001) + "\"}}]";
        StringBuilder many = new StringBuilder("[");
        for (int i = 0; i < 51; i++) {
            many.append(i == 0 ? "" : ",").append("{\"type\":\"divider\"}");
        }
        String tooMany = many.append("]").toString();

        var r1 = client.chatPostMessage(r -> r.channel(incident).text("x").blocksAsString(tooLongSection));
        var r2 = client.chatPostMessage(r -> r.channel(incident).text("x").blocksAsString(tooMany));
        var r3 = client.chatPostMessage(r -> r.channel(incident));

        assertEquals("invalid_blocks", r1.getError());
        assertTrue(r1.getResponseMetadata().getMessages().get(0).contains("/blocks/0/text/text"), r1.getResponseMetadata().toString());
        assertEquals("invalid_blocks", r2.getError());
        assertEquals("no_text", r3.getError());
        assertTrue(fake.channelMessages(incident).isEmpty());
    }

    @Test
    void concurrentPostsAllLandWithDistinctOrderedTs() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        ConcurrentLinkedQueue<String> answered = new ConcurrentLinkedQueue<>();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            futures.add(pool.submit(() -> {
                for (int i = 0; i < 25; i++) {
                    answered.add(client.chatPostMessage(r -> r.channel(incident).text("load")).getTs());
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();

        List<String> stored = fake.channelMessages(incident).stream().map(SlackMessage::ts).toList();
        assertEquals(200, stored.size());
        assertEquals(200, answered.stream().distinct().count());
        for (int i = 1; i < stored.size(); i++) {
            assertTrue(new BigDecimal(stored.get(i)).compareTo(new BigDecimal(stored.get(i - 1))) > 0);
        }
        assertEquals(200, fake.calls("chat.postMessage").size());
    }
}
