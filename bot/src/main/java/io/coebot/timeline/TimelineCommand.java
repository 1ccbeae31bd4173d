package io.coebot.timeline;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import io.coebot.coe.Coe;
import io.coebot.interview.IncidentTimeParser;
import io.coebot.interview.ParsedTime;
import io.coebot.slack.CoeSubcommand;
import io.coebot.slack.EchoedText;
import io.coebot.slack.UserZones;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * `/coe timeline` shows the timeline (only to the caller); `/coe timeline add <when> <text>` adds what happened
 * outside Slack; `/coe timeline import [from] [to]` imports the channel's messages of the incident window.
 */
@Singleton
class TimelineCommand implements CoeSubcommand {
    /** A time is at most this many words ("yesterday at 2:05 pm Europe/Paris"); the rest is the entry's text. */
    private static final int MAX_TIME_WORDS = 6;
    private static final Pattern TO = Pattern.compile("(?i)\\s+(?:to|until|-|–)\\s+");

    private final TimelineService timelines;
    private final TimelineImports imports;
    private final UserZones zones;

    private final Clock clock;

    public TimelineCommand(TimelineService timelines, TimelineImports imports, UserZones zones, Clock clock) {
        this.timelines = timelines;
        this.clock = clock;
        this.imports = imports;
        this.zones = zones;
    }

    @Override public String name() { return "timeline"; }
    @Override public String usage() { return "/coe timeline [add <when> <text> | import [from] [to]]"; }
    @Override public String description() {
        return "See the incident timeline (only you), add an entry by hand, or import the channel's messages; "
                + "react with :pushpin: or use the message shortcut to add a message";
    }
    @Override public int helpOrder() { return 25; }

    @Override
    public Response handle(String args, SlashCommandRequest req, SlashCommandContext ctx) {
        var p = req.getPayload();
        Optional<Coe> found = timelines.currentIn(p.getTeamId(), p.getChannelId());
        if (found.isEmpty()) {
            return ctx.ack(Coe.noneInChannel("then build its timeline."));
        }
        Coe coe = found.get();
        String[] parts = args.strip().split("\\s+", 2);
        String sub = parts[0].toLowerCase(Locale.ROOT);
        String rest = parts.length > 1 ? parts[1].strip() : "";
        return switch (sub) {
            case "" -> ctx.ack(TimelineView.page(coe, timelines.timeline(coe.id()), 1));
            case "add" -> ctx.ack(add(coe, rest, p.getTeamId(), p.getUserId()));
            case "import" -> ctx.ack(startImport(coe, rest, p.getTeamId(), p.getUserId(), p.getTeamDomain()));
            default -> ctx.ack("I don't know `/coe timeline " + shorten(sub) + "`. Use `" + usage() + "`.");
        };
    }

    private String add(Coe coe, String rest, String teamId, String userId) {
        if (rest.isBlank()) {
            return "Say when and what: `/coe timeline add 14:05 Rolled back the deploy`. Times I read: "
                    + IncidentTimeParser.EXAMPLES + ".";
        }
        ZoneId zone = zones.zoneOf(teamId, userId);
        Instant now = clock.instant();
        String[] words = rest.split("\\s+");
        for (int n = Math.min(MAX_TIME_WORDS, words.length); n >= 1; n--) {
            ParsedTime t = IncidentTimeParser.parse(String.join(" ", Arrays.copyOfRange(words, 0, n)), zone, now);
            if (!t.isOk()) {
                continue;
            }
            String text = String.join(" ", Arrays.copyOfRange(words, n, words.length)).strip();
            if (text.isEmpty()) {
                return "What happened at " + TimelineTime.utc(t.instant()) + "? Add it after the time: "
                        + "`/coe timeline add " + rest + " Rolled back the deploy`.";
            }
            var outcome = timelines.addManual(coe, t.instant(), text, userId);
            return outcome.message() + " " + TimelineTime.slackDate(t.instant()) + " (" + TimelineTime.utcStamp(t.instant())
                    + "): " + EchoedText.mrkdwn(text) + (t.note() == null ? "" : "\n_" + t.note() + "_");
        }
        ParsedTime first = IncidentTimeParser.parse(words[0], zone, now);
        return "I couldn't read a time at the start of “" + shorten(rest) + "”"
                + (first.error() != null && words.length == 1 ? ": " + first.error() : ".")
                + " Start with the time, then what happened: `/coe timeline add 14:05 Rolled back the deploy`. Times I read: "
                + IncidentTimeParser.EXAMPLES + ".";
    }

    private String startImport(Coe coe, String rest, String teamId, String userId, String teamDomain) {
        Instant now = clock.instant();
        Instant from;
        Instant to;
        Map<Milestone, Instant> interview = timelines.interviewMilestones(coe.id());
        if (rest.isBlank()) {
            from = interview.get(Milestone.TRIGGER);
            to = Optional.ofNullable(interview.get(Milestone.MITIGATED))
                    .or(() -> Optional.ofNullable(interview.get(Milestone.RESOLVED))).orElse(now);
            if (from == null) {
                return "I don't know when the incident started yet: answer the interview's “When it started”, or give "
                        + "the window: `/coe timeline import yesterday 14:00 to yesterday 16:30`.";
            }
        } else {
            ZoneId zone = zones.zoneOf(teamId, userId);
            Instant[] window = window(rest, zone, now);
            if (window == null) {
                return "I couldn't read “" + shorten(rest) + "” as a window. Give one or two times: "
                        + "`/coe timeline import 14:00 to 16:30` (without an end, up to mitigation or now). Times I read: "
                        + IncidentTimeParser.EXAMPLES + ".";
            }
            from = window[0];
            to = window[1] != null ? window[1] : Optional.ofNullable(interview.get(Milestone.MITIGATED))
                    .filter(m -> m.isAfter(window[0])).orElse(now);
        }
        to = throughItsLastMessage(to, now);
        if (!from.isBefore(to)) {
            return "The window must start before it ends: " + TimelineTime.utc(from) + " is not before " + TimelineTime.utc(to) + ".";
        }
        Optional<TimelineImport> running = imports.start(coe, from, to, userId, teamDomain);
        if (running.isPresent()) {
            return "An import of this channel is already running (" + running.get().scanned() + " messages read so far); "
                    + "it reports in the COE card's thread when it is done.";
        }
        return "Importing this channel's messages from " + TimelineTime.utc(from) + " to " + TimelineTime.utc(to)
                + ", thread replies included. Progress and the count appear in the COE card's thread.";
    }

    /**
     * People type the end of a window to the minute ("16:30", "now"), and mean the messages of that minute too;
     * the parser gives its first instant, which would leave them out. Never past now, though.
     */
    static Instant throughItsLastMessage(Instant to, Instant now) {
        Instant end = to.getEpochSecond() % 60 == 0 && to.getNano() == 0 ? to.plusSeconds(60).minusNanos(1000)
                : to.getNano() == 0 ? to.plusSeconds(1).minusNanos(1000) : to;
        return end.isAfter(now) ? now : end;
    }

    /** [from, to] from "from to to", "from to" or "from" (to null). */
    static Instant[] window(String text, ZoneId zone, Instant now) {
        String[] byWord = TO.split(text.strip(), 2);
        if (byWord.length == 2) {
            ParsedTime a = IncidentTimeParser.parse(byWord[0], zone, now);
            ParsedTime b = IncidentTimeParser.parse(byWord[1], zone, now);
            return a.isOk() && b.isOk() ? new Instant[]{a.instant(), b.instant()} : null;
        }
        ParsedTime whole = IncidentTimeParser.parse(text, zone, now);
        if (whole.isOk()) {
            return new Instant[]{whole.instant(), null};
        }
        String[] words = text.strip().split("\\s+");
        for (int i = 1; i < words.length; i++) {
            ParsedTime a = IncidentTimeParser.parse(String.join(" ", Arrays.copyOfRange(words, 0, i)), zone, now);
            ParsedTime b = IncidentTimeParser.parse(String.join(" ", Arrays.copyOfRange(words, i, words.length)), zone, now);
            if (a.isOk() && b.isOk()) {
                return new Instant[]{a.instant(), b.instant()};
            }
        }
        return null;
    }

    private static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
