package io.coebot.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.handler.BoltEventHandler;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.handler.builtin.MessageShortcutHandler;
import com.slack.api.bolt.handler.builtin.SlashCommandHandler;
import com.slack.api.bolt.handler.builtin.ViewSubmissionHandler;
import com.slack.api.model.event.Event;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * Bolt's {@link App}, seen by the features: registering here also records what the app handles,
 * so a test can hold manifest.yml and the code to the same list.
 */
public final class SlackRegistry {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SlackRegistry.class);
    /** What a person reads when a button, menu or command carries something the bot never made. */
    public static final String OUT_OF_DATE = "That button is out of date, so I did nothing. "
            + "Use the latest message in the channel, or run the command again.";
    private final App app;
    private final Set<String> commands = new TreeSet<>();
    private final Set<String> eventTypes = new TreeSet<>();
    private final Set<Class<?>> eventClasses = new java.util.HashSet<>();
    private final Set<String> messageShortcuts = new TreeSet<>();
    private final List<Pattern> blockActions = new CopyOnWriteArrayList<>();
    private final Set<String> viewCallbacks = new TreeSet<>();

    SlackRegistry(App app) {
        this.app = app;
    }

    public SlackRegistry command(String command, SlashCommandHandler handler) {
        commands.add(command);
        app.command(command, (req, ctx) -> {
            try {
                return handler.apply(req, ctx);
            } catch (MalformedInteraction e) {
                return ctx.ack(OUT_OF_DATE);
            }
        });
        return this;
    }

    /**
     * Bolt keeps one handler per event type, and so does this: a second registration is a mistake (message events
     * have one listener, which routes each message to the conversation owning its thread), so it fails at start-up
     * instead of silently replacing the first.
     */
    public <E extends Event> SlackRegistry event(Class<E> type, BoltEventHandler<E> handler) {
        // by class: message subtypes (edits, deletions, file shares) share the type name "message"
        if (!eventClasses.add(type)) {
            throw new IllegalStateException("Two handlers for " + type.getSimpleName());
        }
        eventTypes.add(typeName(type));
        app.event(type, (payload, ctx) -> {
            try {
                return handler.apply(payload, ctx);
            } catch (MalformedInteraction e) {
                // an event Slack would never send as it is: acked, so it is not delivered three more times
                LOG.info("Acked a malformed {} event: {}", typeName(type), e.getMessage());
                return ctx.ack();
            }
        });
        return this;
    }

    public SlackRegistry blockAction(Pattern actionId, BlockActionHandler handler) {
        blockActions.add(actionId);
        app.blockAction(actionId, calm(handler));
        return this;
    }

    public SlackRegistry blockAction(String actionId, BlockActionHandler handler) {
        blockActions.add(Pattern.compile(Pattern.quote(actionId)));
        app.blockAction(actionId, calm(handler));
        return this;
    }

    public SlackRegistry viewSubmission(String callbackId, ViewSubmissionHandler handler) {
        viewCallbacks.add(callbackId);
        app.viewSubmission(callbackId, (req, ctx) -> {
            try {
                return handler.apply(req, ctx);
            } catch (MalformedInteraction e) {
                // a form the bot never made: it closes, and nothing changes
                LOG.info("Acked a malformed view submission: {}", e.getMessage());
                return ctx.ack();
            }
        });
        return this;
    }

    public SlackRegistry messageShortcut(String callbackId, MessageShortcutHandler handler) {
        messageShortcuts.add(callbackId);
        app.messageShortcut(callbackId, (req, ctx) -> {
            try {
                return handler.apply(req, ctx);
            } catch (MalformedInteraction e) {
                LOG.info("Acked a malformed shortcut: {}", e.getMessage());
                return ctx.ack();
            }
        });
        return this;
    }

    /** A button whose value the bot never made: whoever pressed it is told calmly, and nothing changes. */
    private static BlockActionHandler calm(BlockActionHandler handler) {
        return (req, ctx) -> {
            try {
                return handler.apply(req, ctx);
            } catch (MalformedInteraction e) {
                LOG.info("A button with a malformed value: {}", e.getMessage());
                try {
                    if (req.getPayload() != null && req.getPayload().getResponseUrl() != null) {
                        ctx.respond(r -> r.responseType("ephemeral").replaceOriginal(false).text(OUT_OF_DATE));
                    }
                } catch (java.io.IOException | RuntimeException ignored) {
                    // the answer is a courtesy; the ack below is what matters
                }
                return ctx.ack();
            }
        };
    }

    public Set<String> commands() { return Collections.unmodifiableSet(commands); }
    public Set<String> eventTypes() { return Collections.unmodifiableSet(eventTypes); }
    public Set<String> messageShortcuts() { return Collections.unmodifiableSet(messageShortcuts); }
    /** Every block action id (or pattern of ids) a feature listens to, so a test can press every one. */
    public List<Pattern> blockActions() { return List.copyOf(blockActions); }
    public Set<String> viewCallbacks() { return Collections.unmodifiableSet(viewCallbacks); }

    /** Every Bolt event class names its Events API type in a TYPE_NAME constant. */
    private static String typeName(Class<?> type) {
        try {
            return (String) type.getField("TYPE_NAME").get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(type + " has no TYPE_NAME", e);
        }
    }
}
