package io.coebot.sandbox.slack;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A fake Slack Web API on 127.0.0.1 for end-to-end tests and the browser sandbox: the real app (through Bolt's Web API client,
 * pointed at {@link #apiUrl()}) posts, updates and reads messages here, and tests look at what a
 * person in the workspace would see (and the sandbox page shows).
 *
 * <p>It answers the methods coe-bot uses with Slack's field names and errors, records every call,
 * generates realistic ids and strictly increasing {@code ts}, and can fail, rate-limit or slow down
 * any method on demand. Thread-safe: every request and every test-side read runs under one lock.
 *
 * <p>This class is the workspace (its members, channels, messages, views, files and canvases, and what people do and
 * see there) and the HTTP server; the Web API methods it serves, one handler each, are {@link SlackWebApi}; the
 * sandbox page's API reads this class from the sandbox module ({@code io.coebot.sandbox}).
 */
public final class FakeSlack implements AutoCloseable {

    public static final String DEFAULT_BOT_TOKEN = "xoxb-0001-fake-coe-bot-token";

    /**
     * What the app's bot did, for {@link #onBotActivity(Consumer)}. {@code receivedNanos} is {@link System#nanoTime()}
     * when the fake received the request that did it (a Web API call or a response_url post), for latency figures.
     */
    public record BotActivity(Kind kind, SlackMessage message, SlackMessage previous, long receivedNanos) {
        public enum Kind { POSTED, UPDATED, DELETED }

        public BotActivity(Kind kind, SlackMessage message, SlackMessage previous) {
            this(kind, message, previous, System.nanoTime());
        }
    }

    static final String TEAM_ID = "T0001";
    static final String TEAM_DOMAIN = "coe-test";
    static final String TEAM_NAME = "COE Test";
    static final String BOT_USER_ID = "U0COEBOT01";
    static final String BOT_ID = "B0COEBOT01";
    static final String APP_ID = "A0COEBOT";
    static final String BOT_NAME = "coe-bot";
    private static final String BOT_SCOPES = "app_mentions:read,channels:history,channels:read,channels:join,chat:write,"
            + "commands,files:write,groups:history,groups:read,im:history,im:write,reactions:read,reactions:write,users:read";
    private static final int RESPONSE_URL_MAX_USES = 5;
    private static final int MAX_CALLS_IN_DUMP = 200;

    private final String botToken;
    /** "Add to Slack": the app's client credentials, the codes handed out and not yet exchanged, the tokens issued. */
    public static final String CLIENT_ID = "1111111111.2222222222";
    public static final String CLIENT_SECRET = "fake-client-secret-5f0c2d9a7e41b3c8";
    private final Map<String, String[]> oauthCodes = new HashMap<>();
    private final Map<String, String> installedTokens = new HashMap<>();
    private final HttpServer server;
    private final ExecutorService executor;
    final String baseUrl;
    private final AtomicInteger threadSeq = new AtomicInteger();

    final Object lock = new Object();
    // --- everything below is guarded by lock
    private final List<ApiCall> calls = new ArrayList<>();
    private final Map<ApiCall, String> outcomes = new IdentityHashMap<>();
    final Map<String, UserRec> users = new LinkedHashMap<>();
    final Map<String, ChannelRec> channels = new LinkedHashMap<>();
    final Map<String, String> dmByUser = new HashMap<>();
    final List<Msg> messages = new ArrayList<>();
    final Map<String, Msg> messageByKey = new HashMap<>();
    final List<Ephemeral> ephemerals = new ArrayList<>();
    private final List<ResponseUrlPost> responses = new ArrayList<>();
    private final Map<String, ResponseTarget> responseTargets = new HashMap<>();
    final Map<String, ViewRec> views = new LinkedHashMap<>();
    final Map<String, String> homeViewByUser = new HashMap<>();
    final Map<String, Upload> uploads = new HashMap<>();
    final List<UploadedFile> files = new ArrayList<>();
    /** Canvases by id, in the order they were made. */
    final Map<String, SlackCanvas> canvases = new LinkedHashMap<>();
    final Map<String, TriggerRec> triggers = new HashMap<>();
    final Set<String> exchangedTriggers = new HashSet<>();
    private final Map<String, Deque<Fault>> nextFaults = new HashMap<>();
    private final Map<String, Fault> alwaysFaults = new HashMap<>();
    private final List<String> internalErrors = new ArrayList<>();
    private final List<Refusal> refusals = new ArrayList<>();
    private long lastTsMicros;
    private long idSeq = 1;
    private int responseUrlSeq = 1;
    // --- end of guarded state

    private final List<Consumer<BotActivity>> botListeners = new CopyOnWriteArrayList<>();
    private final Map<String, Function<Req, JsonObject>> methods = new HashMap<>();
    /** When the request being handled arrived (System.nanoTime()), 0 outside a request; guarded by lock. */
    private long requestReceivedNanos;
    private volatile Duration awaitTimeout = Eventually.DEFAULT_TIMEOUT;
    volatile Duration triggerIdTtl = Duration.ofSeconds(3);

    static {
        // The JDK's HTTP server writes a response's headers and body apart; with Nagle's algorithm on, the body then
        // waits for the client's delayed ACK, about 40 ms per call, which Slack does not add and which made every
        // Web API call of the bot (and the load benchmark's outbox) look slow. Read once, when the first server starts.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private FakeSlack(String botToken) throws IOException {
        this.botToken = botToken;
        new SlackWebApi(this).registerMethods(methods);
        // "Add to Slack": the code a consent page hands out, exchanged for a workspace's own token (oauthCode)
        methods.put("oauth.v2.access", this::oauthV2Access);
        users.put(BOT_USER_ID, new UserRec(BOT_USER_ID, BOT_NAME, "America/Los_Angeles", true));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-slack-" + threadSeq.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        baseUrl = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    /** Starts a fake whose only valid token is {@link #DEFAULT_BOT_TOKEN}. */
    public static FakeSlack start() {
        return start(DEFAULT_BOT_TOKEN);
    }

    /** Starts a fake on a random loopback port; {@code botToken} is the one valid token. */
    public static FakeSlack start(String botToken) {
        try {
            return new FakeSlack(botToken);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /**
     * Forgets the workspace: people (but the bot), channels, messages, ephemerals, views, files, calls and
     * faults, as a fresh fake would start. Ids and {@code ts} keep counting up, so nothing said before a
     * reset can be mistaken for something said after it. The sandbox's "Reset" uses it.
     */
    public void reset() {
        synchronized (lock) {
            calls.clear();
            outcomes.clear();
            users.keySet().removeIf(id -> !id.equals(BOT_USER_ID));
            channels.clear();
            dmByUser.clear();
            messages.clear();
            messageByKey.clear();
            ephemerals.clear();
            responses.clear();
            responseTargets.clear();
            views.clear();
            homeViewByUser.clear();
            uploads.clear();
            files.clear();
            triggers.clear();
            exchangedTriggers.clear();
            nextFaults.clear();
            alwaysFaults.clear();
            internalErrors.clear();
            refusals.clear();
        }
    }

    /** Someone in the workspace as the sandbox page lists them. */
    public record Member(String id, String name, String tz, boolean bot) {}

    /** Every person in the workspace, the bot included, in the order they were added. */
    public List<Member> members() {
        synchronized (lock) {
            return users.values().stream().map(u -> new Member(u.id, u.name, u.tz, u.isBot)).toList();
        }
    }

    // ------------------------------------------------------------------ identity

    /** "http://127.0.0.1:PORT/api/" — the app's {@code SLACK_API_URL}. */
    public String apiUrl() {
        return baseUrl + "api/";
    }

    /** "http://127.0.0.1:PORT/" */
    public String baseUrl() {
        return baseUrl;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String botToken() {
        return botToken;
    }

    public String teamId() {
        return TEAM_ID;
    }

    public String teamDomain() {
        return TEAM_DOMAIN;
    }

    public String botUserId() {
        return BOT_USER_ID;
    }

    public String botId() {
        return BOT_ID;
    }

    public String appId() {
        return APP_ID;
    }

    public String botName() {
        return BOT_NAME;
    }

    /** How long {@link #await} polls before failing (default 5 s). */
    public FakeSlack awaitTimeout(Duration timeout) {
        this.awaitTimeout = timeout;
        return this;
    }

    /** Age after which a trigger_id from {@link #newTriggerId} is refused with expired_trigger_id (Slack: 3 s). */
    public FakeSlack triggerIdTtl(Duration ttl) {
        this.triggerIdTtl = ttl;
        return this;
    }

    // ------------------------------------------------------------------ workspace model

    /** Registers a person; {@code tz} is an IANA zone such as "Europe/Paris". */
    public String addUser(String id, String name, String tz) {
        ZoneId.of(tz); // fail fast on a typo
        synchronized (lock) {
            users.put(id, new UserRec(id, name, tz, false));
        }
        return id;
    }

    /** Gives a person an email: users.info then shows it (profile.email) and users.lookupByEmail finds them. */
    public void setEmail(String id, String email) {
        synchronized (lock) {
            userOrFail(id).email = email;
        }
    }

    /** Marks a person deactivated: users.info answers deleted=true, conversations.open user_disabled. */
    public void deactivateUser(String id) {
        synchronized (lock) {
            userOrFail(id).deleted = true;
        }
    }

    /** A public channel the bot is a member of; returns its "C…" id. */
    public String addChannel(String name) {
        return addChannel(name, false, true);
    }

    /** A public ("C…") or private ("G…") channel the bot is a member of. */
    public String addChannel(String name, boolean isPrivate) {
        return addChannel(name, isPrivate, true);
    }

    /** A public channel the bot has not joined: posting answers not_in_channel. */
    public String addChannelWithoutBot(String name) {
        return addChannel(name, false, false);
    }

    public String addChannel(String name, boolean isPrivate, boolean botIsMember) {
        synchronized (lock) {
            if (findChannelByName(name) != null) {
                throw new IllegalArgumentException("channel #" + name + " exists already");
            }
            ChannelRec ch = new ChannelRec(newId(isPrivate ? "G" : "C"), name, isPrivate ? "group" : "channel", null,
                    Instant.now().getEpochSecond());
            ch.botMember = botIsMember;
            channels.put(ch.id, ch);
            return ch.id;
        }
    }

    public void botJoins(String channel) {
        synchronized (lock) {
            channelOrFail(channel).botMember = true;
        }
    }

    /** A person joins a channel: conversations.members lists them. */
    public void addMember(String channel, String userId) {
        synchronized (lock) {
            channelOrFail(channel).members.add(userId);
        }
    }

    public void botLeaves(String channel) {
        synchronized (lock) {
            channelOrFail(channel).botMember = false;
        }
    }

    public void archiveChannel(String channel) {
        synchronized (lock) {
            channelOrFail(channel).archived = true;
        }
    }

    /** The conversation with this id or name ("inc-x" or "#inc-x"); fails when there is none. */
    public SlackChannel channel(String idOrName) {
        synchronized (lock) {
            return channelOrFail(idOrName).toRecord();
        }
    }

    public Optional<SlackChannel> findChannel(String idOrName) {
        synchronized (lock) {
            return Optional.ofNullable(resolve(idOrName, false)).map(ChannelRec::toRecord);
        }
    }

    /**
     * The app's Slack settings from DESIGN.md's contract, pointing at this fake:
     * SLACK_API_URL, SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET.
     */
    public Map<String, String> appEnvironment(String signingSecret) {
        return Map.of("SLACK_API_URL", apiUrl(), "SLACK_BOT_TOKEN", botToken, "SLACK_SIGNING_SECRET", signingSecret);
    }

    /** The DM between the bot and {@code userId} ("D…"), opened if needed; stable per user. */
    public String openDm(String userId) {
        synchronized (lock) {
            userOrFail(userId);
            return dmChannel(userId).id;
        }
    }

    /** A new message ts: epoch seconds + 6-digit microseconds, strictly increasing across the whole fake. */
    public String nextTs() {
        synchronized (lock) {
            return formatTs(nextTsMicros());
        }
    }

    /** A fresh trigger_id (as in a slash command or block action), usable once, within the trigger TTL. */
    public String newTriggerId() {
        return newTriggerId(null);
    }

    /** A fresh trigger_id for {@code userId}: a view opened with it is recorded as seen by that person. */
    public String newTriggerId(String userId) {
        synchronized (lock) {
            long n = idSeq++;
            String id = System.currentTimeMillis() + "." + (1_000_000_000L + n) + "."
                    + UUID.randomUUID().toString().replace("-", "");
            triggers.put(id, new TriggerRec(userId, Instant.now()));
            return id;
        }
    }

    /** A unique response_url whose posts are only recorded. */
    public String newResponseUrl() {
        return newResponseUrl(null, null, null);
    }

    /**
     * A unique response_url bound to where the interaction happened, so posts to it act like Slack:
     * {@code replace_original}/{@code delete_original} change {@code messageTs} (a channel message or an
     * ephemeral), {@code response_type: in_channel} posts in the channel, anything else is an ephemeral
     * for {@code userId}. At most 5 posts are accepted.
     */
    public String newResponseUrl(String channelId, String userId, String messageTs) {
        synchronized (lock) {
            String url = baseUrl + "response/" + (responseUrlSeq++);
            responseTargets.put(url, new ResponseTarget(channelId, userId, messageTs));
            return url;
        }
    }

    // ------------------------------------------------------------------ people acting in Slack

    /** Stores a message typed by a person (the test then delivers the matching event to the app). */
    public SlackMessage postAsUser(String userId, String channel, String text, String threadTs) {
        synchronized (lock) {
            UserRec u = userOrFail(userId);
            ChannelRec ch = channelOrFail(channel);
            JsonObject json = Json.obj("client_msg_id", UUID.randomUUID().toString(), "type", "message", "text", text,
                    "user", u.id, "team", TEAM_ID, "blocks", richTextBlocks(text));
            if (threadTs != null) {
                Msg parent = messageByKey.get(key(ch.id, threadTs));
                if (parent == null) {
                    throw new IllegalArgumentException("no message " + threadTs + " in " + ch.id + " to reply to");
                }
                parent = threadRoot(parent);
                json.addProperty("thread_ts", parent.ts);
                json.addProperty("parent_user_id", Json.str(parent.json, "user"));
            }
            return snapshot(store(ch.id, json));
        }
    }

    /**
     * A message written earlier ({@code at}), as the chatter that preceded a COE: only before anything newer exists
     * in the workspace, so that messages stay in the order of their ts, as in Slack.
     */
    public SlackMessage postAsUserAt(String userId, String channel, String text, Instant at) {
        synchronized (lock) {
            long micros = ChronoUnit.MICROS.between(Instant.EPOCH, at);
            boolean newest = messages.stream().allMatch(m -> parseTs(m.ts) < micros);
            if (!newest) {
                throw new IllegalArgumentException("a message at " + at + " would come before messages already posted");
            }
            UserRec u = userOrFail(userId);
            ChannelRec ch = channelOrFail(channel);
            JsonObject json = Json.obj("client_msg_id", UUID.randomUUID().toString(), "type", "message", "text", text,
                    "user", u.id, "team", TEAM_ID, "blocks", richTextBlocks(text));
            String ts = formatTs(micros);
            json.addProperty("ts", ts);
            Msg m = new Msg(ch.id, ts, json);
            messages.add(m);
            messageByKey.put(key(ch.id, ts), m);
            return snapshot(m);
        }
    }

    /** A person edits their message: text replaced, {@code edited} set; returns the message after the edit. */
    public SlackMessage editAsUser(String channel, String ts, String newText) {
        synchronized (lock) {
            Msg m = messageOrFail(channel, ts);
            m.json.addProperty("text", newText);
            m.json.add("blocks", richTextBlocks(newText));
            m.json.add("edited", Json.obj("user", Json.str(m.json, "user"), "ts", formatTs(nextTsMicros())));
            return snapshot(m);
        }
    }

    /** Removes a message (as its author or an admin would); returns it as it was. */
    public SlackMessage deleteMessage(String channel, String ts) {
        synchronized (lock) {
            Msg m = messageOrFail(channel, ts);
            SlackMessage before = snapshot(m);
            remove(m);
            return before;
        }
    }

    /** A person adds an emoji reaction (name without colons). */
    public SlackMessage addReaction(String userId, String channel, String ts, String name) {
        synchronized (lock) {
            userOrFail(userId);
            Msg m = messageOrFail(channel, ts);
            addReaction(m, userId, name);
            return snapshot(m);
        }
    }

    public SlackMessage removeReaction(String userId, String channel, String ts, String name) {
        synchronized (lock) {
            Msg m = messageOrFail(channel, ts);
            removeReaction(m, userId, name);
            return snapshot(m);
        }
    }

    /**
     * Shows what Slack shows for a slash command's HTTP answer (its ack body): JSON with text/blocks
     * becomes an ephemeral for the user, or a channel message with {@code response_type: in_channel};
     * plain text becomes an ephemeral; an empty body shows nothing.
     */
    public void commandAnswered(String channelId, String userId, String ackBody) {
        if (ackBody == null || ackBody.isBlank()) {
            return;
        }
        synchronized (lock) {
            JsonObject body;
            try {
                JsonElement e = Json.parse(ackBody);
                body = e.isJsonObject() ? e.getAsJsonObject() : Json.obj("text", ackBody);
            } catch (JsonParseException e) {
                body = Json.obj("text", ackBody);
            }
            if (Json.str(body, "text") == null && Json.arrAt(body, "blocks") == null) {
                return;
            }
            try {
                checkMessageBody(body);
            } catch (ApiError e) {
                refused("command ack", e, Json.str(body, "text"));
                return;
            }
            if ("in_channel".equals(Json.str(body, "response_type"))) {
                postAsBot(channelOrFail(channelId), body, null);
            } else {
                ephemerals.add(new Ephemeral(channelId, userId, formatTs(nextTsMicros()), null, Json.str(body, "text"),
                        blocksText(body), "ack", Instant.now()));
            }
        }
    }

    /**
     * Applies the app's HTTP answer to a view_submission the way Slack does: empty → the modal closes;
     * {@code response_action: errors} → stays open with the errors; {@code update} → replaced;
     * {@code push} → a new modal on top; {@code clear} → every modal of that person closes.
     */
    public void viewSubmissionAnswered(String viewId, String ackBody) {
        synchronized (lock) {
            ViewRec v = views.get(viewId);
            if (v == null) {
                throw new IllegalArgumentException("unknown view " + viewId);
            }
            JsonObject body = ackBody == null || ackBody.isBlank() ? new JsonObject() : Json.parseObject(ackBody);
            String action = Json.str(body, "response_action");
            v.errors = Map.of();
            v.at = Instant.now();
            if (action == null) {
                v.open = false;
                v.lastMethod = "view_submission";
                return;
            }
            switch (action) {
                case "errors" -> {
                    Map<String, String> errors = new LinkedHashMap<>();
                    JsonObject e = Json.objAt(body, "errors");
                    if (e != null) {
                        e.entrySet().forEach(x -> errors.put(x.getKey(), x.getValue().getAsString()));
                    }
                    v.errors = Collections.unmodifiableMap(errors);
                    v.lastMethod = "response_action:errors";
                }
                case "update" -> {
                    JsonObject appView = requireView(body);
                    if (refusedView(appView, v)) {
                        return;
                    }
                    assignIds(Json.arrAt(appView, "blocks"));
                    v.json = fullView(v.id, appView, Json.str(v.json, "root_view_id"), Json.str(v.json, "previous_view_id"));
                    v.lastMethod = "response_action:update";
                }
                case "push" -> {
                    JsonObject appView = requireView(body);
                    if (refusedView(appView, v)) {
                        return;
                    }
                    assignIds(Json.arrAt(appView, "blocks"));
                    newView(appView, "response_action:push", v.userId, Json.str(v.json, "root_view_id"), v.id);
                }
                case "clear" -> views.values().stream()
                        .filter(x -> "modal".equals(Json.str(x.json, "type")) && Objects.equals(x.userId, v.userId))
                        .forEach(x -> {
                            x.open = false;
                            x.lastMethod = "response_action:clear";
                        });
                default -> throw new IllegalArgumentException("unknown response_action " + action);
            }
        }
    }

    /** A response_action's view that Slack would refuse: the modal stays as it was (Slack shows an error in it). */
    private boolean refusedView(JsonObject appView, ViewRec v) {
        List<String> problems = BlockKitLimits.checkView(appView, "modal");
        if (problems.isEmpty()) {
            return false;
        }
        refused("view_submission ack", new ApiError("invalid_arguments", problems.toArray(String[]::new)), appView.toString());
        v.lastMethod = "response_action:refused";
        return true;
    }

    private static JsonObject requireView(JsonObject ackBody) {
        JsonObject view = Json.objAt(ackBody, "view");
        if (view == null) {
            throw new IllegalArgumentException("response_action without a view: " + ackBody);
        }
        return view;
    }

    /** A person closes a modal with its close button. */
    public void closeView(String viewId) {
        synchronized (lock) {
            ViewRec v = views.get(viewId);
            if (v != null) {
                v.open = false;
                v.lastMethod = "view_closed";
                v.at = Instant.now();
            }
        }
    }

    // ------------------------------------------------------------------ what people see

    /** Top-level messages (and thread broadcasts) of a channel, oldest first. */
    public List<SlackMessage> channelMessages(String channel) {
        synchronized (lock) {
            String id = channelOrFail(channel).id;
            return messages.stream().filter(m -> m.channel.equals(id) && isTopLevel(m)).map(this::snapshot).toList();
        }
    }

    /** Replies in a thread, oldest first, without the parent. */
    public List<SlackMessage> thread(String channel, String threadTs) {
        synchronized (lock) {
            String id = channelOrFail(channel).id;
            return replies(id, threadTs).stream().map(this::snapshot).toList();
        }
    }

    /** The message as it is now, or null when there is none (never posted, or deleted). */
    public SlackMessage message(String channel, String ts) {
        synchronized (lock) {
            Msg m = messageByKey.get(key(channelOrFail(channel).id, ts));
            return m == null ? null : snapshot(m);
        }
    }

    /** Every message in every conversation, oldest first. */
    public List<SlackMessage> allMessages() {
        synchronized (lock) {
            return messages.stream().map(this::snapshot).toList();
        }
    }

    /** Messages in the DM between the bot and this person, oldest first (empty if never opened). */
    public List<SlackMessage> dms(String userId) {
        synchronized (lock) {
            String dm = dmByUser.get(userId);
            if (dm == null) {
                return List.of();
            }
            return messages.stream().filter(m -> m.channel.equals(dm)).map(this::snapshot).toList();
        }
    }

    public List<Ephemeral> ephemerals(String channel, String userId) {
        synchronized (lock) {
            String id = channelOrFail(channel).id;
            return ephemerals.stream().filter(e -> e.channel().equals(id) && e.user().equals(userId)).toList();
        }
    }

    public List<Ephemeral> ephemerals() {
        synchronized (lock) {
            return List.copyOf(ephemerals);
        }
    }

    /** Every canvas, oldest first. */
    public List<SlackCanvas> canvases() {
        synchronized (lock) {
            return List.copyOf(canvases.values());
        }
    }

    public List<UploadedFile> files() {
        synchronized (lock) {
            return List.copyOf(files);
        }
    }

    /** Every view the app opened, pushed or published, in its current state, oldest first. */
    public List<SlackView> views() {
        synchronized (lock) {
            return views.values().stream().map(ViewRec::toRecord).toList();
        }
    }

    public SlackView view(String viewId) {
        synchronized (lock) {
            ViewRec v = views.get(viewId);
            return v == null ? null : v.toRecord();
        }
    }

    /** The most recent view with this callback_id, or null. */
    public SlackView latestView(String callbackId) {
        synchronized (lock) {
            SlackView found = null;
            for (ViewRec v : views.values()) {
                if (callbackId.equals(Json.str(v.json, "callback_id")) && (found == null || !v.at.isBefore(found.at()))) {
                    found = v.toRecord();
                }
            }
            return found;
        }
    }

    public List<ResponseUrlPost> responses() {
        synchronized (lock) {
            return List.copyOf(responses);
        }
    }

    public List<ResponseUrlPost> responses(String responseUrl) {
        synchronized (lock) {
            return responses.stream().filter(r -> r.url().equals(responseUrl)).toList();
        }
    }

    /** What Slack would have refused of what the app sent, oldest first (see {@link Refusal}). */
    public List<Refusal> refusals() {
        synchronized (lock) {
            return List.copyOf(refusals);
        }
    }

    // ------------------------------------------------------------------ recorded calls

    public List<ApiCall> calls() {
        synchronized (lock) {
            return List.copyOf(calls);
        }
    }

    public List<ApiCall> calls(String method) {
        synchronized (lock) {
            return calls.stream().filter(c -> c.method().equals(method)).toList();
        }
    }

    public Optional<ApiCall> lastCall(String method) {
        List<ApiCall> c = calls(method);
        return c.isEmpty() ? Optional.empty() : Optional.of(c.get(c.size() - 1));
    }

    // ------------------------------------------------------------------ faults

    /** The next call of {@code method} answers 200 {"ok":false,"error":error}. Faults queue per method. */
    public FakeSlack failNext(String method, String error) {
        return enqueue(method, new Fault(FaultKind.ERROR, error, 0, Duration.ZERO));
    }

    /** The next call of {@code method} answers HTTP 429, Retry-After: seconds, {"ok":false,"error":"ratelimited"}. */
    public FakeSlack rateLimitNext(String method, int retryAfterSeconds) {
        return enqueue(method, new Fault(FaultKind.RATE_LIMIT, "ratelimited", retryAfterSeconds, Duration.ZERO));
    }

    /**
     * The next call of {@code method} is answered normally. Queued before other faults it puts them later:
     * {@code passNext("conversations.history").rateLimitNext("conversations.history", 2)} limits the second call.
     */
    public FakeSlack passNext(String method) {
        return enqueue(method, new Fault(FaultKind.PASS, null, 0, Duration.ZERO));
    }

    /** The next call of {@code method} answers HTTP 500. */
    public FakeSlack serverErrorNext(String method) {
        return enqueue(method, new Fault(FaultKind.SERVER_ERROR, "internal_error", 0, Duration.ZERO));
    }

    /**
     * The next call of {@code method} is carried out at once but answered only after {@code delay}: a
     * client that times out has still caused the effect, as with the real Slack.
     */
    public FakeSlack delayNext(String method, Duration delay) {
        return enqueue(method, new Fault(FaultKind.DELAY, null, 0, delay));
    }

    /**
     * The next call of {@code method} waits {@code delay} before it is carried out: Slack slow to post, so the message
     * appears (and gets its ts) late, and whatever people write meanwhile comes before it.
     */
    public FakeSlack slowNext(String method, Duration delay) {
        return enqueue(method, new Fault(FaultKind.SLOW, null, 0, delay));
    }

    /** Every call of {@code method} fails with {@code error} until {@link #clearFaults()}. */
    public FakeSlack failAlways(String method, String error) {
        synchronized (lock) {
            alwaysFaults.put(method, new Fault(FaultKind.ERROR, error, 0, Duration.ZERO));
        }
        return this;
    }

    public FakeSlack clearFaults() {
        synchronized (lock) {
            nextFaults.clear();
            alwaysFaults.clear();
        }
        return this;
    }

    private FakeSlack enqueue(String method, Fault fault) {
        synchronized (lock) {
            nextFaults.computeIfAbsent(method, m -> new ArrayDeque<>()).add(fault);
        }
        return this;
    }

    // ------------------------------------------------------------------ listening and waiting

    /**
     * Called for every message the app's bot posts, updates or deletes. The listener runs while the
     * fake holds its lock, in commit order: hand slow work (such as delivering an event) to another thread.
     */
    public void onBotActivity(Consumer<BotActivity> listener) {
        botListeners.add(listener);
    }

    /** Polls until {@code condition} holds; on timeout fails with the description and {@link #dump()}. */
    public void await(String description, BooleanSupplier condition) {
        Eventually.await(description, condition, awaitTimeout, this::dump);
    }

    /** Polls until {@code probe} returns non-null and returns it; on timeout fails with {@link #dump()}. */
    public <T> T awaitValue(String description, Supplier<T> probe) {
        return Eventually.awaitValue(description, probe, awaitTimeout, this::dump);
    }

    Duration awaitTimeout() {
        return awaitTimeout;
    }

    /** Everything the fake holds, readable: calls with their outcome, conversations, ephemerals, views, files. */
    public String dump() {
        synchronized (lock) {
            StringBuilder sb = new StringBuilder("=== FakeSlack at ").append(apiUrl()).append('\n');
            sb.append("--- Web API calls (").append(calls.size()).append(")\n");
            int skipped = Math.max(0, calls.size() - MAX_CALLS_IN_DUMP);
            if (skipped > 0) {
                sb.append("  … ").append(skipped).append(" earlier calls left out\n");
            }
            for (ApiCall c : calls.subList(skipped, calls.size())) {
                sb.append("  ").append(LocalTime.ofInstant(c.at(), ZoneOffset.UTC)).append(' ')
                        .append(Json.truncate(c.toString(), 300)).append("  -> ")
                        .append(outcomes.getOrDefault(c, "(no answer yet)")).append('\n');
            }
            sb.append("--- Users: ").append(usersSummary()).append('\n');
            sb.append("--- Conversations\n");
            for (ChannelRec ch : channels.values()) {
                sb.append("  ").append(ch.name == null ? "DM with " + ch.dmUser : "#" + ch.name).append(" (").append(ch.id)
                        .append(", ").append(ch.kind).append(ch.botMember ? ", bot member" : ", bot NOT member")
                        .append(ch.archived ? ", archived" : "").append(")\n");
                for (Msg m : messages) {
                    if (m.channel.equals(ch.id) && isTopLevel(m)) {
                        sb.append("    ").append(line(m)).append('\n');
                        for (Msg r : replies(ch.id, m.ts)) {
                            sb.append("      ↳ ").append(line(r)).append('\n');
                        }
                    }
                }
            }
            if (!ephemerals.isEmpty()) {
                sb.append("--- Ephemerals\n");
                ephemerals.forEach(e -> sb.append("  ").append(e).append('\n'));
            }
            if (!responses.isEmpty()) {
                sb.append("--- response_url posts\n");
                responses.forEach(r -> sb.append("  ").append(r).append('\n'));
            }
            if (!views.isEmpty()) {
                sb.append("--- Views\n");
                views.values().forEach(v -> sb.append("  ").append(v.toRecord()).append('\n'));
            }
            if (!files.isEmpty()) {
                sb.append("--- Files\n");
                files.forEach(f -> sb.append("  ").append(f).append('\n'));
            }
            if (!internalErrors.isEmpty()) {
                sb.append("--- Fake errors (bugs in the fake or malformed requests)\n");
                internalErrors.forEach(e -> sb.append("  ").append(e).append('\n'));
            }
            return sb.toString();
        }
    }

    private String line(Msg m) {
        SlackMessage s = snapshot(m);
        String who = s.isFromBot() ? "bot" : s.user();
        return m.ts + " " + who + ": " + Json.truncate(s.visibleText(), 200) + (s.isEdited() ? " (edited)" : "")
                + (s.buttons().isEmpty() ? "" : " buttons=" + s.buttons().stream().map(Button::label).toList());
    }

    // ------------------------------------------------------------------ HTTP

    private void handle(HttpExchange ex) {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            if (path.startsWith("/api/")) {
                handleApi(ex, path.substring("/api/".length()));
            } else if (path.startsWith("/response/")) {
                handleResponseUrl(ex);
            } else if (path.startsWith("/upload/")) {
                handleUpload(ex, path.substring("/upload/".length()));
            } else {
                send(ex, 404, "text/plain", "not found", Map.of());
            }
        } catch (Throwable t) {
            synchronized (lock) {
                internalErrors.add(ex.getRequestURI() + ": " + t);
            }
            try {
                send(ex, 500, "application/json", "{\"ok\":false,\"error\":\"fake_slack_failure\",\"detail\":"
                        + Json.GSON.toJson(String.valueOf(t)) + "}", Map.of());
            } catch (IOException | RuntimeException ignored) {
                // the response may have been started already
            }
        }
    }

    private void handleApi(HttpExchange ex, String method) throws IOException {
        long received = System.nanoTime();
        byte[] body = ex.getRequestBody().readAllBytes();
        Map<String, String> params = new LinkedHashMap<>();
        parseForm(ex.getRequestURI().getRawQuery(), params);
        String contentType = Optional.ofNullable(ex.getRequestHeaders().getFirst("Content-Type")).orElse("").toLowerCase(Locale.ROOT);
        boolean invalidJson = false;
        if (contentType.startsWith("application/json")) {
            invalidJson = !parseJsonParams(new String(body, StandardCharsets.UTF_8), params);
        } else if (body.length > 0) {
            parseForm(new String(body, StandardCharsets.UTF_8), params);
        }
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        String token = auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7) ? auth.substring(7).trim() : params.get("token");
        ApiCall call = new ApiCall(method, Collections.unmodifiableMap(params), token, Instant.now());

        Fault fault;
        synchronized (lock) {
            calls.add(call);
            fault = takeFault(method);
            if (fault != null && fault.kind == FaultKind.PASS) {
                fault = null;
            }
            if (fault != null && fault.kind != FaultKind.DELAY && fault.kind != FaultKind.SLOW) {
                outcomes.put(call, fault.kind == FaultKind.ERROR ? fault.error + " (injected)"
                        : fault.kind == FaultKind.RATE_LIMIT ? "HTTP 429 Retry-After " + fault.retryAfterSeconds + " (injected)"
                        : "HTTP 500 (injected)");
            }
        }
        if (fault != null) {
            switch (fault.kind) {
                case ERROR -> {
                    send(ex, 200, "application/json; charset=utf-8", error(fault.error).toString(), Map.of());
                    return;
                }
                case RATE_LIMIT -> {
                    send(ex, 429, "application/json; charset=utf-8", error("ratelimited").toString(),
                            Map.of("Retry-After", String.valueOf(fault.retryAfterSeconds)));
                    return;
                }
                case SERVER_ERROR -> {
                    send(ex, 500, "text/html", "<html><body>Internal Server Error</body></html>", Map.of());
                    return;
                }
                case DELAY -> {
                    // carried out below, answered late
                }
                case SLOW -> {
                    try {
                        Thread.sleep(fault.delay.toMillis());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                default -> { }
            }
        }

        Req req = new Req(params);
        JsonObject answer;
        synchronized (lock) {
            try {
                Function<Req, JsonObject> handler = methods.get(method);
                if (handler == null) {
                    throw new ApiError("unknown_method");
                }
                if (invalidJson) {
                    throw new ApiError("invalid_json");
                }
                if (method.equals("oauth.v2.access")) {
                    // authenticated by the client id and secret (HTTP Basic, or form fields), not by a token
                    oauthClient(auth, params);
                } else if (token == null || token.isEmpty()) {
                    throw new ApiError("not_authed");
                } else if (!token.equals(botToken) && !installedTokens.containsKey(token)) {
                    throw new ApiError("invalid_auth");
                }
                requestReceivedNanos = received;
                answer = handler.apply(req);
            } catch (ApiError e) {
                answer = e.toJson();
                refused(method, e, params.containsKey("view") ? params.get("view") : params.get("text"));
            } finally {
                requestReceivedNanos = 0;
            }
            outcomes.put(call, describe(answer) + (fault == null ? ""
                    : fault.kind == FaultKind.SLOW ? " (carried out after " + fault.delay.toMillis() + " ms)"
                    : " (answered after " + fault.delay.toMillis() + " ms)"));
        }
        if (fault != null && fault.kind == FaultKind.DELAY) {
            try {
                Thread.sleep(fault.delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        Map<String, String> headers = method.equals("auth.test") ? Map.of("x-oauth-scopes", BOT_SCOPES) : Map.of();
        try {
            send(ex, 200, "application/json; charset=utf-8", Json.GSON.toJson(answer), headers);
        } catch (IOException e) {
            // the client gave up (timeout test); the effect stays
        }
    }

    private Fault takeFault(String method) {
        Deque<Fault> q = nextFaults.get(method);
        if (q != null && !q.isEmpty()) {
            return q.poll();
        }
        return alwaysFaults.get(method);
    }

    private static String describe(JsonObject answer) {
        if (Json.bool(answer, "ok")) {
            String ts = Json.str(answer, "ts");
            return "ok" + (ts != null ? " ts=" + ts : "");
        }
        JsonArray msgs = Json.arrAt(answer, "response_metadata.messages");
        return Json.str(answer, "error") + (msgs == null ? "" : " " + msgs);
    }

    private static void send(HttpExchange ex, int status, String contentType, String body, Map<String, String> headers)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", contentType);
        headers.forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            ex.getResponseBody().write(bytes);
        }
    }

    static void parseForm(String raw, Map<String, String> into) {
        if (raw == null || raw.isEmpty()) {
            return;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            into.put(k, v);
        }
    }

    /** Top-level JSON fields as params: strings as they are, anything else as its JSON text. */
    private static boolean parseJsonParams(String body, Map<String, String> into) {
        if (body.isBlank()) {
            return true;
        }
        try {
            JsonElement e = Json.parse(body);
            if (!e.isJsonObject()) {
                return false;
            }
            for (Map.Entry<String, JsonElement> en : e.getAsJsonObject().entrySet()) {
                JsonElement v = en.getValue();
                if (v.isJsonNull()) {
                    continue;
                }
                into.put(en.getKey(), v.isJsonPrimitive() ? v.getAsString() : v.toString());
            }
            return true;
        } catch (JsonParseException ex) {
            return false;
        }
    }

    private void handleResponseUrl(HttpExchange ex) throws IOException {
        long received = System.nanoTime();
        String url = baseUrl + ex.getRequestURI().getPath().substring(1);
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        synchronized (lock) {
            ResponseTarget target = responseTargets.get(url);
            if (target == null) {
                send(ex, 404, "application/json", error("expired_url").toString(), Map.of());
                return;
            }
            JsonObject json;
            try {
                json = Json.parseObject(body);
            } catch (RuntimeException e) {
                send(ex, 400, "application/json", error("invalid_payload").toString(), Map.of());
                return;
            }
            try {
                checkMessageBody(json);
            } catch (ApiError e) {
                // like an incoming webhook: 400, and nothing is shown
                refused("response_url", e, Json.str(json, "text"));
                send(ex, 400, "application/json", e.toJson().toString(), Map.of());
                return;
            }
            if (++target.uses > RESPONSE_URL_MAX_USES) {
                send(ex, 404, "application/json", error("used_url").toString(), Map.of());
                return;
            }
            String responseType = Optional.ofNullable(Json.str(json, "response_type")).orElse("ephemeral");
            boolean replace = Json.bool(json, "replace_original");
            boolean delete = Json.bool(json, "delete_original");
            responses.add(new ResponseUrlPost(url, body, Json.str(json, "text"), responseType, replace, delete,
                    blocksText(json), Json.str(json, "thread_ts"), Instant.now()));
            requestReceivedNanos = received;
            try {
                applyResponse(target, json, responseType, replace, delete);
            } finally {
                requestReceivedNanos = 0;
            }
            send(ex, 200, "application/json", "{\"ok\":true}", Map.of());
        }
    }

    private void applyResponse(ResponseTarget t, JsonObject json, String responseType, boolean replace, boolean delete) {
        if (t.channel == null) {
            return; // unbound: recorded only
        }
        if ((replace || delete) && t.messageTs != null) {
            Msg m = messageByKey.get(key(t.channel, t.messageTs));
            if (m != null) {
                SlackMessage before = snapshot(m);
                if (delete) {
                    remove(m);
                    fire(BotActivity.Kind.DELETED, null, before);
                } else {
                    m.json.addProperty("text", Optional.ofNullable(Json.str(json, "text")).orElse(""));
                    replaceBlocks(m.json, Json.arrAt(json, "blocks"));
                    fire(BotActivity.Kind.UPDATED, snapshot(m), before);
                }
                return;
            }
            for (int i = 0; i < ephemerals.size(); i++) {
                Ephemeral e = ephemerals.get(i);
                if (e.messageTs().equals(t.messageTs) && e.channel().equals(t.channel)) {
                    if (delete) {
                        ephemerals.remove(i);
                    } else {
                        ephemerals.set(i, new Ephemeral(e.channel(), e.user(), e.messageTs(), e.threadTs(),
                                Json.str(json, "text"), blocksText(json), "response_url", Instant.now()));
                    }
                    return;
                }
            }
            return;
        }
        if (delete) {
            return;
        }
        if ("in_channel".equals(responseType)) {
            ChannelRec ch = channels.get(t.channel);
            if (ch != null) {
                postAsBot(ch, json, Json.str(json, "thread_ts"));
            }
        } else {
            ephemerals.add(new Ephemeral(t.channel, t.user, formatTs(nextTsMicros()), Json.str(json, "thread_ts"),
                    Json.str(json, "text"), blocksText(json), "response_url", Instant.now()));
        }
    }

    private void handleUpload(HttpExchange ex, String fileId) throws IOException {
        byte[] body = ex.getRequestBody().readAllBytes();
        String contentType = ex.getRequestHeaders().getFirst("Content-Type");
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            body = firstMultipartFile(body, contentType);
        }
        synchronized (lock) {
            Upload u = uploads.get(fileId);
            if (u == null) {
                send(ex, 404, "text/plain", "file not found", Map.of());
                return;
            }
            u.bytes = body;
        }
        send(ex, 200, "text/plain", "OK - " + body.length, Map.of());
    }

    /** The content of the first part of a multipart/form-data body (Slack accepts the file either raw or as a form). */
    private static byte[] firstMultipartFile(byte[] body, String contentType) {
        String boundary = null;
        for (String p : contentType.split(";")) {
            p = p.trim();
            if (p.startsWith("boundary=")) {
                boundary = p.substring("boundary=".length()).replace("\"", "");
            }
        }
        if (boundary == null) {
            return body;
        }
        String s = new String(body, StandardCharsets.ISO_8859_1); // byte-preserving
        String delimiter = "--" + boundary;
        int start = s.indexOf(delimiter);
        while (start >= 0) {
            int headersEnd = s.indexOf("\r\n\r\n", start);
            int next = s.indexOf("\r\n" + delimiter, headersEnd < 0 ? start : headersEnd);
            if (headersEnd < 0 || next < 0) {
                break;
            }
            String headers = s.substring(start, headersEnd);
            if (headers.contains("filename=") || headers.contains("name=\"file\"")) {
                return s.substring(headersEnd + 4, next).getBytes(StandardCharsets.ISO_8859_1);
            }
            start = s.indexOf(delimiter, next + 2);
        }
        return body;
    }

    // ------------------------------------------------------------------ helpers (call with lock held)

    /** text/blocks/attachments of a post, validated like Slack. */
    JsonObject contentFrom(Req r, boolean required) {
        String text = r.p("text") != null ? r.p("text") : r.p("markdown_text");
        JsonArray blocks = parseBlocks(r.p("blocks"));
        JsonArray attachments = parseArray(r.p("attachments"), "invalid_attachments");
        boolean empty = (text == null || text.isEmpty()) && (blocks == null || blocks.isEmpty())
                && (attachments == null || attachments.isEmpty());
        if (required && empty) {
            throw new ApiError("no_text");
        }
        if (text != null && text.length() > MESSAGE_TEXT_MAX) {
            throw new ApiError("msg_too_long");
        }
        JsonObject content = Json.obj("text", text == null ? "" : text);
        if (blocks != null && !blocks.isEmpty()) {
            content.add("blocks", blocks);
        }
        if (attachments != null && !attachments.isEmpty()) {
            content.add("attachments", attachments);
        }
        return content;
    }

    JsonArray parseBlocks(String raw) {
        JsonArray blocks = parseArray(raw, "invalid_blocks_format");
        if (blocks == null) {
            return null;
        }
        List<String> problems = BlockKitLimits.checkMessageBlocks(blocks);
        if (!problems.isEmpty()) {
            throw new ApiError("invalid_blocks", problems.toArray(String[]::new));
        }
        assignIds(blocks);
        return blocks;
    }

    static JsonArray parseArray(String raw, String error) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        JsonElement e = parseJson(raw, error);
        if (!e.isJsonArray()) {
            throw new ApiError(error);
        }
        return e.getAsJsonArray();
    }

    static JsonElement parseJson(String raw, String error) {
        try {
            return Json.parse(raw);
        } catch (JsonParseException e) {
            throw new ApiError(error);
        }
    }

    JsonObject appView(String raw, String expectedType) {
        if (raw == null) {
            throw new ApiError("invalid_arguments", "[ERROR] missing required field: view");
        }
        JsonElement e = parseJson(raw, "invalid_arguments");
        if (!e.isJsonObject()) {
            throw new ApiError("invalid_arguments", "[ERROR] view must be an object");
        }
        JsonObject view = e.getAsJsonObject();
        List<String> problems = BlockKitLimits.checkView(view, expectedType);
        if (!problems.isEmpty()) {
            throw new ApiError("invalid_arguments", problems.toArray(String[]::new));
        }
        assignIds(Json.arrAt(view, "blocks"));
        return view;
    }

    ViewRec newView(JsonObject appView, String method, String userId, String rootId, String previousId) {
        String id = newId("V");
        ViewRec v = new ViewRec(id, userId);
        v.json = fullView(id, appView, rootId == null ? id : rootId, previousId);
        v.lastMethod = method;
        v.at = Instant.now();
        views.put(id, v);
        return v;
    }

    JsonObject fullView(String id, JsonObject appView, String rootId, String previousId) {
        JsonObject v = Json.obj("id", id, "team_id", TEAM_ID, "type", Json.str(appView, "type"));
        for (Map.Entry<String, JsonElement> e : appView.entrySet()) {
            if (!v.has(e.getKey())) {
                v.add(e.getKey(), e.getValue().deepCopy());
            }
        }
        for (String k : List.of("private_metadata", "callback_id", "external_id")) {
            if (!v.has(k)) {
                v.addProperty(k, "");
            }
        }
        for (String k : List.of("clear_on_close", "notify_on_close", "submit_disabled")) {
            if (!v.has(k)) {
                v.addProperty(k, false);
            }
        }
        v.add("state", Json.obj("values", new JsonObject()));
        v.addProperty("hash", Instant.now().getEpochSecond() + "." + randomAlnum(8));
        v.addProperty("root_view_id", rootId);
        v.add("previous_view_id", previousId == null ? JsonNull.INSTANCE : Json.toJson(previousId));
        v.addProperty("app_id", APP_ID);
        v.addProperty("app_installed_team_id", TEAM_ID);
        v.addProperty("bot_id", BOT_ID);
        return v;
    }

    /** Slack gives every block a block_id and every interactive element an action_id when the app did not. */
    private static void assignIds(JsonArray blocks) {
        if (blocks == null) {
            return;
        }
        for (JsonElement be : blocks) {
            if (!be.isJsonObject()) {
                continue;
            }
            JsonObject b = be.getAsJsonObject();
            if (!b.has("block_id")) {
                b.addProperty("block_id", randomAlnum(5));
            }
        }
        for (BlockKitText.Located l : BlockKitText.interactiveElements(blocks)) {
            String type = Json.str(l.element(), "type");
            if (type != null && !type.equals("image") && !l.element().has("action_id")) {
                l.element().addProperty("action_id", randomAlnum(5));
            }
        }
    }

    Msg storeBotMessage(ChannelRec ch, JsonObject content, Msg parent, boolean broadcast) {
        JsonObject json = Json.obj("user", BOT_USER_ID, "type", "message");
        if (broadcast) {
            json.addProperty("subtype", "thread_broadcast");
        }
        json.addProperty("bot_id", BOT_ID);
        json.addProperty("app_id", APP_ID);
        json.addProperty("text", Optional.ofNullable(Json.str(content, "text")).orElse(""));
        json.addProperty("team", TEAM_ID);
        json.add("bot_profile", Json.obj("id", BOT_ID, "deleted", false, "name", BOT_NAME, "updated", 1763600000,
                "app_id", APP_ID, "user_id", BOT_USER_ID, "icons", icons(), "team_id", TEAM_ID));
        if (content.has("blocks")) {
            json.add("blocks", content.get("blocks"));
        }
        if (content.has("attachments")) {
            json.add("attachments", content.get("attachments"));
        }
        if (parent != null) {
            json.addProperty("thread_ts", parent.ts);
            json.addProperty("parent_user_id", Json.str(parent.json, "user"));
        }
        Msg m = store(ch.id, json);
        m.broadcast = broadcast;
        return m;
    }

    /** A message posted through a response_url or an in_channel command answer. */
    private void postAsBot(ChannelRec ch, JsonObject body, String threadTs) {
        JsonObject content = Json.obj("text", Optional.ofNullable(Json.str(body, "text")).orElse(""));
        JsonArray blocks = Json.arrAt(body, "blocks");
        if (blocks != null && !blocks.isEmpty()) {
            JsonArray copy = blocks.deepCopy();
            assignIds(copy);
            content.add("blocks", copy);
        }
        Msg parent = threadTs == null ? null : threadRootOrNull(ch.id, threadTs);
        Msg m = storeBotMessage(ch, content, parent, false);
        fire(BotActivity.Kind.POSTED, snapshot(m), null);
    }

    static void replaceBlocks(JsonObject json, JsonArray blocks) {
        if (blocks == null || blocks.isEmpty()) {
            json.remove("blocks");
        } else {
            JsonArray copy = blocks.deepCopy();
            assignIds(copy);
            json.add("blocks", copy);
        }
    }

    private Msg store(String channelId, JsonObject json) {
        String ts = formatTs(nextTsMicros());
        json.addProperty("ts", ts);
        Msg m = new Msg(channelId, ts, json);
        messages.add(m);
        messageByKey.put(key(channelId, ts), m);
        return m;
    }

    /** Removes a message; a thread parent with replies leaves Slack's tombstone behind. */
    void remove(Msg m) {
        if (!m.isReply() && !replies(m.channel, m.ts).isEmpty()) {
            m.json = Json.obj("type", "message", "subtype", "tombstone", "text", "This message was deleted.",
                    "user", "USLACKBOT", "hidden", true, "ts", m.ts, "thread_ts", m.ts);
            return;
        }
        messages.remove(m);
        messageByKey.remove(key(m.channel, m.ts));
    }

    void fire(BotActivity.Kind kind, SlackMessage message, SlackMessage previous) {
        BotActivity activity = new BotActivity(kind, message, previous,
                requestReceivedNanos != 0 ? requestReceivedNanos : System.nanoTime());
        for (Consumer<BotActivity> l : botListeners) {
            l.accept(activity);
        }
    }

    SlackMessage snapshot(Msg m) {
        JsonObject json = m.json.deepCopy();
        if (!m.isReply()) {
            List<Msg> replies = replies(m.channel, m.ts);
            if (!replies.isEmpty()) {
                LinkedHashSet<String> replyUsers = new LinkedHashSet<>();
                replies.forEach(x -> replyUsers.add(Json.str(x.json, "user")));
                json.addProperty("thread_ts", m.ts);
                json.addProperty("reply_count", replies.size());
                json.addProperty("reply_users_count", replyUsers.size());
                json.addProperty("latest_reply", replies.get(replies.size() - 1).ts);
                json.add("reply_users", Json.toJson(replyUsers.stream().limit(5).toList()));
                json.addProperty("is_locked", false);
                json.addProperty("subscribed", false);
            }
        }
        return new SlackMessage(m.channel, json);
    }

    List<Msg> replies(String channelId, String threadTs) {
        List<Msg> out = new ArrayList<>();
        for (Msg m : messages) {
            if (m.channel.equals(channelId) && m.isReply() && threadTs.equals(Json.str(m.json, "thread_ts"))) {
                out.add(m);
            }
        }
        return out;
    }

    static boolean isTopLevel(Msg m) {
        return !m.isReply() || m.broadcast;
    }

    Msg threadParent(String channelId, String threadTs) {
        Msg parent = threadRootOrNull(channelId, threadTs);
        if (parent == null) {
            throw new ApiError("thread_not_found");
        }
        return parent;
    }

    private Msg threadRootOrNull(String channelId, String threadTs) {
        Msg m = messageByKey.get(key(channelId, threadTs));
        return m == null ? null : threadRoot(m);
    }

    /** Slack puts a reply to a reply in the parent's thread. */
    Msg threadRoot(Msg m) {
        if (!m.isReply()) {
            return m;
        }
        Msg root = messageByKey.get(key(m.channel, Json.str(m.json, "thread_ts")));
        return root == null ? m : root;
    }

    Msg existingMessage(ChannelRec ch, String ts) {
        Msg m = ts == null ? null : messageByKey.get(key(ch.id, ts));
        if (m == null) {
            throw new ApiError("message_not_found");
        }
        return m;
    }

    void addReaction(Msg m, String userId, String name) {
        JsonArray reactions = Json.arrAt(m.json, "reactions");
        if (reactions == null) {
            reactions = new JsonArray();
            m.json.add("reactions", reactions);
        }
        for (JsonElement e : reactions) {
            JsonObject r = e.getAsJsonObject();
            if (name.equals(Json.str(r, "name"))) {
                JsonArray users = Json.arrAt(r, "users");
                if (!users.contains(Json.toJson(userId))) {
                    users.add(userId);
                    r.addProperty("count", users.size());
                }
                return;
            }
        }
        reactions.add(Json.obj("name", name, "users", Json.arr(userId), "count", 1));
    }

    void removeReaction(Msg m, String userId, String name) {
        JsonArray reactions = Json.arrAt(m.json, "reactions");
        if (reactions == null) {
            return;
        }
        for (int i = 0; i < reactions.size(); i++) {
            JsonObject r = reactions.get(i).getAsJsonObject();
            if (name.equals(Json.str(r, "name"))) {
                JsonArray users = Json.arrAt(r, "users");
                users.remove(Json.toJson(userId));
                r.addProperty("count", users.size());
                if (users.isEmpty()) {
                    reactions.remove(i);
                }
                break;
            }
        }
        if (reactions.isEmpty()) {
            m.json.remove("reactions");
        }
    }

    List<String> reactionUsers(Msg m, String name) {
        JsonArray reactions = Json.arrAt(m.json, "reactions");
        List<String> out = new ArrayList<>();
        if (reactions != null) {
            for (JsonElement e : reactions) {
                if (name.equals(Json.str(e.getAsJsonObject(), "name"))) {
                    Json.arrAt(e.getAsJsonObject(), "users").forEach(u -> out.add(u.getAsString()));
                }
            }
        }
        return out;
    }

    String permalink(Msg m) {
        String link = "https://fake.slack.com/archives/" + m.channel + "/p" + m.ts.replace(".", "");
        if (m.isReply()) {
            link += "?thread_ts=" + Json.str(m.json, "thread_ts") + "&cid=" + m.channel;
        }
        return link;
    }

    /** Channel the bot may post in: unknown or hidden → channel_not_found, public without bot → not_in_channel. */
    ChannelRec postable(String channelParam) {
        ChannelRec ch = readable(channelParam);
        if (ch.archived) {
            throw new ApiError("is_archived");
        }
        return ch;
    }

    /** Channel whose messages the bot may read (same membership rules as posting). */
    ChannelRec readable(String channelParam) {
        ChannelRec ch = resolve(channelParam, true);
        if (ch == null || (!ch.botMember && !ch.kind.equals("channel"))) {
            throw new ApiError("channel_not_found");
        }
        if (!ch.botMember) {
            throw new ApiError("not_in_channel");
        }
        return ch;
    }

    /** Channel the bot can see at all: every public channel, private ones it is in, its DMs. */
    ChannelRec visible(String channelParam) {
        ChannelRec ch = resolve(channelParam, false);
        if (ch == null || (!ch.botMember && !ch.kind.equals("channel"))) {
            throw new ApiError("channel_not_found");
        }
        return ch;
    }

    private ChannelRec resolve(String idOrName, boolean userIdOpensDm) {
        if (idOrName == null || idOrName.isEmpty()) {
            return null;
        }
        ChannelRec ch = channels.get(idOrName);
        if (ch != null) {
            return ch;
        }
        ch = findChannelByName(idOrName.startsWith("#") ? idOrName.substring(1) : idOrName);
        if (ch != null) {
            return ch;
        }
        UserRec u = users.get(idOrName);
        if (userIdOpensDm && u != null && !u.isBot) {
            if (u.deleted) {
                throw new ApiError("user_disabled"); // as conversations.open answers for a deactivated account
            }
            return dmChannel(u.id); // chat.postMessage accepts a user id and posts in the app's DM
        }
        return null;
    }

    private ChannelRec findChannelByName(String name) {
        for (ChannelRec ch : channels.values()) {
            if (name.equals(ch.name)) {
                return ch;
            }
        }
        return null;
    }

    private ChannelRec channelOrFail(String idOrName) {
        ChannelRec ch = resolve(idOrName, false);
        if (ch == null) {
            throw new IllegalArgumentException("no channel " + idOrName + " in the fake workspace; channels: "
                    + channels.values().stream().map(c -> c.id + (c.name == null ? "" : "/#" + c.name)).toList());
        }
        return ch;
    }

    private UserRec userOrFail(String id) {
        UserRec u = users.get(id);
        if (u == null) {
            throw new IllegalArgumentException("no user " + id + " in the fake workspace; call addUser first");
        }
        return u;
    }

    private Msg messageOrFail(String channel, String ts) {
        ChannelRec ch = channelOrFail(channel);
        Msg m = messageByKey.get(key(ch.id, ts));
        if (m == null) {
            throw new IllegalArgumentException("no message " + ts + " in " + ch.id);
        }
        return m;
    }

    ChannelRec dmChannel(String userId) {
        String id = dmByUser.get(userId);
        if (id != null) {
            return channels.get(id);
        }
        ChannelRec ch = new ChannelRec(newId("D"), null, "im", userId, Instant.now().getEpochSecond());
        ch.botMember = true;
        channels.put(ch.id, ch);
        dmByUser.put(userId, ch.id);
        return ch;
    }

    JsonObject channelJson(ChannelRec ch) {
        if (ch.kind.equals("im")) {
            UserRec u = users.get(ch.dmUser);
            return Json.obj("id", ch.id, "created", ch.created, "is_im", true, "is_org_shared", false,
                    "user", ch.dmUser, "is_user_deleted", u != null && u.deleted, "priority", 0,
                    "is_open", true, "last_read", "0000000000.000000", "context_team_id", TEAM_ID);
        }
        JsonObject json = Json.obj("id", ch.id, "name", ch.name, "is_channel", ch.kind.equals("channel"),
                "is_group", ch.kind.equals("group"), "is_im", false, "is_mpim", false, "is_private", ch.isPrivate(),
                "created", ch.created, "is_archived", ch.archived, "is_general", false, "unlinked", 0,
                "name_normalized", ch.name, "is_shared", false, "is_org_shared", false, "is_ext_shared", false,
                "is_pending_ext_shared", false, "is_member", ch.botMember, "creator", "U0CREATOR1",
                "topic", Json.obj("value", "", "creator", "", "last_set", 0),
                "purpose", Json.obj("value", "", "creator", "", "last_set", 0),
                "previous_names", new JsonArray(), "context_team_id", TEAM_ID);
        if (ch.canvasId != null) {
            json.add("properties", Json.obj("canvas", Json.obj("file_id", ch.canvasId, "is_empty", false,
                    "quip_thread_id", "Q" + ch.canvasId.substring(1))));
        }
        return json;
    }

    static JsonObject icons() {
        return Json.obj("image_36", "https://fake.slack.com/bot_36.png", "image_48", "https://fake.slack.com/bot_48.png",
                "image_72", "https://fake.slack.com/bot_72.png");
    }

    /** Human messages carry the rich_text block Slack clients send with the typed text. */
    private static JsonArray richTextBlocks(String text) {
        return Json.arr(Json.obj("type", "rich_text", "block_id", randomAlnum(5),
                "elements", Json.arr(Json.obj("type", "rich_text_section",
                        "elements", Json.arr(Json.obj("type", "text", "text", text))))));
    }

    static String blocksText(JsonObject body) {
        JsonArray blocks = Json.arrAt(body, "blocks");
        return blocks == null || blocks.isEmpty() ? null : blocks.toString();
    }

    long nextTsMicros() {
        long now = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
        lastTsMicros = Math.max(now, lastTsMicros + 1);
        return lastTsMicros;
    }

    static String formatTs(long micros) {
        return (micros / 1_000_000) + "." + String.format("%06d", micros % 1_000_000);
    }

    static long parseTs(String ts) {
        try {
            int dot = ts.indexOf('.');
            if (dot < 0) {
                return Long.parseLong(ts) * 1_000_000;
            }
            String frac = (ts.substring(dot + 1) + "000000").substring(0, 6);
            return Long.parseLong(ts.substring(0, dot)) * 1_000_000 + Long.parseLong(frac);
        } catch (NumberFormatException e) {
            throw new ApiError("invalid_ts_" + ts);
        }
    }

    static String encodeCursor(String ts) {
        return Base64.getEncoder().encodeToString(("next_ts:" + ts.replace(".", "")).getBytes(StandardCharsets.UTF_8));
    }

    static long decodeCursor(String cursor) {
        try {
            String s = new String(Base64.getDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!s.startsWith("next_ts:")) {
                throw new ApiError("invalid_cursor");
            }
            return Long.parseLong(s.substring("next_ts:".length()));
        } catch (IllegalArgumentException e) {
            throw new ApiError("invalid_cursor");
        }
    }

    /** Ids like Slack's: prefix + 10 upper-case alphanumerics, unique within the fake. */
    String newId(String prefix) {
        long n = idSeq++;
        long space = 3_656_158_440_062_976L; // 36^10
        long v = Math.floorMod(n * 2_654_435_761L + 1_000_003L, space); // a bijection: 2654435761 is coprime with 36
        String s = Long.toString(v, 36).toUpperCase(Locale.ROOT);
        return prefix + "0".repeat(10 - s.length()) + s;
    }

    private static String randomAlnum(int n) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    static String key(String channel, String ts) {
        return channel + "/" + ts;
    }

    /**
     * What Slack hands the browser after someone pressed Allow on the consent page for workspace {@code teamId}: a
     * one-time code for oauth.v2.access, which answers with a bot token of that workspace's own.
     */
    public String oauthCode(String teamId, String teamName, String installerUserId) {
        synchronized (lock) {
            String code = "code-" + teamId + "-" + (idSeq++);
            oauthCodes.put(code, new String[]{teamId, teamName, installerUserId});
            return code;
        }
    }

    /** As {@link #oauthCode}, for an org-wide install on Enterprise Grid: the token is the organisation's. */
    public String oauthCodeOrgWide(String enterpriseId, String enterpriseName, String installerUserId) {
        synchronized (lock) {
            String code = "code-" + enterpriseId + "-" + (idSeq++);
            oauthCodes.put(code, new String[]{enterpriseId, enterpriseName, installerUserId, "org"});
            return code;
        }
    }

    /** The workspace's token is gone (uninstalled, or revoked): every call with it is refused from now on. */
    public void revokeTokensOf(String teamId) {
        synchronized (lock) {
            installedTokens.values().removeIf(teamId::equals);
        }
    }

    /** The workspace a token issued by oauth.v2.access belongs to (null for the fake's own bot token). */
    public String teamOfToken(String token) {
        synchronized (lock) {
            return installedTokens.get(token);
        }
    }

    private static void oauthClient(String auth, Map<String, String> params) {
        String id = params.get("client_id");
        String secret = params.get("client_secret");
        if (auth != null && auth.regionMatches(true, 0, "Basic ", 0, 6)) {
            String pair = new String(java.util.Base64.getDecoder().decode(auth.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            id = colon < 0 ? pair : pair.substring(0, colon);
            secret = colon < 0 ? null : pair.substring(colon + 1);
        }
        if (!CLIENT_ID.equals(id)) {
            throw new ApiError("invalid_client_id");
        }
        if (!CLIENT_SECRET.equals(secret)) {
            throw new ApiError("bad_client_secret");
        }
    }

    /** oauth.v2.access as Slack documents it: a code is good once; the answer carries the workspace's bot token. */
    private JsonObject oauthV2Access(Req r) {
        String[] grant = oauthCodes.remove(r.params.get("code"));
        if (grant == null) {
            throw new ApiError("invalid_code");
        }
        String token = "xoxb-" + grant[0] + "-" + (idSeq++) + "-" + UUID.randomUUID().toString().replace("-", "");
        installedTokens.put(token, grant[0]);
        boolean orgWide = grant.length > 3;
        JsonObject team = ok("id", grant[0], "name", grant[1]);
        team.remove("ok");
        JsonObject user = ok("id", grant[2]);
        user.remove("ok");
        JsonObject answer = ok("access_token", token, "token_type", "bot", "scope", BOT_SCOPES, "bot_user_id", BOT_USER_ID,
                "app_id", APP_ID, "is_enterprise_install", orgWide);
        answer.add("team", orgWide ? com.google.gson.JsonNull.INSTANCE : team);
        answer.add("enterprise", orgWide ? team : com.google.gson.JsonNull.INSTANCE);
        answer.add("authed_user", user);
        return answer;
    }

    static JsonObject ok(Object... keyValues) {
        JsonObject o = new JsonObject();
        o.addProperty("ok", true);
        Json.obj(keyValues).entrySet().forEach(e -> o.add(e.getKey(), e.getValue()));
        return o;
    }

    static JsonObject error(String error) {
        return Json.obj("ok", false, "error", error);
    }

    // ------------------------------------------------------------------ internal records

    /** Slack refuses a message whose {@code text} is longer ({@code msg_too_long}); it documents 40,000 characters. */
    static final int MESSAGE_TEXT_MAX = 40_000;

    /**
     * A message that does not come through the Web API (a response_url post, a command's HTTP answer), checked the
     * way chat.postMessage checks its text and blocks.
     */
    private static void checkMessageBody(JsonObject body) {
        String text = Json.str(body, "text");
        if (text != null && text.length() > MESSAGE_TEXT_MAX) {
            throw new ApiError("msg_too_long");
        }
        JsonArray blocks = Json.arrAt(body, "blocks");
        if (blocks != null) {
            List<String> problems = BlockKitLimits.checkMessageBlocks(blocks);
            if (!problems.isEmpty()) {
                throw new ApiError("invalid_blocks", problems.toArray(String[]::new));
            }
        }
    }

    /** Errors Slack answers for what a message or view holds (its length, its blocks, nothing to show). */
    private static final Set<String> CONTENT_ERRORS = Set.of("msg_too_long", "no_text", "invalid_blocks",
            "invalid_blocks_format", "invalid_attachments", "invalid_arguments", "invalid_metadata_format");

    /** Call with lock held; {@code sent} is the message's text or the view, to tell which it was. */
    private void refused(String via, ApiError e, String sent) {
        if (e.aboutContent()) {
            refusals.add(new Refusal(via, e.error, List.of(e.messages), sent == null ? "" : sent, Instant.now()));
        }
    }

    static final class ApiError extends RuntimeException {
        final String error;
        final String[] messages;

        ApiError(String error, String... messages) {
            super(error, null, false, false);
            this.error = error;
            this.messages = messages;
        }

        /** Slack refuses what the message or view holds, not who sent it or where: the app has a bug to fix. */
        boolean aboutContent() {
            return CONTENT_ERRORS.contains(error);
        }

        JsonObject toJson() {
            JsonObject o = error(error);
            if (messages.length > 0) {
                o.add("errors", Json.toJson(List.of(messages)));
                o.add("response_metadata", Json.obj("messages", Json.toJson(List.of(messages))));
            }
            return o;
        }
    }

    static final class Req {
        final Map<String, String> params;

        Req(Map<String, String> params) {
            this.params = params;
        }

        /** The parameter, or null when absent or empty (the SDK never sends empty values it means). */
        String p(String name) {
            String v = params.get(name);
            return v == null || v.isEmpty() ? null : v;
        }

        /** Booleans arrive as "1"/"0" from the Java SDK, "true"/"false" from JSON bodies and other clients. */
        boolean flag(String name) {
            String v = p(name);
            return "1".equals(v) || "true".equalsIgnoreCase(v);
        }
    }

    static final class UserRec {
        final String id;
        final String name;
        final String tz;
        final boolean isBot;
        boolean deleted;
        /** Slack gives profile.email only to apps with users:read.email, and only when the member has one. */
        String email;

        UserRec(String id, String name, String tz, boolean isBot) {
            this.id = id;
            this.name = name;
            this.tz = tz;
            this.isBot = isBot;
        }
    }

    static final class ChannelRec {
        final String id;
        final String name;
        final String kind;
        final String dmUser;
        final long created;
        boolean botMember;
        boolean archived;
        /** The channel's canvas (conversations.canvases.create), or null. */
        String canvasId;
        /** People in the channel besides the bot (only what a test adds; a public channel lets anyone read it). */
        final java.util.Set<String> members = new java.util.LinkedHashSet<>();

        ChannelRec(String id, String name, String kind, String dmUser, long created) {
            this.id = id;
            this.name = name;
            this.kind = kind;
            this.dmUser = dmUser;
            this.created = created;
        }

        boolean isPrivate() {
            return !kind.equals("channel");
        }

        SlackChannel toRecord() {
            return new SlackChannel(id, name, kind, botMember, archived, dmUser);
        }
    }

    static final class Msg {
        final String channel;
        final String ts;
        JsonObject json;
        boolean broadcast;

        Msg(String channel, String ts, JsonObject json) {
            this.channel = channel;
            this.ts = ts;
            this.json = json;
        }

        boolean isReply() {
            String t = Json.str(json, "thread_ts");
            return t != null && !t.equals(ts);
        }
    }

    static final class ViewRec {
        final String id;
        final String userId;
        JsonObject json;
        boolean open = true;
        Map<String, String> errors = Map.of();
        String lastMethod;
        Instant at;

        ViewRec(String id, String userId) {
            this.id = id;
            this.userId = userId;
        }

        SlackView toRecord() {
            return new SlackView(id, Json.str(json, "type"), Json.str(json, "callback_id"), userId, json.deepCopy(), open,
                    errors, lastMethod, at);
        }
    }

    static final class Upload {
        final String id;
        final String filename;
        byte[] bytes;

        Upload(String id, String filename) {
            this.id = id;
            this.filename = filename;
        }
    }

    private static final class ResponseTarget {
        final String channel;
        final String user;
        final String messageTs;
        int uses;

        ResponseTarget(String channel, String user, String messageTs) {
            this.channel = channel;
            this.user = user;
            this.messageTs = messageTs;
        }
    }

    record TriggerRec(String userId, Instant issuedAt) {
    }

    private enum FaultKind { ERROR, RATE_LIMIT, SERVER_ERROR, DELAY, SLOW, PASS }

    private record Fault(FaultKind kind, String error, int retryAfterSeconds, Duration delay) {
    }

    @Override
    public String toString() {
        return "FakeSlack[" + apiUrl() + "]";
    }

    private String usersSummary() {
        return users.values().stream().map(u -> u.id + "(" + u.name + (u.deleted ? ", deactivated" : "") + ")")
                .collect(Collectors.joining(", "));
    }
}
