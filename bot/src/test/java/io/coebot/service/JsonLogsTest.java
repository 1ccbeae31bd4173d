package io.coebot.service;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped logback.xml: text by default, one JSON object a line with COE_LOG_FORMAT=json. */
class JsonLogsTest {

    @Test
    void jsonFormatWritesOneJsonObjectPerLineWithTheFormattedMessage() throws Exception {
        List<String> lines = logWith("json");
        assertEquals(1, lines.size(), lines.toString());
        JsonObject o = JsonParser.parseString(lines.get(0)).getAsJsonObject();
        assertEquals("INFO", o.get("level").getAsString());
        assertEquals("io.coebot.Probe", o.get("loggerName").getAsString());
        assertEquals("Outbox message 42 sent", o.get("formattedMessage").getAsString());
        assertFalse(o.has("arguments"), "raw arguments are left out: " + o);
    }

    @Test
    void textIsTheDefault() throws Exception {
        List<String> lines = logWith(null);
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  io\\.coebot\\.Probe - Outbox message 42 sent"), lines.get(0));
    }

    /**
     * Configures a fresh logback from the shipped file and encodes one event with the console appender it chose
     * (the encoder is what decides the line; the console only carries it).
     */
    @SuppressWarnings("unchecked")
    private static List<String> logWith(String format) throws Exception {
        LoggerContext context = new LoggerContext();
        try {
            if (format != null) {
                context.putProperty("COE_LOG_FORMAT", format);
            }
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(JsonLogsTest.class.getResource("/logback.xml"));
            var appender = (ch.qos.logback.core.ConsoleAppender<ch.qos.logback.classic.spi.ILoggingEvent>)
                    context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).iteratorForAppenders().next();
            assertEquals(format == null ? "text" : format, appender.getName(), "the appender the setting chose");
            var event = new ch.qos.logback.classic.spi.LoggingEvent("probe", context.getLogger("io.coebot.Probe"),
                    ch.qos.logback.classic.Level.INFO, "Outbox message {} sent", null, new Object[]{42});
            String encoded = new String(appender.getEncoder().encode(event), StandardCharsets.UTF_8);
            return encoded.lines().filter(l -> !l.isBlank()).toList();
        } finally {
            context.stop();
        }
    }
}
