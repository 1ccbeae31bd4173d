package io.coebot.graphs;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import io.coebot.coe.Coe;
import io.coebot.coe.Coes;
import io.coebot.slack.CoeSubcommand;
import io.coebot.slack.EchoedText;
import io.coebot.timeline.TimelineTime;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * {@code /coe graph <PromQL> [as <title>]} draws the incident's graph of a query into the COE card's thread;
 * {@code /coe graph timeline} draws the COE's timeline chart there; {@code /coe graph} lists the COE's figures.
 *
 * <p>Slack wants its answer within 3 s and a Prometheus may take longer, so the command answers at once (or with
 * what is wrong, when nothing needs asking) after storing the request, and {@link GraphWorkers} draw it, after a
 * restart if need be; the outcome reaches the person through the command's response_url, only to them.
 */
@Singleton
class GraphCommand implements CoeSubcommand {
    private final Coes coes;
    private final GraphService graphs;
    private final GraphStore store;
    private final PrometheusSettings settings;
    private final Clock clock;
    private final GraphRequests requests;
    private final GraphWorkers workers;

    GraphCommand(Coes coes, GraphService graphs, GraphStore store, PrometheusSettings settings, Clock clock,
                 GraphRequests requests, GraphWorkers workers) {
        this.coes = coes;
        this.graphs = graphs;
        this.store = store;
        this.settings = settings;
        this.clock = clock;
        this.requests = requests;
        this.workers = workers;
    }

    @Override public String name() { return "graph"; }
    @Override public String usage() { return "/coe graph [<PromQL> [as <title>] | timeline]"; }
    @Override public String description() { return "Draw the incident's graph of a Prometheus query, or the timeline chart, into the COE card's thread"; }
    @Override public int helpOrder() { return 45; }

    @Override
    public Response handle(String args, SlashCommandRequest req, SlashCommandContext ctx) {
        var p = req.getPayload();
        Optional<Coe> found = coes.latestIn(p.getTeamId(), p.getChannelId());
        if (found.isEmpty()) {
            return ctx.ack(Coe.noneInChannel("then `/coe graph …`."));
        }
        Coe coe = found.get();
        GraphRequest request = GraphRequest.parse(args);
        if (request instanceof GraphRequest.Help) {
            return ctx.ack(list(coe));
        }
        if (request instanceof GraphRequest.Invalid invalid) {
            return ctx.ack(invalid.reason());
        }
        if (request instanceof GraphRequest.TimelineChart) {
            GraphService.Outcome o = graphs.drawTimeline(coe, p.getUserId());
            return ctx.ack(o instanceof GraphService.Outcome.Refused r ? r.reason()
                    : "🗓️ The timeline chart of " + coe.label() + " is on its way to the COE card's thread.");
        }
        GraphRequest.Draw draw = (GraphRequest.Draw) request;
        String notReady = graphs.cannotDraw(coe);
        if (notReady != null) {
            return ctx.ack(notReady);
        }
        IncidentWindow window = graphs.window(coe, clock.instant());
        // stored before the answer: from here on the graph appears even if the bot stops before Prometheus answers
        requests.add(coe.teamId(), coe.id(), p.getUserId(), draw, p.getResponseUrl(), clock.instant());
        workers.wake();
        return ctx.ack("Asking " + settings.server() + " for `" + EchoedText.typed(draw.query()).replace("`", "'")
                + "` from " + TimelineTime.utc(window.from()) + " to " + TimelineTime.utc(window.to())
                + " (every " + window.step().getSeconds() + " s)… The graph will appear in the COE card's thread.");
    }

    private String list(Coe coe) {
        List<Graph> all = store.of(coe.id());
        StringBuilder sb = new StringBuilder("*Graphs of ").append(coe.label()).append("*\n");
        if (all.isEmpty()) {
            sb.append("None yet.\n");
        }
        for (Graph g : all) {
            sb.append("• ").append(EchoedText.typed(g.label()));
            if (g.query() != null) {
                sb.append(" — `").append(EchoedText.typed(g.query()).replace("`", "'")).append('`');
            }
            sb.append(", drawn ").append(TimelineTime.utc(g.drawnAt())).append('\n');
        }
        sb.append("\n`/coe graph <PromQL> [as <title>]` draws the incident's graph of a query (30 minutes before the "
                + "trigger to 30 minutes after resolution) into the COE card's thread; `/coe graph timeline` draws the "
                + "timeline chart. Publishing the COE attaches them all.");
        if (!settings.configured()) {
            sb.append("\n:warning: ").append(settings.notConfigured());
        }
        return sb.toString();
    }

}
