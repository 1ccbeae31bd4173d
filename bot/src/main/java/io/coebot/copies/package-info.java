/**
 * Copies of the published COE where the organisation reads and keeps its COEs: a Slack canvas, a Confluence page, a
 * file in a Git repository of COEs. Each is a {@link io.coebot.copies.CopyTarget}; publish knows them only through
 * {@link io.coebot.publish.CoeCopies}.
 *
 * <p>Nothing blocks the COE and nothing is made twice: what to write (the body, rendered from the published document)
 * is recorded in the publishing transaction ({@code coe_copy}, "wanted" bumped), written after commit by
 * {@link io.coebot.copies.CopyWriter} under a lease, and the copy's id and link are stored in the transaction that saw
 * the remote's success. A create whose answer never came is looked up (the page by title in its space, the channel's
 * canvas, the commit in the branch) before it is tried again. The pattern is the trackers' ({@code tracker_issue}):
 * wanted/pushed versions, a claim with SKIP LOCKED, a lease, back-off, Retry-After. The one message in the channel
 * is edited with the link, or the reason, when a result arrives.
 *
 * <p>Tokens come from the environment only; the database holds names and links, never a secret, and no error text
 * quotes a request.
 */
package io.coebot.copies;
