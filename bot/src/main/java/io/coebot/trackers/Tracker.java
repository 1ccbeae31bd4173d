package io.coebot.trackers;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One tracker service, as the rest of the feature sees it. Implementations talk to the service's documented API and
 * turn every failure into a {@link TrackerFailure}; they never log or return a token.
 *
 * <p>{@code target} is where items go: a GitHub repository ({@code owner/name}), a Jira project key, a Linear team key.
 */
interface Tracker {
    /** The stored word: "github", "jira", "linear". Never rename it (rows hold it). */
    String id();

    /** How people read it: "GitHub". */
    String name();

    /** Whether its settings (token) are present. */
    boolean configured();

    /** The workspace default target from the environment, or null. */
    String defaultTarget();

    /** What is wrong with a target someone typed, or empty. */
    Optional<String> targetProblem(String target);

    /** The issue a pasted link points at, when it is one of {@code target}'s. */
    Optional<IssueRef> parseLink(String url, String target);

    /** The issue a typed key names ("#12", "OPS-42"), normalised, when it can be one of {@code target}'s. */
    Optional<String> parseKey(String key, String target);

    /** The tracker's user with this email (GitHub login, Jira account id, Linear user id), if it can tell. */
    Optional<String> userByEmail(String email) throws TrackerFailure;

    /** The email of one of the tracker's users, if the tracker tells (GitHub: only a public one). */
    Optional<String> emailOf(String userId) throws TrackerFailure;

    RemoteIssue create(String target, IssueDraft draft) throws TrackerFailure;

    /** The issue carrying {@code marker}, if the tracker has one (after a create whose answer never came). */
    Optional<RemoteIssue> findByMarker(String target, String marker) throws TrackerFailure;

    /** Brings the issue to the draft's state; {@code bodyToo} false for an issue someone linked (their text stays). */
    RemoteIssue update(String target, String remoteId, IssueDraft draft, boolean bodyToo) throws TrackerFailure;

    RemoteIssue get(String target, IssueRef ref) throws TrackerFailure;

    /** Every issue of {@code target} changed at or after {@code since} (all pages). */
    List<RemoteIssue> changedSince(String target, Instant since) throws TrackerFailure;
}
