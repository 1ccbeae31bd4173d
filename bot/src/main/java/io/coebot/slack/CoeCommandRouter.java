package io.coebot.slack;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import jakarta.inject.Singleton;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * `/coe` is one Slack command; its sub-commands come from the features (a table, not a switch),
 * so adding a feature touches nothing here. Unknown sub-commands get the help.
 */
@Singleton
class CoeCommandRouter implements SlackFeature {
    public static final String COMMAND = "/coe";

    private final Map<String, CoeSubcommand> byName = new LinkedHashMap<>();

    public CoeCommandRouter(List<CoeSubcommand> subcommands) {
        subcommands.stream()
                .sorted(Comparator.comparingInt(CoeSubcommand::helpOrder))
                .forEach(s -> byName.put(s.name(), s));
    }

    @Override
    public void register(SlackRegistry slack) {
        slack.command(COMMAND, this::route);
    }

    Response route(SlashCommandRequest req, SlashCommandContext ctx) throws java.io.IOException, com.slack.api.methods.SlackApiException {
        String text = req.getPayload().getText() == null ? "" : req.getPayload().getText().trim();
        String[] parts = text.split("\\s+", 2);
        String name = parts[0].toLowerCase(Locale.ROOT);
        String args = parts.length > 1 ? parts[1].trim() : "";
        if (name.isEmpty() || name.equals("help")) {
            return ctx.ack(help(null));
        }
        CoeSubcommand sub = byName.get(name);
        if (sub != null) {
            return sub.handle(args, req, ctx);
        }
        return ctx.ack(help("I don't know `" + COMMAND + " " + shorten(name) + "`."));
    }

    /** Every sub-command, in the order a team meets them. Ephemeral: only the caller sees it. */
    public String help(String preface) {
        StringBuilder sb = new StringBuilder();
        if (preface != null) {
            sb.append(preface).append("\n\n");
        }
        sb.append("*coe-bot* guides your team through a Correction of Error (COE) right here in Slack.\n");
        for (CoeSubcommand s : byName.values()) {
            // usages name their parts in angle brackets, which Slack would read as links and swallow
            sb.append("• `").append(EchoedText.typed(s.usage())).append("` — ").append(EchoedText.typed(s.description())).append('\n');
        }
        sb.append("• `/coe help` — This list\n");
        sb.append("Inside the COE thread, reply to answer; say `skip`, `back` or `pause` (slash commands don't work in threads). ")
                .append(SideTalk.HOW);
        return sb.toString();
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
