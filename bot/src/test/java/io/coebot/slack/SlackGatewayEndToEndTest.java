package io.coebot.slack;

import io.coebot.testing.EndToEnd;
import io.coebot.sandbox.slack.SlackMessage;
import io.coebot.sandbox.slack.SlackWorkspace.Channel;
import io.coebot.sandbox.slack.SlackWorkspace.Person;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the bot decided is said exactly once, whatever Slack or the process does in between:
 * rate limits, server errors, and a stop before the message went out.
 */
class SlackGatewayEndToEndTest extends EndToEnd {

    private SlackMessage startAndAwaitFirstQuestion(Person who, Channel where, String title) {
        who.runs("/coe start " + title, where);
        SlackMessage card = where.awaitMessageFromBot(m -> m.visibleText().contains(title));
        where.awaitReplyFromBot(card.ts(), "trigger");
        return card;
    }

    private long botRepliesContaining(Channel channel, SlackMessage card, String fragment) {
        return channel.thread(card.ts()).stream().filter(SlackMessage::isFromBot)
                .filter(m -> m.visibleText().contains(fragment)).count();
    }

    @Test
    void a429IsWaitedOutAndTheMessageIsPostedOnce() {
        Person alice = ws.user("U0ALICE61", "alice", "UTC");
        Channel incident = ws.channel("inc-rate-limited");
        SlackMessage card = startAndAwaitFirstQuestion(alice, incident, "Rate limited");
        slack.rateLimitNext("chat.postMessage", 1);
        Instant before = Instant.now();

        alice.repliesInThread(incident, card.ts(), "yesterday 03:00");

        incident.awaitReplyFromBot(card.ts(), "03:00 UTC");
        assertTrue(Duration.between(before, Instant.now()).toMillis() >= 900, "waited for Retry-After");
        assertEquals(1, botRepliesContaining(incident, card, "03:00 UTC"));
    }

    @Test
    void aServerErrorIsRetriedAndTheMessageIsPostedOnce() {
        Person alice = ws.user("U0ALICE62", "alice", "UTC");
        Channel incident = ws.channel("inc-server-error");
        SlackMessage card = startAndAwaitFirstQuestion(alice, incident, "Server error");
        slack.serverErrorNext("chat.postMessage");

        alice.repliesInThread(incident, card.ts(), "yesterday 02:00");

        incident.awaitReplyFromBot(card.ts(), "02:00 UTC");
        assertEquals(1, botRepliesContaining(incident, card, "02:00 UTC"));
    }

    @Test
    void aReplyDecidedBeforeAStopIsSentAfterTheRestart() {
        Person alice = ws.user("U0ALICE63", "alice", "UTC");
        Channel incident = ws.channel("inc-stopped");
        SlackMessage card = startAndAwaitFirstQuestion(alice, incident, "Stopped midway");
        // Slack is down while the answer is taken: the echo stays in the outbox
        slack.failAlways("chat.postMessage", "service_unavailable");
        alice.repliesInThread(incident, card.ts(), "yesterday 01:00");
        slack.await("the app tried to answer", () -> slack.calls("chat.postMessage").stream()
                .anyMatch(c -> c.params().getOrDefault("text", "").contains("01:00 UTC")));

        app.restart();
        slack.clearFaults();

        incident.awaitReplyFromBot(card.ts(), "01:00 UTC");
        incident.awaitReplyFromBot(card.ts(), "detected");
        assertEquals(1, botRepliesContaining(incident, card, "01:00 UTC"), "sent once, after the restart");
    }

    /**
     * The crash this guards against: Slack accepted the post, and the bot died before committing "sent". The row is
     * left SENDING; once its lease is over it is looked up by the outbox id in its metadata, found, and taken as sent.
     */
    @Test
    void aMessageSlackAcceptedJustBeforeACrashIsFoundByItsMetadataAndNotPostedAgain() throws Exception {
        Person alice = ws.user("U0ALICE64", "alice", "UTC");
        Channel incident = ws.channel("inc-crashed-after-post");
        SlackMessage card = startAndAwaitFirstQuestion(alice, incident, "Crashed after post");
        Map<String, Object> row = heldBackEcho(alice, incident, card, "yesterday 05:00", "05:00 UTC");

        // What the dead sender left: the row says SENDING (held here until Slack has the message)...
        markSending((Long) row.get("id"), "1 hour");
        slack.clearFaults();
        // ...and Slack has the message, with its metadata.
        var metadata = com.slack.api.model.Message.Metadata.builder().eventType("coe_bot_outbox")
                .eventPayload(Map.of("outbox_id", String.valueOf(row.get("id")),
                        "queued_at", String.valueOf(((Instant) row.get("created_at")).toEpochMilli()))).build();
        var posted = botClient().chatPostMessage(b -> b.channel(incident.id()).threadTs(card.ts())
                .text((String) row.get("text")).blocksAsString((String) row.get("blocks")).metadata(metadata));
        assertTrue(posted.isOk(), posted.toString());
        markSending((Long) row.get("id"), "-1 second");

        incident.awaitReplyFromBot(card.ts(), "detected");
        assertEquals(1, botRepliesContaining(incident, card, "05:00 UTC"), "found, not posted again: " + incident.thread(card.ts()));
        assertEquals(posted.getTs(), sentTs((Long) row.get("id")), "the message Slack already had is the one recorded");
    }

    @Test
    void aMessageLeftSendingThatSlackNeverGotIsPostedOnceAfterTheLookup() throws Exception {
        Person alice = ws.user("U0ALICE65", "alice", "UTC");
        Channel incident = ws.channel("inc-crashed-before-post");
        SlackMessage card = startAndAwaitFirstQuestion(alice, incident, "Crashed before post");
        Map<String, Object> row = heldBackEcho(alice, incident, card, "yesterday 06:00", "06:00 UTC");
        markSending((Long) row.get("id"), "-1 second");
        int historyReadsBefore = slack.calls("conversations.replies").size();
        slack.clearFaults();

        incident.awaitReplyFromBot(card.ts(), "detected");
        assertEquals(1, botRepliesContaining(incident, card, "06:00 UTC"));
        assertTrue(slack.calls("conversations.replies").size() > historyReadsBefore, "the thread was read before posting");
    }

    /**
     * Slack limits chat.postMessage per channel: its 429 holds that channel's messages for Retry-After, and every other
     * channel's reply goes out meanwhile (a bot serving many incidents must not queue them all behind one).
     */
    @Test
    void a429InOneChannelHoldsThatChannelOnly() {
        Person alice = ws.user("U0ALICE66", "alice", "UTC");
        Channel held = ws.channel("inc-held-by-429");
        Channel other = ws.channel("inc-not-held");
        SlackMessage heldCard = startAndAwaitFirstQuestion(alice, held, "Held by a 429");
        SlackMessage otherCard = startAndAwaitFirstQuestion(alice, other, "Not held");
        awaitNothingQueued(); // the 429 is for the next post: the echo below, nothing left from the starts
        slack.rateLimitNext("chat.postMessage", 8);

        alice.repliesInThread(held, heldCard.ts(), "yesterday 07:00");
        awaitPostTried("Slack answered 429 to the held channel's echo", held, "07:00 UTC");
        alice.repliesInThread(other, otherCard.ts(), "yesterday 08:00");

        SlackMessage otherEcho = other.awaitReplyFromBot(otherCard.ts(), "08:00 UTC");
        SlackMessage heldEcho = held.awaitReplyFromBot(heldCard.ts(), "07:00 UTC");
        assertTrue(new MessageTs(otherEcho.ts()).isBefore(new MessageTs(heldEcho.ts())),
                "the other channel's echo went out while the held one waited: " + otherEcho.ts() + " vs " + heldEcho.ts());
        assertEquals(1, botRepliesContaining(held, heldCard, "07:00 UTC"));
        assertEquals(1, botRepliesContaining(other, otherCard, "08:00 UTC"));
    }

    /** Senders work in parallel across channels: Slack slow to answer in one incident does not hold up another. */
    @Test
    void aSlowAnswerInOneChannelDoesNotHoldUpAnother() {
        Person alice = ws.user("U0ALICE67", "alice", "UTC");
        Channel slow = ws.channel("inc-slow-slack");
        Channel other = ws.channel("inc-quick-slack");
        SlackMessage slowCard = startAndAwaitFirstQuestion(alice, slow, "Slow Slack");
        SlackMessage otherCard = startAndAwaitFirstQuestion(alice, other, "Quick Slack");
        awaitNothingQueued(); // the slowness is for the next post: the echo below, nothing left from the starts
        slack.slowNext("chat.postMessage", Duration.ofSeconds(4)); // under the read timeout: slow, not lost

        alice.repliesInThread(slow, slowCard.ts(), "yesterday 09:00");
        awaitPostTried("the slow channel's echo is on its way", slow, "09:00 UTC");
        alice.repliesInThread(other, otherCard.ts(), "yesterday 10:00");

        SlackMessage otherEcho = other.awaitReplyFromBot(otherCard.ts(), "10:00 UTC");
        SlackMessage slowEcho = slow.awaitReplyFromBot(slowCard.ts(), "09:00 UTC");
        assertTrue(new MessageTs(otherEcho.ts()).isBefore(new MessageTs(slowEcho.ts())),
                "the quick channel did not wait for the slow one: " + otherEcho.ts() + " vs " + slowEcho.ts() + "\n" + slack.dump());
        // and in the slow channel, nothing overtook the slow message
        slow.awaitReplyFromBot(slowCard.ts(), "detected");
        var thread = slow.thread(slowCard.ts());
        int echo = indexOf(thread, "09:00 UTC");
        int next = indexOf(thread, "detected");
        assertTrue(echo >= 0 && echo < next, "the echo comes before the next question: " + thread);
    }

    /**
     * The card is an overview, not a log: answers that arrive within a second become one edit of it. Six questions
     * answered as fast as they appear change the card six times; it is edited about once a second and still ends
     * showing every answer.
     */
    @Test
    void answersWithinASecondBecomeOneEditOfTheCard() {
        Person alice = ws.user("U0ALICE68", "alice", "UTC");
        Channel incident = ws.channel("inc-coalesced-card");
        SlackMessage card = startAndAwaitFirstQuestion(alice, incident, "Coalesced card");
        long coeId = app.bean(io.coebot.coe.Coes.class).openIn(slack.teamId(), incident.id()).orElseThrow().id();
        int editsBefore = cardEdits(incident, card);

        long began = System.nanoTime();
        var answers = io.coebot.testing.TeamAnswers.on(java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1));
        List<String> basics = List.of("trigger_at", "detected_at", "mitigated_at", "resolved_at", "severity", "services");
        for (int i = 0; i < basics.size(); i++) {
            alice.repliesInThread(incident, card.ts(), answers.get(basics.get(i)));
            String next = i + 1 < basics.size() ? basics.get(i + 1) : "customers_affected";
            incident.awaitReplyFromBot(card.ts(), m -> m.blocks() != null && m.blocks().contains("interview|" + coeId + "|" + next));
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        incident.awaitMessage(card.ts(), m -> m.visibleText().contains("Basics (6/6)"));
        awaitNothingQueued();
        int edits = cardEdits(incident, card) - editsBefore;
        // at most one edit a second, and the last one after the burst
        assertTrue(edits <= Math.ceil(seconds) + 1, edits + " edits of the card for six answers in " + seconds + " s");
    }

    /** The bot has called chat.postMessage in {@code channel} with {@code text} (whatever Slack answered). */
    private void awaitPostTried(String description, Channel channel, String text) {
        slack.await(description, () -> slack.calls("chat.postMessage").stream()
                .anyMatch(c -> channel.id().equals(c.param("channel")) && c.params().getOrDefault("text", "").contains(text)));
    }

    private void awaitNothingQueued() {
        app.awaitMessagesHandled();
        slack.await("the outbox is empty", () -> app.unsentMessages() == 0);
    }

    private int cardEdits(Channel incident, SlackMessage card) {
        return (int) slack.calls("chat.update").stream()
                .filter(c -> incident.id().equals(c.param("channel")) && card.ts().equals(c.param("ts"))).count();
    }

    private static int indexOf(List<SlackMessage> thread, String fragment) {
        for (int i = 0; i < thread.size(); i++) {
            if (thread.get(i).isFromBot() && thread.get(i).visibleText().contains(fragment)) {
                return i;
            }
        }
        return -1;
    }

    /** The bot's echo of a reply, kept in the outbox while Slack refuses to post; returns its row. */
    private Map<String, Object> heldBackEcho(Person who, Channel incident, SlackMessage card, String reply, String echo) {
        slack.failAlways("chat.postMessage", "service_unavailable");
        who.repliesInThread(incident, card.ts(), reply);
        slack.await("the app tried to answer", () -> slack.calls("chat.postMessage").stream()
                .anyMatch(c -> c.params().getOrDefault("text", "").contains(echo)));
        return sql("SELECT id, text, blocks, created_at FROM outbox WHERE status = 'PENDING' AND text LIKE ?", "%" + echo + "%");
    }

    /** As a sender that claimed the row would leave it; the lease ends after {@code leaseLeft} (negative: it has). */
    private void markSending(long id, String leaseLeft) {
        io.micronaut.transaction.TransactionOperations<java.sql.Connection> tx = transactions();
        var jdbc = app.bean(io.micronaut.data.jdbc.runtime.JdbcOperations.class);
        tx.executeWrite(status -> jdbc.prepareStatement("""
                UPDATE outbox SET status = 'SENDING', sending_until = now() + CAST(? AS interval), sending_claim = 42,
                                  next_attempt_at = now() WHERE id = ?""", ps -> {
            ps.setString(1, leaseLeft);
            ps.setLong(2, id);
            return ps.executeUpdate();
        }));
    }

    private String sentTs(long id) {
        return (String) sql("SELECT sent_ts FROM outbox WHERE id = ? AND status = 'SENT'", id).get("sent_ts");
    }

    private Map<String, Object> sql(String query, Object arg) {
        io.micronaut.transaction.TransactionOperations<java.sql.Connection> tx = transactions();
        var jdbc = app.bean(io.micronaut.data.jdbc.runtime.JdbcOperations.class);
        return slack.awaitValue("a row for " + query, () -> tx.executeRead(status -> jdbc.prepareStatement(query, ps -> {
            ps.setObject(1, arg);
            try (var rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                Map<String, Object> row = new java.util.HashMap<String, Object>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    Object v = rs.getObject(i);
                    row.put(rs.getMetaData().getColumnName(i), v instanceof java.sql.Timestamp t ? t.toInstant() : v);
                }
                return row;
            }
        })));
    }

    @SuppressWarnings("unchecked")
    private io.micronaut.transaction.TransactionOperations<java.sql.Connection> transactions() {
        return app.bean(io.micronaut.transaction.TransactionOperations.class);
    }

    private com.slack.api.methods.MethodsClient botClient() {
        var config = new com.slack.api.SlackConfig();
        config.setMethodsEndpointUrlPrefix(slack.apiUrl());
        config.setStatsEnabled(false);
        return com.slack.api.Slack.getInstance(config).methods(io.coebot.testing.RunningApp.BOT_TOKEN);
    }
}
