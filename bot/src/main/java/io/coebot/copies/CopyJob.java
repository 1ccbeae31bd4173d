package io.coebot.copies;

import java.util.List;

/**
 * One write of one copy, as the worker hands it to its target.
 *
 * @param label       "COE-3"
 * @param title       the COE's title, plain text (no Slack escaping)
 * @param stem        "COE-3-checkout-500s": the Markdown file's name without ".md", the folder its images go in
 * @param remoteId    the copy's id in its place (page id, canvas id, commit), null before the first success
 * @param maybeCreated an earlier create's answer never came: the copy may exist already
 * @param publishedBy who published it, by name ("@alice")
 * @param figures     the COE's images (PNG), for the targets that carry them
 */
record CopyJob(long coeId, String teamId, String channelId, String label, String title, String stem, String body,
               String remoteId, String url, boolean maybeCreated, int version, String publishedBy, List<Figure> figures) {

    CopyJob {
        figures = figures == null ? List.of() : List.copyOf(figures);
    }

    /** An image of the COE: its name in the COE's folder ("graph-1.png"), its title, its PNG. */
    record Figure(String name, String title, byte[] png) {}
}
