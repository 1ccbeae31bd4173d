package io.coebot.sandbox;

import io.coebot.sandbox.slack.FakeSlack;
import io.coebot.sandbox.slack.SlackRequests;
import io.coebot.sandbox.slack.SlackWorkspace;
import io.coebot.sandbox.slack.SlackWorkspace.Channel;
import io.coebot.sandbox.slack.SlackWorkspace.Person;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The simulated workspace: three members in different time zones, one incident channel, and the bot's DMs.
 * People act through {@link SlackWorkspace}, so each action is stored in the fake Slack and sent to the bot as
 * the signed request Slack would send, and the bot's own messages come back to it as events, as in Slack.
 *
 * <p>The fake keeps its messages in memory, so a new start (or a reset) also forgets the sandbox team's rows in
 * the database: a COE whose card and thread are gone would only confuse. Within a run everything the bot does
 * is stored in the database as in production.
 */
@Singleton
@Requires(property = SandboxMode.ACTIVE, value = "true")
public class SandboxWorkspace {
    public static final String CHANNEL = "incident-checkout";

    /** Someone to act as; the time zones are far apart so that "9:00 in each owner's time zone" shows. */
    public record Member(String id, String name, String tz) {}

    public static final List<Member> MEMBERS = List.of(
            new Member("U0ALICE001", "alice", "Europe/Berlin"),
            new Member("U0BOB00001", "bob", "America/New_York"),
            new Member("U0CHEN0001", "chen", "Asia/Tokyo"));

    private final SandboxSlack sandbox;
    private final SandboxData data;
    private final Map<String, Person> people = new LinkedHashMap<>();
    private volatile SlackWorkspace workspace;
    private volatile Channel channel;

    /** The app's clock: the seeded chatter is dated before the COE the app will start, on the app's time. */
    private final java.time.Clock clock;

    public SandboxWorkspace(SandboxSlack sandbox, SandboxData data, java.time.Clock clock) {
        this.sandbox = sandbox;
        this.clock = clock;
        this.data = data;
    }

    /** Connects to the app at {@code appBaseUrl} (known once the server listens) and sets the workspace up. */
    public synchronized void open(String appBaseUrl) {
        workspace = new SlackWorkspace(fake(), new SlackRequests(appBaseUrl, sandbox.signingSecret()))
                .deliverBotMessagesAsEvents(true)
                // The page shows a refused request instead of failing like a test step.
                .requireAck(false);
        reset();
    }

    /** Back to a fresh workspace: the fake forgets everything, and so does the database for this team. */
    public synchronized void reset() {
        fake().reset();
        data.forget(fake().teamId());
        people.clear();
        for (Member m : MEMBERS) {
            people.put(m.id(), workspace.user(m.id(), m.name(), m.tz()));
        }
        channel = workspace.channel(CHANNEL);
        // Some chatter from before the COE, so there is something to pin to the timeline. Written 45 and 38 minutes
        // ago, as an incident's messages are by the time its COE starts: pinned into a COE whose times are told in the
        // interview, they land inside the incident, not "after resolution".
        java.time.Instant now = clock.instant();
        person("U0BOB00001").saidAt(channel, "Checkout is returning 500s for about a third of orders since the config push",
                now.minus(java.time.Duration.ofMinutes(45)));
        person("U0ALICE001").saidAt(channel, "Rolling back the payments config now", now.minus(java.time.Duration.ofMinutes(38)));
    }

    public FakeSlack fake() {
        return sandbox.fake();
    }

    public SlackWorkspace slack() {
        return workspace;
    }

    public Channel channel() {
        return channel;
    }

    /** A member by id; only the simulated members can act. */
    public Person person(String id) {
        Person p = people.get(id);
        if (p == null) {
            throw new NoSuchElementException("no sandbox member " + id);
        }
        return p;
    }

    /** The channel, or a member's DM with the bot, by id. */
    public Channel conversation(String id) {
        return workspace.existingChannel(id);
    }

    @PreDestroy
    void close() {
        SlackWorkspace w = workspace;
        if (w != null) {
            w.close();
        }
        fake().close();
    }
}
