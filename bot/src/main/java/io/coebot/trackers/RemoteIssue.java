package io.coebot.trackers;

import java.time.Instant;

/**
 * An issue as the tracker reports it.
 *
 * @param remoteId   the tracker's own id (GitHub's issue number, Jira's id, Linear's uuid): what updates address
 * @param ref        key and link
 * @param closed     closed, resolved or completed
 * @param notPlanned closed without doing it (GitHub's state_reason not_planned, a Jira "Won't do" resolution,
 *                   Linear's canceled state)
 * @param updatedAt  when it last changed there, or null
 * @param due        its due date where the tracker has one (Jira, Linear), or null
 * @param assignee   who it is assigned to there (GitHub login, Jira account id, Linear user id), or null: nobody, or
 *                   not said
 * @param assigneeEmail that person's email when the tracker said it, or null
 */
record RemoteIssue(String remoteId, IssueRef ref, boolean closed, boolean notPlanned, Instant updatedAt,
                          java.time.LocalDate due, String assignee, String assigneeEmail) {
    public RemoteIssue(String remoteId, IssueRef ref, boolean closed, boolean notPlanned, Instant updatedAt) {
        this(remoteId, ref, closed, notPlanned, updatedAt, null, null, null);
    }
}
