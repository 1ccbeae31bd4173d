package io.coebot.publish;

import io.coebot.coe.Coe;
import io.coebot.timeline.Timeline;

import java.util.List;

/**
 * The seam through which a feature adds images to the COE (the graphs feature does; publish does not know it):
 * the document lists them, the quality bar counts them, the Markdown refers to them, and each publish target
 * attaches their PNGs. Today the one target is Slack (the thread of the published COE's first message); the canvas,
 * Confluence and Git targets of issue 19 attach the same {@link #png}s, each remembering what it last attached as
 * {@link PublishStore} does for Slack (per target).
 */
public interface CoeFigures {
    /** The COE's figures now, in reading order; read inside the document's transaction, so no pixels and no remote. */
    List<CoeFigure> of(long coeId);

    /**
     * Brings the figures up to date just before the COE is published, outside any transaction: a remote that may be
     * slow (a Prometheus) is asked here, within a short budget, and a failure keeps the figure as it was drawn.
     */
    void refresh(Coe coe, Timeline timeline);

    /** The PNG of one of {@link #of}'s figures, as it is to be published; empty when it is not this feature's. */
    java.util.Optional<byte[]> png(long coeId, CoeFigure figure);
}
