package io.coebot.learning;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import io.coebot.slack.CoeSubcommand;
import jakarta.inject.Singleton;

/**
 * `/coe report`: the weekly report of the week so far, only to the asker. The chart is left out: an ephemeral
 * answer cannot carry a file, and uploading one would show it to the channel; the medians are in the text.
 */
@Singleton
class ReportCommand implements CoeSubcommand {
    private final WeeklyReports reports;

    ReportCommand(WeeklyReports reports) {
        this.reports = reports;
    }

    @Override public String name() { return "report"; }
    @Override public String usage() { return "/coe report"; }
    @Override public String description() { return "The weekly report of COEs, action items and trends, for the week so far (only to you)"; }
    @Override public int helpOrder() { return 95; }

    @Override
    public Response handle(String args, SlashCommandRequest req, SlashCommandContext ctx) {
        WeeklyReport r = reports.soFar(req.getPayload().getTeamId());
        return ctx.ack(WeeklyReports.blocks(r.text(false)));
    }
}
