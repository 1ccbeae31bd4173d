/**
 * Action items live in the team's tracker (GitHub Issues; Jira and Linear behind the same {@link io.coebot.trackers.Tracker}):
 * each item created in Slack becomes an issue there, changes in Slack are pushed to it, and changes made in the tracker
 * (by signed webhook or by the periodic reconcile) come back to the item.
 *
 * <p>Nothing is lost or done twice: what to send is recorded in the transaction that changed the item
 * ({@link io.coebot.trackers.TrackerFollower}), sent after commit by {@link io.coebot.trackers.TrackerPushes} under a
 * lease, and the id is stored in the transaction that saw the tracker's success. A create whose answer never
 * came is looked for by the item's marker before it is tried again. A tracker that is down or refuses never blocks
 * the COE: the item reads "not yet in GitHub" and its creator is told the reason once.
 *
 * <p>Tokens come from the environment only; the database holds names (tracker, repository), never a secret.
 */
package io.coebot.trackers;
