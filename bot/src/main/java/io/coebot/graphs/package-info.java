/**
 * Issue 20, the COE's Metrics/Graphs section drawn by the bot: graphs of the incident queried from any server that
 * speaks the Prometheus HTTP API ({@code /coe graph <PromQL> [as <title>]}, the Metrics question's <i>Add a graph</i>),
 * with the COE's milestones and impact window on them, and a chart of the COE's own timeline. Pure parts: the
 * incident window ({@link io.coebot.graphs.IncidentWindow}), the command's words ({@link io.coebot.graphs.GraphRequest}),
 * the two charts ({@link io.coebot.graphs.MetricChart}, {@link io.coebot.graphs.TimelineChart}). The PNGs are kept
 * with the COE ({@code coe_graph}) and reach the publish feature through its {@link io.coebot.publish.CoeFigures} seam.
 * A {@code /coe graph} request is stored ({@code graph_request}) before it is answered and drawn by
 * {@link io.coebot.graphs.GraphWorkers}, so a restart does not lose it.
 */
package io.coebot.graphs;
