package io.coebot.graphs;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

import java.time.Duration;
import java.time.Instant;

/** A coe_graph row without its PNG: what listing a COE's figures reads. */
@Introspected
record GraphFigureRow(long id, long coeId, String kind, int number, String title, @Nullable String query,
                      @Nullable String server, @Nullable Instant windowFrom, @Nullable Instant windowTo,
                      @Nullable Long stepSeconds, int series, String pngSha256, @Nullable String drawnBy,
                      Instant drawnAt) {

    Graph toGraph() {
        IncidentWindow window = windowFrom == null || windowTo == null ? null
                : new IncidentWindow(windowFrom, windowTo,
                Duration.ofSeconds(Math.max(1, stepSeconds == null ? 0 : stepSeconds)));
        return new Graph(id, coeId, Graph.Kind.ofStored(kind), number, title, query, server, window, series, pngSha256,
                drawnBy, drawnAt);
    }
}
