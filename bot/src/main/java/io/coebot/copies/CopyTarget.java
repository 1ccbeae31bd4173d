package io.coebot.copies;

import io.coebot.publish.CoeDocument;

/** One place the COE is copied to. */
interface CopyTarget {
    /** The name rows are kept under: "canvas", "confluence", "git". */
    String name();

    /** How the one message names it: "Canvas", "Confluence", "Git". */
    String title();

    /** Whether this deployment writes here (its settings are present). */
    boolean configured();

    /** The body to write, rendered from the published document inside the publishing transaction (pure). */
    String render(CoeDocument doc);

    /**
     * Writes the job's body (creating the copy, or updating the one it has), outside any transaction. When
     * {@link CopyJob#maybeCreated()} is set, an earlier create may have succeeded without our hearing: look first.
     */
    Written write(CopyJob job) throws CopyFailure;

    /** How its link reads in the one message: "the canvas", "the page", "the file". */
    String linkLabel();
}
