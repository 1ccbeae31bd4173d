package io.coebot.trackers;

import java.util.List;

/**
 * What an item looks like as an issue: sent whole on creation and again on every push (the body carries the owner,
 * priority and due date, which GitHub has no field for).
 *
 * @param marker   found again by the tracker's search after a create whose answer never came
 * @param assignee the owner as the tracker's user (found by email), or null: the issue is left unassigned
 */
record IssueDraft(String title, String body, List<String> labels, String marker, boolean closed,
                         boolean notPlanned, java.time.LocalDate due, String assignee) {}
