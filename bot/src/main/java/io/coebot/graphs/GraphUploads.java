package io.coebot.graphs;

import io.coebot.coe.Coe;
import io.coebot.publish.MarkdownRendering;
import io.coebot.slack.EchoedText;
import io.coebot.store.OutboundMessage;
import io.coebot.store.Outbox;
import io.coebot.timeline.TimelineTime;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * A figure kept and its upload to the COE card's thread queued in one transaction: both or neither, so a crash
 * neither loses a kept graph's upload nor uploads one that was never kept. The outbox sends it after commit (files
 * upload v2) and, after a lost answer, looks for it by its file name before uploading again.
 */
@Singleton
class GraphUploads {
    private final GraphStore store;
    private final Outbox outbox;

    public GraphUploads(GraphStore store, Outbox outbox) {
        this.store = store;
        this.outbox = outbox;
    }

    /** @return null, keeping nothing, when {@code stillMine} (asked in this transaction) says no */
    @Transactional
    public Graph keepGraph(Coe coe, String title, String query, String server, IncidentWindow window, int series,
                           byte[] png, String by, Instant now, BooleanSupplier stillMine) {
        if (!stillMine.getAsBoolean()) {
            return null;
        }
        Graph g = store.addGraph(coe.teamId(), coe.id(), title, query, server, window, series, png, by, now);
        String comment = "📈 *" + EchoedText.typed(g.label()) + "*, drawn by <@" + by + ">: `"
                + EchoedText.typed(query).replace("`", "'") + "` from " + TimelineTime.utc(window.from()) + " to "
                + TimelineTime.utc(window.to()) + " (" + server + ")";
        outbox.enqueue(OutboundMessage.uploadImage(coe.teamId(), coe.channelId(), slackFileName(coe, g, now), png,
                g.label(), comment).inThreadOfCoe(coe.id()), now);
        return g;
    }

    @Transactional
    public Graph keepTimelineChart(Coe coe, byte[] png, String by, Instant now, boolean toCardThread) {
        Graph g = store.putTimelineChart(coe.teamId(), coe.id(), "Timeline chart", png, by, now);
        if (toCardThread) {
            String comment = "🗓️ *The timeline of " + coe.label() + "*" + (by == null ? "" : ", drawn by <@" + by + ">")
                    + ": the phases, every entry, and the gaps still to explain.";
            outbox.enqueue(OutboundMessage.uploadImage(coe.teamId(), coe.channelId(), slackFileName(coe, g, now), png,
                    g.label(), comment).inThreadOfCoe(coe.id()), now);
        }
        return g;
    }

    static String slackFileName(Coe coe, Graph g, Instant now) {
        return MarkdownRendering.figureUploadName(coe, g.fileName(), now);
    }
}
