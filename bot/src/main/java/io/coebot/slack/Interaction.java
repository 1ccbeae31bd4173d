package io.coebot.slack;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;

import java.util.regex.Pattern;

/**
 * The one validating reader of what a button, menu or form sends back: the team and person it came from, and the
 * value the bot put on it ({@code 12|trigger_at}, or JSON in a view's private_metadata). Every read returns a typed
 * value or throws {@link MalformedInteraction}; ids come back as {@link TeamRef}s of the interaction's own team.
 */
public final class Interaction {
    /** At most 18 digits: every such number fits a long, and no id of ours is longer. */
    private static final Pattern ID = Pattern.compile("[1-9]\\d{0,17}");
    private static final Pattern NUMBER = Pattern.compile("-?\\d{1,9}");

    /** A Slack message ts: epoch seconds and six digits of microseconds. */
    private static final Pattern TS = Pattern.compile("\\d{1,12}\\.\\d{6}");

    private final String teamId;
    private final String userId;
    private final String value;
    private final String messageTs;
    /** Set only for a press on an ephemeral: Slack's way to replace that ephemeral (30 minutes, 5 uses). */
    private final String ephemeralResponseUrl;
    /** What the bot accepts as a response_url: one absolute web address, nothing that splits a value. */
    private static final Pattern URL = Pattern.compile("https?://[^\\s|<>]{1,500}");

    private Interaction(String teamId, String userId, String value) {
        this(teamId, userId, value, null, null);
    }

    private Interaction(String teamId, String userId, String value, String messageTs, String ephemeralResponseUrl) {
        if (teamId == null || teamId.isBlank() || userId == null || userId.isBlank()) {
            throw new MalformedInteraction("no team or user");
        }
        this.teamId = teamId;
        this.userId = userId;
        this.value = value;
        this.messageTs = messageTs;
        this.ephemeralResponseUrl = ephemeralResponseUrl;
    }

    /** A button's value, or the option picked in a menu. */
    public static Interaction of(BlockActionRequest req) {
        BlockActionPayload p = req.getPayload();
        if (p == null || p.getActions() == null || p.getActions().isEmpty() || p.getActions().get(0) == null) {
            throw new MalformedInteraction("no action");
        }
        var action = p.getActions().get(0);
        String value = action.getSelectedOption() != null ? action.getSelectedOption().getValue() : action.getValue();
        String ts = p.getContainer() == null ? null : p.getContainer().getMessageTs();
        // Only an ephemeral's: replace_original on a channel message's response_url would replace, say, the COE card.
        String url = p.getContainer() != null && p.getContainer().isEphemeral() ? p.getResponseUrl() : null;
        return new Interaction(p.getTeam() == null ? null : p.getTeam().getId(), p.getUser() == null ? null : p.getUser().getId(),
                value, ts != null && TS.matcher(ts).matches() ? ts : null, url != null && URL.matcher(url).matches() ? url : null);
    }

    /** A form's private_metadata. */
    public static Interaction of(ViewSubmissionRequest req) {
        var p = req.getPayload();
        if (p == null || p.getView() == null) {
            throw new MalformedInteraction("no view");
        }
        return new Interaction(p.getTeam() == null ? null : p.getTeam().getId(), p.getUser() == null ? null : p.getUser().getId(),
                p.getView().getPrivateMetadata());
    }

    /** Reads another string the bot made (a block id) with the same rules and the same team. */
    public Interaction reading(String otherValue) {
        return new Interaction(teamId, userId, otherValue, messageTs, ephemeralResponseUrl);
    }

    public String teamId() { return teamId; }
    public String userId() { return userId; }

    /** The ts of the message whose button or menu this was (a message in the channel, or an ephemeral); null if none. */
    public String messageTs() { return messageTs; }

    /**
     * The response_url of the ephemeral whose button this was, or null when the button was on a channel message;
     * a form opened from it carries it along ({@link #optionalResponseUrl}) to replace the ephemeral once saved.
     */
    public String ephemeralResponseUrl() { return ephemeralResponseUrl; }

    /** Part {@code index} as a response_url the bot carried in a form, or null when absent. */
    public String optionalResponseUrl(int index) {
        String s = optionalWord(index);
        if (s == null) {
            return null;
        }
        if (!URL.matcher(s).matches()) {
            throw new MalformedInteraction("not a response_url");
        }
        return s;
    }

    /** Part {@code index} of a {@code a|b|c} value, as an id of this workspace. */
    public TeamRef id(int index) {
        return new TeamRef(teamId, id(part(index)));
    }

    /** Part {@code index} as a small whole number (a page, a node, a sequence number). */
    public int number(int index) {
        String s = part(index);
        if (!NUMBER.matcher(s).matches()) {
            throw new MalformedInteraction("not a number");
        }
        return Integer.parseInt(s);
    }

    /** Part {@code index}, which must not be empty. */
    public String word(int index) {
        String s = part(index);
        if (s.isEmpty()) {
            throw new MalformedInteraction("empty part");
        }
        return s;
    }

    /** Part {@code index}, or null when the value has no such part or it is empty. */
    public String optionalWord(int index) {
        String[] parts = parts();
        return index < parts.length && !parts[index].isEmpty() ? parts[index] : null;
    }

    /** A picked option's key (null when none was picked) as one of the bot's own choices, via their {@code fromKey}. */
    public <T> T option(String key, java.util.function.Function<String, T> fromKey) {
        if (key == null) {
            return null;
        }
        try {
            return fromKey.apply(key);
        } catch (IllegalArgumentException e) {
            throw new MalformedInteraction("not one of the options");
        }
    }

    /** The value as a JSON object (what the bot keeps in a form's private_metadata). */
    public Fields fields() {
        try {
            JsonElement e = JsonParser.parseString(present());
            if (!e.isJsonObject()) {
                throw new MalformedInteraction("not an object");
            }
            return new Fields(e.getAsJsonObject());
        } catch (JsonParseException e) {
            throw new MalformedInteraction("not JSON");
        }
    }

    /** Fields of a JSON value, read with the same rules. */
    public final class Fields {
        private final JsonObject json;

        private Fields(JsonObject json) {
            this.json = json;
        }

        public TeamRef id(String name) {
            return new TeamRef(teamId, Interaction.id(string(name)));
        }

        public String word(String name) {
            String s = string(name);
            if (s.isEmpty()) {
                throw new MalformedInteraction("empty field");
            }
            return s;
        }

        public String optionalWord(String name) {
            JsonElement e = json.get(name);
            return e != null && e.isJsonPrimitive() && !e.getAsString().isEmpty() ? e.getAsString() : null;
        }

        private String string(String name) {
            JsonElement e = json.get(name);
            if (e == null || !e.isJsonPrimitive()) {
                throw new MalformedInteraction("missing field");
            }
            return e.getAsString();
        }
    }

    private String present() {
        if (value == null || value.isEmpty()) {
            throw new MalformedInteraction("no value");
        }
        return value;
    }

    private String[] parts() {
        return present().split("\\|", -1);
    }

    private String part(int index) {
        String[] parts = parts();
        if (index >= parts.length) {
            throw new MalformedInteraction("missing part");
        }
        return parts[index];
    }

    private static long id(String s) {
        if (!ID.matcher(s).matches()) {
            throw new MalformedInteraction("not an id");
        }
        return Long.parseLong(s);
    }
}
