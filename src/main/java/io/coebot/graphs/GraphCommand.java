package io.coebot.graphs;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import io.coebot.coe.Coe;
import io.coebot.coe.CoeStore;
import io.coebot.slack.CoeSubcommand;
import io.coebot.slack.EchoedText;
import io.coebot.timeline.TimelineTime;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code /coe graph <PromQL> [as <title>]} draws the incident's graph of a query into the COE card's thread;
 * {@code /coe graph timeline} draws the COE's timeline chart there; {@code /coe graph} lists the COE's figures.
 *
 * <p>Slack wants its answer within 3 s and a Prometheus may take longer, so the command answers at once (or with
 * what is wrong, when nothing needs asking) and the query runs on two workers of its own; the outcome reaches the
 * person through the command's response_url, only to them.
 */
@Singleton
public class GraphCommand implements CoeSubcommand {
    private static final Logger LOG = LoggerFactory.getLogger(GraphCommand.class);

    private final CoeStore coes;
    private final GraphService graphs;
    private final GraphStore store;
    private final PrometheusSettings settings;
    private final Clock clock;
    private final ExecutorService workers = Executors.newFixedThreadPool(2, new java.util.concurrent.ThreadFactory() {
        private final AtomicInteger n = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "graphs-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    });

    public GraphCommand(CoeStore coes, GraphService graphs, GraphStore store, PrometheusSettings settings, Clock clock) {
        this.coes = coes;
        this.graphs = graphs;
        this.store = store;
        this.settings = settings;
        this.clock = clock;
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
        try {
            workers.execute(() -> run(coe, p.getUserId(), draw, ctx));
        } catch (RejectedExecutionException e) {
            return ctx.ack("coe-bot is stopping; please run the command again in a minute. Nothing was stored.");
        }
        return ctx.ack("Asking " + settings.server() + " for `" + EchoedText.typed(draw.query()).replace("`", "'")
                + "` from " + TimelineTime.utc(window.from()) + " to " + TimelineTime.utc(window.to())
                + " (every " + window.step().getSeconds() + " s)… The graph will appear in the COE card's thread.");
    }

    private void run(Coe coe, String by, GraphRequest.Draw draw, SlashCommandContext ctx) {
        String answer;
        try {
            GraphService.Outcome o = graphs.draw(coe, by, draw, settings.timeout());
            answer = o instanceof GraphService.Outcome.Drawn d
                    ? "📈 *" + EchoedText.typed(d.graph().label()) + "* is in the COE card's thread"
                    + (d.series() > d.seriesShown() ? " (the " + d.seriesShown() + " busiest of " + d.series() + " series)." : ".")
                    + " Publishing the COE attaches it."
                    : ":warning: " + ((GraphService.Outcome.Refused) o).reason();
        } catch (RuntimeException e) {
            // never the message: it may quote a server's answer; the class says enough to look further
            LOG.warn("Drawing a graph for {} failed: {}", coe.label(), e.getClass().getName());
            answer = ":warning: The graph could not be drawn (" + e.getClass().getSimpleName() + "). Nothing was stored.";
        }
        String text = answer;
        try {
            ctx.respond(r -> r.responseType("ephemeral").text(text));
        } catch (Exception e) {
            LOG.info("Could not answer /coe graph through its response_url: {}", e.getClass().getSimpleName());
        }
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

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }
}
