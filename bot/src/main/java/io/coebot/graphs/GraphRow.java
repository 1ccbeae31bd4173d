package io.coebot.graphs;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A row of coe_graph, pixels included; {@link GraphFigureRow} is the same row without them. */
@MappedEntity("coe_graph")
record GraphRow(@Id @GeneratedValue @Nullable Long id, String teamId, long coeId, String kind, int number, String title,
                @Nullable String query, @Nullable String server, @Nullable Instant windowFrom,
                @Nullable Instant windowTo, @Nullable Long stepSeconds, int series, byte[] png, String pngSha256,
                @Nullable String publishedSha256, @Nullable String drawnBy, Instant drawnAt) {
}
