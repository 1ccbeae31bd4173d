package io.coebot.slack;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;

/** One `/coe <name> …` sub-command, contributed by its feature and found by {@link CoeCommandRouter}. */
public interface CoeSubcommand {
    /** The first word after `/coe`, e.g. "start". */
    String name();

    /** Shown in `/coe help`, e.g. "/coe start [title]". */
    String usage();

    /** One line for `/coe help`. */
    String description();

    /** Order in `/coe help`: the order a team meets the commands in. */
    default int helpOrder() { return 100; }

    /** @param args the text after the sub-command's name, trimmed */
    Response handle(String args, SlashCommandRequest req, SlashCommandContext ctx) throws java.io.IOException, com.slack.api.methods.SlackApiException;
}
