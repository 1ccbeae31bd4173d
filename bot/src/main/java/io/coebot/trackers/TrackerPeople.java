package io.coebot.trackers;

import io.coebot.slack.SlackGateway;
import io.coebot.slack.UserZones;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * People across Slack and the trackers, matched by email: an item's owner as the tracker's user (to assign the issue)
 * and an issue's assignee as a Slack member (to reassign the item). Both ask a remote, so call them outside any
 * transaction; answers are remembered for an hour.
 */
@Singleton
class TrackerPeople {
    private static final Logger LOG = LoggerFactory.getLogger(TrackerPeople.class);
    private static final Duration FRESH = Duration.ofHours(1);

    private record Known(String value, Instant at) {}

    private final UserZones people;
    private final SlackGateway slack;
    private final Clock clock;
    private final TrackerIssues issues;
    private final Map<String, Known> known = new ConcurrentHashMap<>();

    TrackerPeople(UserZones people, SlackGateway slack, Clock clock, TrackerIssues issues) {
        this.issues = issues;
        this.people = people;
        this.slack = slack;
        this.clock = clock;
    }

    /** The item's owner as Slack names them, and as the tracker's user with their email. */
    IssueText.Owner owner(Tracker tracker, String teamId, String slackUser) throws TrackerFailure {
        UserZones.SlackPerson p = people.personOf(teamId, slackUser);
        String name = p.displayName() != null ? p.displayName() : p.realName();
        if (p.email() == null) {
            return new IssueText.Owner(name, null, null);
        }
        String key = "user " + tracker.id() + " " + p.email().toLowerCase(Locale.ROOT);
        String id = remembered(key);
        if (id == null) {
            id = tracker.userByEmail(p.email()).orElse("");
            remember(key, id);
        }
        return new IssueText.Owner(name, p.email(), id.isEmpty() ? null : id);
    }

    /** The Slack member the issue is assigned to, when the tracker and Slack both know their email. */
    Optional<String> slackUserOf(Tracker tracker, String target, RemoteIssue issue) {
        if (issue.assignee() == null) {
            return Optional.empty();
        }
        Optional<String> teamId = issues.teamOf(tracker.id(), target, issue.ref().key());
        if (teamId.isEmpty()) {
            return Optional.empty(); // no item's issue: nobody to tell
        }
        try {
            String email = issue.assigneeEmail();
            if (email == null) {
                String key = "email " + tracker.id() + " " + issue.assignee();
                email = remembered(key);
                if (email == null) {
                    email = tracker.emailOf(issue.assignee()).orElse("");
                    remember(key, email);
                }
            }
            if (email.isEmpty()) {
                return Optional.empty();
            }
            // a member's id is the workspace's own
            String key = "slack " + teamId.get() + " " + email.toLowerCase(Locale.ROOT);
            String user = remembered(key);
            if (user == null) {
                String e = email;
                var r = slack.methods(teamId.get()).usersLookupByEmail(b -> b.email(e));
                user = r.isOk() && r.getUser() != null && !r.getUser().isDeleted() ? r.getUser().getId() : "";
                remember(key, user);
            }
            return user.isEmpty() ? Optional.empty() : Optional.of(user);
        } catch (TrackerFailure f) {
            LOG.info("Could not ask {} who {} is: {}", tracker.name(), issue.ref().key(), f.kind());
            return Optional.empty();
        } catch (Exception e) {
            LOG.info("users.lookupByEmail failed: {}", e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    private String remembered(String key) {
        Known k = known.get(key);
        return k == null || k.at().plus(FRESH).isBefore(clock.instant()) ? null : k.value();
    }

    private void remember(String key, String value) {
        known.put(key, new Known(value, clock.instant()));
    }
}
