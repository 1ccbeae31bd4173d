package io.coebot.actions;

/** "This item was put before this COE owner for reassignment this week": claimed before the request is sent. */
record ReassignKey(long itemId, WeekKey week) {
}
