package io.coebot.slack;

import io.coebot.testing.EndToEnd;
import io.coebot.sandbox.slack.SlackMessage;
import io.coebot.sandbox.slack.SlackWorkspace.Channel;
import io.coebot.sandbox.slack.SlackWorkspace.Person;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
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
