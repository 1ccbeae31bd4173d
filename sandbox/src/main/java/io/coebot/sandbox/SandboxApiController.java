package io.coebot.sandbox;

import io.coebot.slack.SlackRegistry;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.coebot.actions.NudgeRun;
import io.coebot.sandbox.slack.Button;
import io.coebot.sandbox.slack.Ephemeral;
import io.coebot.sandbox.slack.SlackMessage;
import io.coebot.sandbox.slack.SlackResponse;
import io.coebot.sandbox.slack.SlackView;
import io.coebot.sandbox.slack.SlackWorkspace.Channel;
import io.coebot.sandbox.slack.SlackWorkspace.Person;
import io.coebot.sandbox.slack.UploadedFile;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The page's JSON API. Reads show the fake Slack's state as one member sees it; every action is done the way
 * Slack would do it: stored in the fake and sent to the bot as a signed request to {@code POST /slack/events}
 * (through {@link io.coebot.sandbox.slack.SlackWorkspace}). Blocking work: it waits for the bot's answer.
 */
@Controller("/sandbox/api")
@Requires(property = SandboxMode.ACTIVE, value = "true")
@ExecuteOn(TaskExecutors.BLOCKING)
public class SandboxApiController {
    private static final Logger LOG = LoggerFactory.getLogger(SandboxApiController.class);

    private final SandboxWorkspace workspace;
    private final NudgeRun nudges;
    private final SlackRegistry registry;

    private final Clock clock;

    public SandboxApiController(SandboxWorkspace workspace, NudgeRun nudges, SlackRegistry registry, Clock clock) {
        this.workspace = workspace;
        this.clock = clock;
        this.nudges = nudges;
        this.registry = registry;
    }

    @Get(value = "/state", produces = MediaType.APPLICATION_JSON)
    public String state(@QueryValue("as") String memberId) {
        workspace.person(memberId);
        return SandboxState.of(workspace, memberId).toString();
    }

    /** The composer: a slash command, or a message in the channel or a thread. */
    @Post(value = "/send", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    public String send(@Body String body) {
        return act(body, (r, who) -> {
            Channel channel = workspace.conversation(str(r, "channel"));
            String typed = str(r, "text");
            String text = mentions(typed.strip());
            String threadTs = str(r, "threadTs");
            // As Slack's composer: only a message that starts with "/" itself is a command (a leading space makes it
            // a message), and one naming no command the app registered is refused, its text left in the composer.
            if (typed.startsWith("/")) {
                String command = text.split("\\s+")[0];
                if (!registry.commands().contains(command)) {
                    return failure(command + " is not a valid command. In Slack, all messages that start with the \"/\" "
                            + "character are interpreted as commands. If you are trying to send a message and not run a "
                            + "command, try preceding the \"/\" with an empty space.");
                }
                if (threadTs != null) {
                    // Slack itself refuses slash commands in threads; the bot never hears of them.
                    return failure(text.split("\\s+")[0] + " is not supported in threads. Sorry!");
                }
                return answer(who.runs(text, channel));
            }
            if (threadTs != null) {
                who.repliesInThread(channel, threadTs, text);
            } else {
                who.says(channel, text);
            }
            return answer(workspace.slack().lastResponse());
        });
    }

    /** The 📌 (or any) reaction: adds it, or takes it back when this member already reacted so. */
    @Post(value = "/react", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    public String react(@Body String body) {
        return act(body, (r, who) -> {
            Channel channel = workspace.conversation(str(r, "channel"));
            String ts = str(r, "ts");
            String name = str(r, "name");
            SlackMessage m = channel.message(ts);
            boolean already = m != null && m.reactions().getOrDefault(name, List.of()).contains(who.id());
            return answer(already ? who.unreacts(channel, ts, name) : who.reacts(channel, ts, name));
        });
    }

    /** A message shortcut ("Add to COE timeline"). */
    @Post(value = "/shortcut", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    public String shortcut(@Body String body) {
        return act(body, (r, who) -> {
            Channel channel = workspace.conversation(str(r, "channel"));
            return answer(who.usesShortcut(str(r, "callbackId"), channel.message(str(r, "ts")), channel));
        });
    }

    /**
     * A button or a select on a message ({@code on: "message"}, with channel and ts), on an ephemeral
     * ({@code on: "ephemeral"}, with its index in the member's list) or in a modal ({@code on: "view"}).
     */
    @Post(value = "/action", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    public String action(@Body String body) {
        return act(body, (r, who) -> {
            String actionId = str(r, "actionId");
            boolean button = "button".equals(str(r, "type"));
            List<String> values = values(r);
            switch (String.valueOf(str(r, "on"))) {
                case "message" -> {
                    Channel channel = workspace.conversation(str(r, "channel"));
                    SlackMessage m = channel.message(str(r, "ts"));
                    if (m == null) {
                        return failure("That message is gone.");
                    }
                    return answer(button
                            ? who.clicks(new Button(actionId, str(r, "value"), null, str(r, "blockId")), m, channel)
                            : who.selects(actionId, values, m, channel));
                }
                case "ephemeral" -> {
                    Ephemeral e = ephemeralsOf(who).get(r.get("index").getAsInt());
                    if (button) {
                        Button b = e.buttons().stream()
                                .filter(x -> x.actionId().equals(actionId) && java.util.Objects.equals(x.value(), str(r, "value")))
                                .findFirst().orElseThrow(() -> new NoSuchElementException("That button is gone."));
                        return answer(who.clicks(b, e));
                    }
                    return answer(who.selects(actionId, values, e));
                }
                case "view" -> {
                    SlackView v = workspace.fake().view(str(r, "viewId"));
                    if (v == null || !v.open()) {
                        return failure("That window is closed.");
                    }
                    return answer(who.clicks(actionId, v));
                }
                default -> {
                    return failure("Unknown target of an action.");
                }
            }
        });
    }

    /** Submits a modal; values: block_id → action_id → string, or list of strings for multi-selects. */
    @Post(value = "/submit", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    public String submit(@Body String body) {
        return act(body, (r, who) -> {
            Map<String, Map<String, Object>> values = new LinkedHashMap<>();
            JsonObject given = r.has("values") ? r.getAsJsonObject("values") : new JsonObject();
            for (String blockId : given.keySet()) {
                Map<String, Object> actions = new LinkedHashMap<>();
                JsonObject block = given.getAsJsonObject(blockId);
                for (String actionId : block.keySet()) {
                    JsonElement v = block.get(actionId);
                    if (v.isJsonArray()) {
                        List<String> list = new ArrayList<>();
                        v.getAsJsonArray().forEach(x -> list.add(x.getAsString()));
                        actions.put(actionId, list);
                    } else if (!v.isJsonNull() && !v.getAsString().isEmpty()) {
                        actions.put(actionId, v.getAsString());
                    }
                }
                values.put(blockId, actions);
            }
            return answer(who.submits(str(r, "viewId"), values));
        });
    }

    @Post(value = "/close", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    public String close(@Body String body) {
        return act(body, (r, who) -> {
            who.closes(str(r, "viewId"));
            return ok("");
        });
    }

    /** "Send today's digests now": the daily nudge, planned as if it were everyone's 09:00 on a weekday. */
    @Post(value = "/digests", produces = MediaType.APPLICATION_JSON)
    public String digests() {
        NudgeRun.Report report = nudges.runAsIfSendTimeForEveryone(clock.instant());
        return ok(report.digests() == 0
                ? "No digest to send: nobody has an open action item that was not in today's digest already."
                : report.digests() + " digest(s) queued; they arrive in the bot's DMs.").toString();
    }

    @Post(value = "/reset", produces = MediaType.APPLICATION_JSON)
    public String reset() {
        workspace.reset();
        return ok("The sandbox is fresh again.").toString();
    }

    /** The file as Slack's "Download" would give it (the published COE's Markdown), or a graph's PNG to show. */
    @Get("/files/{id}")
    public HttpResponse<byte[]> file(@PathVariable String id) {
        return workspace.fake().files().stream().filter(f -> f.id().equals(id)).findFirst()
                .<HttpResponse<byte[]>>map(f -> f.filename().endsWith(".png")
                        ? HttpResponse.ok(f.content()).contentType("image/png")
                        .header("Content-Disposition", "inline; filename=\"" + safe(f) + "\"")
                        : HttpResponse.ok(f.content())
                        .contentType("text/markdown; charset=utf-8")
                        .header("Content-Disposition", "attachment; filename=\"" + safe(f) + "\""))
                .orElseGet(HttpResponse::notFound);
    }

    // ------------------------------------------------------------------ helpers

    private interface Action {
        JsonObject run(JsonObject request, Person who);
    }

    private String act(String body, Action action) {
        try {
            JsonObject r = JsonParser.parseString(body).getAsJsonObject();
            return action.run(r, workspace.person(str(r, "as"))).toString();
        } catch (AssertionError | RuntimeException e) {
            // The harness reports a step that cannot be done as an AssertionError; here it is only a message.
            String first = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            LOG.debug("Sandbox action refused: {}", first);
            return failure(first).toString();
        }
    }

    /** "@bob" typed in the composer reaches the bot as Slack sends a mention: {@code <@U…|bob>}. */
    private static String mentions(String text) {
        String out = text;
        for (SandboxWorkspace.Member m : SandboxWorkspace.MEMBERS) {
            out = out.replaceAll("(?<![\\w<])@" + m.name() + "\\b", "<@" + m.id() + "|" + m.name() + ">");
        }
        return out;
    }

    private List<Ephemeral> ephemeralsOf(Person who) {
        return workspace.fake().ephemerals().stream().filter(e -> who.id().equals(e.user())).toList();
    }

    private static JsonObject answer(SlackResponse response) {
        if (response == null || response.status() == 200) {
            return ok("");
        }
        return failure("The bot answered HTTP " + response.status() + " (Slack would show an error).");
    }

    private static JsonObject ok(String notice) {
        JsonObject o = new JsonObject();
        o.addProperty("ok", true);
        o.addProperty("notice", notice);
        return o;
    }

    private static JsonObject failure(String error) {
        JsonObject o = new JsonObject();
        o.addProperty("ok", false);
        o.addProperty("error", error);
        return o;
    }

    private static String str(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }

    private static List<String> values(JsonObject r) {
        List<String> out = new ArrayList<>();
        JsonElement v = r.get("values");
        if (v instanceof JsonArray a) {
            a.forEach(x -> out.add(x.getAsString()));
        } else if (r.has("value") && !r.get("value").isJsonNull()) {
            out.add(r.get("value").getAsString());
        }
        return out;
    }

    private static String safe(UploadedFile f) {
        String name = f.filename() == null ? f.id() + ".md" : f.filename();
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
