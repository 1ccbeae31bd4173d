package io.coebot.sandbox.slack;

import com.google.gson.JsonObject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The language end-to-end tests are written in, and what the sandbox page acts through: people type, reply, edit, click and submit in a
 * {@link FakeSlack} workspace, and each action reaches the app as the signed request Slack would send.
 *
 * <pre>{@code
 * var ws = new SlackWorkspace(fakeSlack, requests);
 * var alice = ws.user("U_ALICE", "alice", "Europe/Paris");
 * var incident = ws.channel("inc-db-outage");
 * alice.runs("/coe start Database outage", incident);
 * SlackMessage card = incident.awaitMessageFromBot(m -> m.visibleText().contains("COE-1"));
 * alice.repliesInThread(incident, card.ts(), "14:05");
 * }</pre>
 *
 * By default every delivery must be acknowledged with HTTP 200 (anything else is what makes Slack
 * retry or show an error), so a story fails at the step that went wrong; {@link #requireAck(boolean)}
 * turns that off.
 */
public final class SlackWorkspace implements AutoCloseable {

    /** One request delivered to the app and its answer (status -1 when the request itself failed). */
    public record Delivery(String kind, String body, SlackResponse response, String failure) {
        @Override
        public String toString() {
            return kind + " " + summary() + " -> "
                    + (failure != null ? "FAILED " + failure : response.status() + " " + Json.truncate(response.body(), 120));
        }

        /** The parts of the body that tell deliveries apart: event id, type, subtype, channel, text. */
        public String summary() {
            try {
                if (body.startsWith("{")) {
                    JsonObject o = Json.parseObject(body);
                    JsonObject e = Json.objAt(o, "event");
                    if (e != null) {
                        return Json.str(o, "event_id") + " " + Json.str(e, "type")
                                + (Json.str(e, "subtype") == null ? "" : "/" + Json.str(e, "subtype"))
                                + " channel=" + Json.str(e, "channel") + " user=" + Json.str(e, "user")
                                + (Json.str(e, "text") == null ? "" : " text=" + Json.truncate(Json.str(e, "text"), 80));
                    }
                    return Json.str(o, "type") + " callback_id=" + Json.str(o, "view.callback_id");
                }
            } catch (RuntimeException ignored) {
                // not JSON: show the raw start below
            }
            return Json.truncate(body, 160);
        }
    }

    private final FakeSlack slack;
    private final SlackRequests requests;
    private final SlackPayloads payloads;
    private final List<Delivery> deliveries = new ArrayList<>();
    private final AtomicInteger pendingBotEvents = new AtomicInteger();
    private volatile boolean deliverBotMessages;
    private volatile boolean requireAck = true;
    private volatile ExecutorService botEventExecutor;
    private volatile String lastEventJson;

    public SlackWorkspace(FakeSlack slack, SlackRequests requests) {
        this.slack = slack;
        this.requests = requests;
        this.payloads = new SlackPayloads(slack);
        slack.onBotActivity(this::onBotActivity);
    }

    public FakeSlack slack() {
        return slack;
    }

    public SlackRequests requests() {
        return requests;
    }

    public SlackPayloads payloads() {
        return payloads;
    }

    /** Registers a person in the fake workspace. */
    public Person user(String id, String name, String tz) {
        slack.addUser(id, name, tz);
        return new Person(id, name, tz);
    }

    /** A public channel the bot is a member of (created on first use). */
    public Channel channel(String name) {
        return channelNamed(name, false, true);
    }

    /** A private channel the bot is a member of. */
    public Channel privateChannel(String name) {
        return channelNamed(name, true, true);
    }

    /** A public channel the bot has not joined. */
    public Channel channelWithoutBot(String name) {
        return channelNamed(name, false, false);
    }

    private Channel channelNamed(String name, boolean isPrivate, boolean botIsMember) {
        return new Channel(slack.findChannel(name).map(SlackChannel::id)
                .orElseGet(() -> slack.addChannel(name, isPrivate, botIsMember)));
    }

    /** A handle on a conversation created directly in the fake (by id or name). */
    public Channel existingChannel(String idOrName) {
        return new Channel(slack.channel(idOrName).id());
    }

    /**
     * When on, every message the app posts, updates or deletes comes back to it as the event Slack
     * would send (message with bot_id/app_id/user = bot user; message_changed; message_deleted),
     * delivered asynchronously in order. Default off.
     */
    public SlackWorkspace deliverBotMessagesAsEvents(boolean on) {
        this.deliverBotMessages = on;
        return this;
    }

    /** Whether a delivery answered with anything but HTTP 200 fails the step (default true). */
    public SlackWorkspace requireAck(boolean require) {
        this.requireAck = require;
        return this;
    }

    /** Wraps {@code event} in a fresh event_callback envelope and delivers it. */
    public SlackResponse deliverEvent(JsonObject event) {
        String json = SlackPayloads.toJson(payloads.envelope(event));
        lastEventJson = json;
        return send("event", json, () -> requests.event(json));
    }

    /** Slack's retry of an event: the same body with X-Slack-Retry-Num and X-Slack-Retry-Reason: http_timeout. */
    public SlackResponse deliverAgain(String eventJson, int retryNum) {
        return deliverAgain(eventJson, retryNum, "http_timeout");
    }

    public SlackResponse deliverAgain(String eventJson, int retryNum, String reason) {
        Map<String, String> headers = Map.of("X-Slack-Retry-Num", String.valueOf(retryNum), "X-Slack-Retry-Reason", reason);
        return send("event retry " + retryNum, eventJson, () -> requests.event(eventJson, headers));
    }

    /** The body of the last event delivered by a person's action (for {@link #deliverAgain}). */
    public String lastEventJson() {
        return lastEventJson;
    }

    public List<Delivery> deliveries() {
        synchronized (deliveries) {
            return List.copyOf(deliveries);
        }
    }

    public SlackResponse lastResponse() {
        synchronized (deliveries) {
            for (int i = deliveries.size() - 1; i >= 0; i--) {
                if (deliveries.get(i).response() != null) {
                    return deliveries.get(i).response();
                }
            }
            return null;
        }
    }

    /** Waits until every bot event queued by {@link #deliverBotMessagesAsEvents} has been answered. */
    public void awaitBotEventsDelivered() {
        await("bot message events delivered to the app", () -> pendingBotEvents.get() == 0);
    }

    /** Polls until {@code condition} holds; on timeout fails with the fake's dump and the deliveries. */
    public void await(String description, BooleanSupplier condition) {
        Eventually.await(description, condition, slack.awaitTimeout(), this::dump);
    }

    public <T> T awaitValue(String description, Supplier<T> probe) {
        return Eventually.awaitValue(description, probe, slack.awaitTimeout(), this::dump);
    }

    public String dump() {
        StringBuilder sb = new StringBuilder(slack.dump());
        sb.append("--- Requests delivered to the app (").append(deliveries().size()).append(")\n");
        deliveries().forEach(d -> sb.append("  ").append(d).append('\n'));
        return sb.toString();
    }

    @Override
    public void close() {
        ExecutorService e = botEventExecutor;
        if (e != null) {
            e.shutdown();
            try {
                e.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private SlackResponse send(String kind, String body, Supplier<SlackResponse> request) {
        SlackResponse r;
        try {
            r = request.get();
        } catch (RuntimeException e) {
            record(new Delivery(kind, body, null, e.toString()));
            throw new AssertionError(kind + " could not be delivered: " + e + "\n" + dump(), e);
        }
        record(new Delivery(kind, body, r, null));
        if (requireAck && r.status() != 200) {
            throw new AssertionError("The app answered " + kind + " with HTTP " + r.status() + " (Slack expects 200 within 3 s): "
                    + r + "\nrequest: " + Json.truncate(body, 2000) + "\n" + dump());
        }
        return r;
    }

    private void record(Delivery d) {
        synchronized (deliveries) {
            deliveries.add(d);
        }
    }

    /** Runs while the fake holds its lock: build the event now (consistent snapshot), send it later. */
    private void onBotActivity(FakeSlack.BotActivity a) {
        if (!deliverBotMessages) {
            return;
        }
        JsonObject event = switch (a.kind()) {
            case POSTED -> payloads.messageEvent(a.message());
            case UPDATED -> payloads.messageChangedEvent(a.previous(), a.message());
            case DELETED -> payloads.messageDeletedEvent(a.previous());
        };
        String json = SlackPayloads.toJson(payloads.envelope(event));
        pendingBotEvents.incrementAndGet();
        executor().submit(() -> {
            try {
                SlackResponse r = requests.event(json);
                record(new Delivery("bot " + a.kind().name().toLowerCase(java.util.Locale.ROOT) + " event", json, r, null));
            } catch (RuntimeException e) {
                record(new Delivery("bot " + a.kind().name().toLowerCase(java.util.Locale.ROOT) + " event", json, null, e.toString()));
            } finally {
                pendingBotEvents.decrementAndGet();
            }
        });
    }

    private ExecutorService executor() {
        ExecutorService e = botEventExecutor;
        if (e == null) {
            synchronized (this) {
                if (botEventExecutor == null) {
                    botEventExecutor = Executors.newSingleThreadExecutor(r -> {
                        Thread t = new Thread(r, "slack-bot-events");
                        t.setDaemon(true);
                        return t;
                    });
                }
                e = botEventExecutor;
            }
        }
        return e;
    }

    // ==================================================================== Channel

    /** A conversation as people in it see it. */
    public final class Channel {
        private final String id;

        private Channel(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public String name() {
            return info().name();
        }

        public SlackChannel info() {
            return slack.channel(id);
        }

        /** Top-level messages, oldest first. */
        public List<SlackMessage> messages() {
            return slack.channelMessages(id);
        }

        public List<SlackMessage> botMessages() {
            return messages().stream().filter(SlackMessage::isFromBot).toList();
        }

        /** Replies under {@code threadTs}, oldest first, without the parent. */
        public List<SlackMessage> thread(String threadTs) {
            return slack.thread(id, threadTs);
        }

        /** The message as it is now, or null. */
        public SlackMessage message(String ts) {
            return slack.message(id, ts);
        }

        public List<Ephemeral> ephemeralsFor(Person person) {
            return slack.ephemerals(id, person.id());
        }

        /** Waits for a top-level bot message matching {@code condition}; returns the newest match. */
        public SlackMessage awaitMessageFromBot(Predicate<SlackMessage> condition) {
            return awaitValue("a bot message in " + this + " matching the condition",
                    () -> newest(messages(), m -> m.isFromBot() && condition.test(m)));
        }

        public SlackMessage awaitMessageFromBot(String visibleTextFragment) {
            return awaitValue("a bot message in " + this + " showing \"" + visibleTextFragment + "\"",
                    () -> newest(messages(), m -> m.isFromBot() && m.visibleText().contains(visibleTextFragment)));
        }

        /** Waits for a bot reply in the thread matching {@code condition}; returns the newest match. */
        public SlackMessage awaitReplyFromBot(String threadTs, Predicate<SlackMessage> condition) {
            return awaitValue("a bot reply in thread " + threadTs + " of " + this + " matching the condition",
                    () -> newest(thread(threadTs), m -> m.isFromBot() && condition.test(m)));
        }

        public SlackMessage awaitReplyFromBot(String threadTs, String visibleTextFragment) {
            return awaitValue("a bot reply in thread " + threadTs + " of " + this + " showing \"" + visibleTextFragment + "\"",
                    () -> newest(thread(threadTs), m -> m.isFromBot() && m.visibleText().contains(visibleTextFragment)));
        }

        /** Waits for the message at {@code ts} to satisfy {@code condition} (e.g. the card after an update). */
        public SlackMessage awaitMessage(String ts, Predicate<SlackMessage> condition) {
            return awaitValue("message " + ts + " in " + this + " matching the condition", () -> {
                SlackMessage m = message(ts);
                return m != null && condition.test(m) ? m : null;
            });
        }

        public Ephemeral awaitEphemeralFor(Person person, Predicate<Ephemeral> condition) {
            return awaitValue("an ephemeral for " + person.name() + " in " + this + " matching the condition",
                    () -> newest(ephemeralsFor(person), condition));
        }

        public void botJoins() {
            slack.botJoins(id);
        }

        public void botLeaves() {
            slack.botLeaves(id);
        }

        @Override
        public String toString() {
            SlackChannel c = info();
            return c.name() == null ? "DM " + c.id() : "#" + c.name() + " (" + c.id() + ")";
        }
    }

    private static <T> T newest(List<T> items, Predicate<T> condition) {
        for (int i = items.size() - 1; i >= 0; i--) {
            if (condition.test(items.get(i))) {
                return items.get(i);
            }
        }
        return null;
    }

    // ==================================================================== Person

    /** Someone in the workspace; every action is stored in the fake and sent to the app as Slack would. */
    public final class Person {
        private final String id;
        private final String name;
        private final String tz;
        private volatile String lastResponseUrl;
        private volatile String lastTriggerId;

        private Person(String id, String name, String tz) {
            this.id = id;
            this.name = name;
            this.tz = tz;
        }

        public String id() {
            return id;
        }

        public String name() {
            return name;
        }

        public String tz() {
            return tz;
        }

        /** The DM between this person and the bot. */
        public Channel dm() {
            return new Channel(slack.openDm(id));
        }

        /** Messages in the DM with the bot, oldest first. */
        public List<SlackMessage> dms() {
            return slack.dms(id);
        }

        public SlackMessage awaitDm(Predicate<SlackMessage> condition) {
            return awaitValue("a DM from the bot to " + name + " matching the condition",
                    () -> newest(dms(), m -> m.isFromBot() && condition.test(m)));
        }

        /**
         * Types a slash command ("/coe start Database outage") in {@code channel}. Returns the app's
         * HTTP answer; its body is shown as Slack shows it (ephemeral, or in_channel).
         */
        public SlackResponse runs(String commandLine, Channel channel) {
            String trimmed = commandLine.strip();
            int space = trimmed.indexOf(' ');
            String command = space < 0 ? trimmed : trimmed.substring(0, space);
            String text = space < 0 ? "" : trimmed.substring(space + 1).strip();
            String responseUrl = slack.newResponseUrl(channel.id(), id, null);
            String triggerId = slack.newTriggerId(id);
            remember(responseUrl, triggerId);
            Map<String, String> fields = payloads.slashCommand(id, name, channel.info(), command, text, responseUrl, triggerId);
            SlackResponse r = send("slash command " + commandLine, SlackRequests.formEncode(fields),
                    () -> requests.slashCommand(fields));
            if (r.status() == 200) {
                slack.commandAnswered(channel.id(), id, r.body());
            }
            return r;
        }

        /** Posts a top-level message and delivers its message event. */
        public SlackMessage says(Channel channel, String text) {
            SlackMessage m = slack.postAsUser(id, channel.id(), text, null);
            deliverEvent(payloads.messageEvent(m));
            return m;
        }

        /** A top-level message written at {@code at} (earlier chatter), delivered as its message event now. */
        public SlackMessage saidAt(Channel channel, String text, java.time.Instant at) {
            SlackMessage m = slack.postAsUserAt(id, channel.id(), text, at);
            deliverEvent(payloads.messageEvent(m));
            return m;
        }

        /** Replies in the thread of {@code threadTs} and delivers the message event (with thread_ts). */
        public SlackMessage repliesInThread(Channel channel, String threadTs, String text) {
            SlackMessage m = slack.postAsUser(id, channel.id(), text, threadTs);
            deliverEvent(payloads.messageEvent(m));
            return m;
        }

        /** Edits own message and delivers message_changed; returns the message after the edit. */
        public SlackMessage edits(Channel channel, String ts, String newText) {
            SlackMessage before = slack.message(channel.id(), ts);
            if (before == null) {
                throw new IllegalArgumentException("no message " + ts + " in " + channel);
            }
            SlackMessage after = slack.editAsUser(channel.id(), ts, newText);
            deliverEvent(payloads.messageChangedEvent(before, after));
            return after;
        }

        /** Deletes a message and delivers message_deleted. */
        public SlackResponse deletes(Channel channel, String ts) {
            SlackMessage before = slack.deleteMessage(channel.id(), ts);
            return deliverEvent(payloads.messageDeletedEvent(before));
        }

        /** Adds an emoji reaction (name without colons) and delivers reaction_added. */
        public SlackResponse reacts(Channel channel, String ts, String reaction) {
            SlackMessage m = slack.addReaction(id, channel.id(), ts, reaction);
            return deliverEvent(payloads.reactionEvent(true, id, reaction, m));
        }

        public SlackResponse unreacts(Channel channel, String ts, String reaction) {
            SlackMessage m = slack.removeReaction(id, channel.id(), ts, reaction);
            return deliverEvent(payloads.reactionEvent(false, id, reaction, m));
        }

        /**
         * Clicks a button on a message as it is now in {@code channel} (fails if the message or the button
         * is gone). Sends block_actions with a fresh response_url bound to that message and a fresh trigger_id.
         */
        public SlackResponse clicks(Button button, SlackMessage message, Channel channel) {
            SlackMessage current = currentMessage(message, channel);
            Button onScreen = current.buttons().stream()
                    .filter(b -> b.actionId().equals(button.actionId()) && Objects.equals(b.value(), button.value()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(name + " cannot click \"" + button.label() + "\": it is no longer on "
                            + current + "; buttons now: " + current.buttons()));
            String responseUrl = slack.newResponseUrl(channel.id(), id, current.ts());
            String triggerId = slack.newTriggerId(id);
            remember(responseUrl, triggerId);
            JsonObject payload = payloads.blockActionsOnMessage(id, name, channel.info(), current,
                    payloads.buttonAction(onScreen), null, responseUrl, triggerId);
            return interact("block_actions " + onScreen.actionId(), payload);
        }

        /** Clicks the button with this label (or action_id) on the message. */
        public SlackResponse clicks(String labelOrActionId, SlackMessage message, Channel channel) {
            return clicks(currentMessage(message, channel).button(labelOrActionId), message, channel);
        }

        /** Clicks a button on an ephemeral message shown to this person. */
        public SlackResponse clicks(String labelOrActionId, Ephemeral ephemeral) {
            return clicks(ephemeral.button(labelOrActionId), ephemeral);
        }

        /** Clicks this very button (action_id and value) on an ephemeral, for ephemerals with several alike. */
        public SlackResponse clicks(Button b, Ephemeral ephemeral) {
            Channel channel = new Channel(ephemeral.channel());
            String responseUrl = slack.newResponseUrl(ephemeral.channel(), id, ephemeral.messageTs());
            String triggerId = slack.newTriggerId(id);
            remember(responseUrl, triggerId);
            JsonObject payload = payloads.blockActionsOnEphemeral(id, name, channel.info(), ephemeral,
                    payloads.buttonAction(b), responseUrl, triggerId);
            return interact("block_actions " + b.actionId() + " (ephemeral)", payload);
        }

        /** Picks {@code values} in a select on an ephemeral message shown to this person (e.g. a menu in a command's answer). */
        public SlackResponse selects(String actionId, List<String> values, Ephemeral ephemeral) {
            BlockKitText.Located l = BlockKitText.find(BlockKitText.array(ephemeral.blocks()), actionId);
            if (l == null) {
                throw new AssertionError("no element with action_id " + actionId + " on " + ephemeral);
            }
            Channel channel = new Channel(ephemeral.channel());
            String responseUrl = slack.newResponseUrl(ephemeral.channel(), id, ephemeral.messageTs());
            String triggerId = slack.newTriggerId(id);
            remember(responseUrl, triggerId);
            return interact("block_actions " + actionId + " " + values + " (ephemeral)",
                    payloads.blockActionsOnEphemeral(id, name, channel.info(), ephemeral,
                            payloads.selectAction(l.element(), l.blockId(), values), responseUrl, triggerId));
        }

        /** Clicks a button inside an open modal or the Home tab. */
        public SlackResponse clicks(String labelOrActionId, SlackView view) {
            SlackView current = slack.view(view.id());
            Button b = current.buttons().stream()
                    .filter(x -> labelOrActionId.equals(x.label()) || labelOrActionId.equals(x.actionId()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no button \"" + labelOrActionId + "\" in " + current));
            String triggerId = slack.newTriggerId(id);
            lastTriggerId = triggerId;
            return interact("block_actions " + b.actionId() + " (view)",
                    payloads.blockActionsOnView(id, name, current, payloads.buttonAction(b), triggerId));
        }

        /** Picks {@code values} in a static_select / multi_static_select (or other select) on a message. */
        public SlackResponse selects(String actionId, List<String> values, SlackMessage message, Channel channel) {
            SlackMessage current = currentMessage(message, channel);
            BlockKitText.Located l = BlockKitText.find(current.blocksArray(), actionId);
            if (l == null) {
                throw new AssertionError("no element with action_id " + actionId + " on " + current);
            }
            JsonObject action = payloads.selectAction(l.element(), l.blockId(), values);
            JsonObject state = new JsonObject();
            state.add(l.blockId(), Json.obj(actionId, payloads.stateValue(l.element(), values)));
            String responseUrl = slack.newResponseUrl(channel.id(), id, current.ts());
            String triggerId = slack.newTriggerId(id);
            remember(responseUrl, triggerId);
            return interact("block_actions " + actionId + " " + values,
                    payloads.blockActionsOnMessage(id, name, channel.info(), current, action, state, responseUrl, triggerId));
        }

        /**
         * Submits a modal. {@code viewIdOrCallbackId} names an open view ("V…") or the callback_id of the
         * latest one shown to anybody; a JSON object is taken as the view itself. {@code values}:
         * block_id → action_id → String (or List of Strings for multi-selects). The app's answer is applied
         * (closes, shows errors, updates, pushes).
         */
        public SlackResponse submits(String viewIdOrCallbackId, Map<String, ? extends Map<String, ?>> values) {
            SlackView view = resolveView(viewIdOrCallbackId);
            String triggerId = slack.newTriggerId(id);
            lastTriggerId = triggerId;
            SlackResponse r = interact("view_submission " + view.callbackId(),
                    payloads.viewSubmission(id, name, view, values, triggerId));
            if (r.status() == 200 && slack.view(view.id()) != null) {
                slack.viewSubmissionAnswered(view.id(), r.body());
            }
            return r;
        }

        /** Closes a modal; Slack tells the app (view_closed) only when the view asked with notify_on_close. */
        public Optional<SlackResponse> closes(String viewIdOrCallbackId) {
            SlackView view = resolveView(viewIdOrCallbackId);
            slack.closeView(view.id());
            if (!Json.bool(view.json(), "notify_on_close")) {
                return Optional.empty();
            }
            return Optional.of(interact("view_closed " + view.callbackId(), payloads.viewClosed(id, name, view)));
        }

        /** Uses a message shortcut ("Add to COE timeline") on a message. */
        public SlackResponse usesShortcut(String callbackId, SlackMessage message, Channel channel) {
            SlackMessage current = currentMessage(message, channel);
            String responseUrl = slack.newResponseUrl(channel.id(), id, null);
            String triggerId = slack.newTriggerId(id);
            remember(responseUrl, triggerId);
            return interact("message_action " + callbackId,
                    payloads.messageShortcut(id, name, channel.info(), current, callbackId, responseUrl, triggerId));
        }

        /** Opens the app's Home tab (app_home_opened). */
        public SlackResponse opensAppHome() {
            String dm = slack.openDm(id);
            SlackView home = slack.views().stream()
                    .filter(v -> "home".equals(v.type()) && id.equals(v.userId())).findFirst().orElse(null);
            return deliverEvent(payloads.appHomeOpenedEvent(id, dm, home));
        }

        /** What the app posted to the response_url of this person's last command or click. */
        public List<ResponseUrlPost> lastResponseUrlPosts() {
            String url = lastResponseUrl;
            return url == null ? List.of() : slack.responses(url);
        }

        public String lastResponseUrl() {
            return lastResponseUrl;
        }

        public String lastTriggerId() {
            return lastTriggerId;
        }

        /** Views (modals, Home) shown to this person, oldest first. */
        public List<SlackView> views() {
            return slack.views().stream().filter(v -> id.equals(v.userId())).toList();
        }

        /** Waits until a modal with this callback_id is open for this person. */
        public SlackView awaitOpenView(String callbackId) {
            return awaitValue("an open view " + callbackId + " for " + name,
                    () -> newest(views(), v -> v.open() && callbackId.equals(v.callbackId())));
        }

        private void remember(String responseUrl, String triggerId) {
            lastResponseUrl = responseUrl;
            lastTriggerId = triggerId;
        }

        private SlackResponse interact(String kind, JsonObject payload) {
            String json = SlackPayloads.toJson(payload);
            return send(kind + " by " + name, json, () -> requests.interactivity(json));
        }

        private SlackMessage currentMessage(SlackMessage message, Channel channel) {
            SlackMessage current = slack.message(channel.id(), message.ts());
            if (current == null) {
                throw new AssertionError(name + " cannot act on message " + message.ts() + ": it is no longer in " + channel);
            }
            return current;
        }

        private SlackView resolveView(String ref) {
            if (ref.strip().startsWith("{")) {
                JsonObject json = Json.parseObject(ref);
                String viewId = Json.str(json, "id");
                SlackView known = viewId == null ? null : slack.view(viewId);
                return known != null ? known : new SlackView(viewId == null ? "V" + SlackPayloads.newEventId().substring(2) : viewId,
                        Json.str(json, "type"), Optional.ofNullable(Json.str(json, "callback_id")).orElse(""), id, json,
                        true, Map.of(), "test", Instant.now());
            }
            SlackView byId = slack.view(ref);
            SlackView view = byId != null ? byId : slack.latestView(ref);
            if (view == null) {
                throw new AssertionError("no view " + ref + " was opened\n" + dump());
            }
            if (!view.open()) {
                throw new AssertionError(name + " cannot use view " + ref + ": it is closed (" + view + ")");
            }
            return view;
        }

        @Override
        public String toString() {
            return name + " (" + id + ")";
        }
    }
}
