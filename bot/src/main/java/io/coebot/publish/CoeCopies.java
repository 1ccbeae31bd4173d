package io.coebot.publish;

import java.time.Instant;
import java.util.List;

/**
 * The seam through which a feature keeps copies of the published COE where the organisation reads and keeps them (a
 * Slack canvas, Confluence, a Git repository: {@code io.coebot.copies}); publish does not know them. Copies are
 * queued inside the publishing transaction and written after it commits, so a remote never blocks the COE; when a
 * result arrives the feature calls {@link PublishService#copiesChanged} and the one message shows the link or the
 * reason.
 */
public interface CoeCopies {
    /** Inside the publishing transaction: queue a copy of this document in every configured place. */
    void publishing(CoeDocument doc, String by, int version, Instant now);

    /** For the one message, in Slack mrkdwn, one line per copy: its link, that it is being written, or why not. */
    List<String> lines(long coeId);
}
