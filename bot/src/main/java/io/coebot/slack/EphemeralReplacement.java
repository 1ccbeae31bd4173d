package io.coebot.slack;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.Slack;
import com.slack.api.model.block.LayoutBlock;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.List;

/**
 * Replaces an ephemeral list (`/coe actions`, `/coe answers`) in place once something in it changed, through the
 * response_url of the press that changed it ({@code replace_original}), so the person never looks at a stale list
 * with buttons for what is already done; and answers a command later through its response_url. Not through the outbox: it is one person's view, not something the COE
 * says, and a response_url expires (30 minutes, 5 uses), so there is nothing to retry later. Best effort.
 */
@Singleton
public class EphemeralReplacement {
    private static final Logger LOG = LoggerFactory.getLogger(EphemeralReplacement.class);

    private final Slack slack;

    public EphemeralReplacement(Slack slack) {
        this.slack = slack;
    }

    /** {@code responseUrl} null (the press was not on an ephemeral) does nothing. */
    public void replace(String responseUrl, String text, List<LayoutBlock> blocks) {
        if (responseUrl == null) {
            return;
        }
        JsonObject body = new JsonObject();
        body.addProperty("response_type", "ephemeral");
        body.addProperty("replace_original", true);
        body.addProperty("text", text);
        body.add("blocks", JsonParser.parseString(BlockKit.json(blocks)));
        send(responseUrl, body, "replace an ephemeral");
    }

    /**
     * A new ephemeral answer to a command through its response_url, after the command was acknowledged (e.g. a
     * {@code /coe graph} drawn later, maybe after a restart). Best effort, as above.
     */
    public void answer(String responseUrl, String text) {
        JsonObject body = new JsonObject();
        body.addProperty("response_type", "ephemeral");
        body.addProperty("text", text);
        send(responseUrl, body, "answer a command");
    }

    /** Never the URL in a log line: for its 30 minutes, it lets anyone post in the channel. */
    private void send(String responseUrl, JsonObject body, String what) {
        try {
            var r = slack.send(responseUrl, body.toString());
            if (r.getCode() >= 300) {
                LOG.info("Could not {} through its response_url (HTTP {})", what, r.getCode());
            }
        } catch (IOException e) {
            LOG.info("Could not {} through its response_url ({})", what, e.getClass().getSimpleName());
        }
    }
}
