package io.coebot.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.handler.BoltEventHandler;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.handler.builtin.MessageShortcutHandler;
import com.slack.api.bolt.handler.builtin.SlashCommandHandler;
import com.slack.api.bolt.handler.builtin.ViewSubmissionHandler;
import com.slack.api.model.event.Event;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * Bolt's {@link App}, seen by the features: registering here also records what the app handles,
 * so a test can hold manifest.yml and the code to the same list.
 */
public final class SlackRegistry {
    private final App app;
    private final Set<String> commands = new TreeSet<>();
    private final Set<String> eventTypes = new TreeSet<>();
    private final Set<String> messageShortcuts = new TreeSet<>();
    private final Map<Class<?>, List<BoltEventHandler<? extends Event>>> eventHandlers = new HashMap<>();

    SlackRegistry(App app) {
        this.app = app;
    }

    public SlackRegistry command(String command, SlashCommandHandler handler) {
        commands.add(command);
        app.command(command, handler);
        return this;
    }

    /**
     * Several features may listen to one event type (the interview and the 5 Whys both read thread replies,
     * each in the threads it owns), but Bolt keeps one handler per type: the first registration installs a
     * handler that runs every feature's in turn. A failure stops the rest and reaches Slack as an error, so
     * Slack retries; the features that already applied it see the retry as a duplicate.
     */
    @SuppressWarnings("unchecked")
    public <E extends Event> SlackRegistry event(Class<E> type, BoltEventHandler<E> handler) {
        eventTypes.add(typeName(type));
        List<BoltEventHandler<? extends Event>> handlers = eventHandlers.get(type);
        if (handlers == null) {
            List<BoltEventHandler<? extends Event>> all = new CopyOnWriteArrayList<>();
            eventHandlers.put(type, all);
            handlers = all;
            app.event(type, (payload, ctx) -> {
                for (BoltEventHandler<? extends Event> h : all) {
                    ((BoltEventHandler<E>) h).apply(payload, ctx);
                }
                return ctx.ack();
            });
        }
        handlers.add(handler);
        return this;
    }

    public SlackRegistry blockAction(Pattern actionId, BlockActionHandler handler) {
        app.blockAction(actionId, handler);
        return this;
    }

    public SlackRegistry blockAction(String actionId, BlockActionHandler handler) {
        app.blockAction(actionId, handler);
        return this;
    }

    public SlackRegistry viewSubmission(String callbackId, ViewSubmissionHandler handler) {
        app.viewSubmission(callbackId, handler);
        return this;
    }

    public SlackRegistry messageShortcut(String callbackId, MessageShortcutHandler handler) {
        messageShortcuts.add(callbackId);
        app.messageShortcut(callbackId, handler);
        return this;
    }

    public Set<String> commands() { return Collections.unmodifiableSet(commands); }
    public Set<String> eventTypes() { return Collections.unmodifiableSet(eventTypes); }
    public Set<String> messageShortcuts() { return Collections.unmodifiableSet(messageShortcuts); }

    /** Every Bolt event class names its Events API type in a TYPE_NAME constant. */
    private static String typeName(Class<?> type) {
        try {
            return (String) type.getField("TYPE_NAME").get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(type + " has no TYPE_NAME", e);
        }
    }
}
