package io.coebot.actions;

/**
 * Asks the COE owner to give an item a new owner, because its owner's Slack account is deactivated and a digest
 * to them would reach nobody.
 *
 * @param key claim this before sending (the item + the COE owner's local ISO week)
 */
record ReassignRequest(String coeOwner, ActionItem item, ReassignKey key) {
}
