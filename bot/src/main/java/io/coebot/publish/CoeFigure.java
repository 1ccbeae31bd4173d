package io.coebot.publish;

import java.util.Objects;

/**
 * An image that belongs to the COE (a graph of the incident, the chart of its timeline), as the document knows it:
 * named and titled, its pixels fetched only when a copy of the COE is published ({@link CoeFigures#png}).
 *
 * @param name    the file's name inside the COE's folder ("graph-1.png"): the Markdown refers to
 *                {@code COE-<n>-<slug>/<name>}, the Git layout of issue 19
 * @param title   what it shows, plain text ("Graph 1 · Checkout errors")
 * @param caption one line under it (the query and the window), plain text, or null
 * @param metric  whether it shows the impact in the team's metrics (a graph does; the timeline chart does not): a COE
 *                with one meets the quality bar's metrics check
 * @param sha256  of the PNG, so a publish uploads again only what changed
 */
public record CoeFigure(String name, String title, String caption, boolean metric, String sha256) {
    public CoeFigure {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(sha256, "sha256");
    }
}
