package io.coebot.slack;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.coebot.testing.EndToEnd;
import io.coebot.testing.RunningApp;
import io.coebot.sandbox.slack.SlackMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bot token and the signing secret never reach a log line or a row, whatever happens. */
class SecretsEndToEndTest extends EndToEnd {
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @BeforeEach
    void captureLogs() {
        logs.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);
    }

    @AfterEach
    void stopCapturing() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
    }

    @Test
    void secretsStayOutOfLogsAndTheDatabase() {
        var alice = ws.user("U0ALICE71", "alice", "Europe/Paris");
        var incident = ws.channel("inc-secrets");
        alice.runs("/coe start Secret handling", incident);
        SlackMessage card = incident.awaitMessageFromBot(m -> m.visibleText().contains("Secret handling"));
        incident.awaitReplyFromBot(card.ts(), "trigger");
        ws.requests().withWrongSignature().slashCommand(ws.payloads().slashCommand(alice.id(), alice.name(),
                incident.info(), "/coe", "start", slack.newResponseUrl(), slack.newTriggerId()));
        slack.failNext("chat.postMessage", "invalid_auth");
        alice.repliesInThread(incident, card.ts(), "yesterday 10:00");
        slack.await("the refused post was tried", () -> slack.calls("chat.postMessage").size() >= 3);
        app.restart();

        List<String> rows = app.databaseAsText();
        assertFalse(rows.isEmpty(), "the dump has content");
        for (String secret : List.of(RunningApp.BOT_TOKEN, RunningApp.SIGNING_SECRET)) {
            assertTrue(rows.stream().noneMatch(r -> r.contains(secret)), "a row holds a secret");
            assertTrue(logs.list.stream().noneMatch(e -> e.getFormattedMessage().contains(secret)
                    || (e.getThrowableProxy() != null && e.getThrowableProxy().getMessage() != null
                    && e.getThrowableProxy().getMessage().contains(secret))), "a log line holds a secret");
        }
        assertFalse(logs.list.isEmpty(), "logs were captured");
    }
}
