package io.coebot.graphs;

import java.time.Instant;

/**
 * A figure kept with a COE (a row of {@code coe_graph}), without its pixels.
 *
 * @param number  1, 2… for Prometheus graphs in the order they were drawn; 0 for the timeline chart
 * @param query   the PromQL, null for the timeline chart
 * @param server  where it was queried, without credentials; null for the timeline chart
 * @param window  the incident window it was drawn over; null for the timeline chart
 * @param sha256  of the PNG, so a publish uploads only what changed
 */
record Graph(long id, long coeId, Kind kind, int number, String title, String query, String server,
             IncidentWindow window, int series, String sha256, String drawnBy, Instant drawnAt) {

    enum Kind {
        PROMETHEUS("prometheus"), TIMELINE("timeline");

        final String stored;

        Kind(String stored) {
            this.stored = stored;
        }

        static Kind ofStored(String s) {
            for (Kind k : values()) {
                if (k.stored.equals(s)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("Unknown graph kind " + s);
        }
    }

    /** The file's name inside the COE's folder: "graph-2.png", "timeline.png". */
    String fileName() {
        return kind == Kind.TIMELINE ? "timeline.png" : "graph-" + number + ".png";
    }

    /** "Graph 2 · Checkout errors", "Timeline chart". */
    String label() {
        return kind == Kind.TIMELINE ? "Timeline chart" : "Graph " + number + " · " + title;
    }
}
