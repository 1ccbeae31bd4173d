/**
 * Action items: the corrective actions of a COE, tracked until done, and the nudges that keep them moving. The whole
 * vertical lives here (the Slack handlers {@code ActionSlack}, {@code ActionCommand}, {@code ActionsCommand}; the
 * service and store; the nudge run); the classes below are its pure domain: no Slack types, no SQL, no clock (time
 * and "today" are passed in).
 *
 * <ul>
 *   <li>{@link io.coebot.actions.ActionItem} and its words {@link io.coebot.actions.Priority},
 *       {@link io.coebot.actions.ActionType}, {@link io.coebot.actions.ActionStatus}.</li>
 *   <li>{@link io.coebot.actions.ActionCommandParser}: {@code /coe action <text> [@owner] [high|medium|low]
 *       [due YYYY-MM-DD]}, options read from the end of the text.</li>
 *   <li>{@link io.coebot.actions.ActionItemRules}: what a valid item is, who may change it (its owner and the COE
 *       owner), and the changes themselves.</li>
 *   <li>{@link io.coebot.actions.DigestPlanner}: who is nudged about what, now: the daily digest to each owner, the
 *       weekly overdue report to each COE owner, reassign requests for deactivated owners. Each planned message
 *       carries the key the service claims in the database before sending it, which is what makes it exactly
 *       once.</li>
 * </ul>
 *
 * Time rule of thumb: an item's dates are judged on its owner's local date; when to send is judged on the
 * recipient's local clock; a due date is worded for whoever reads it ({@link io.coebot.actions.Dueness}).
 */
package io.coebot.actions;
