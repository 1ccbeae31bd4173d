package io.coebot.publish;

import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the people and channels a COE mentions are called in the workspace, looked up before rendering (users.info,
 * conversations.info) so that the renderers stay pure. Only the Markdown file uses it: it is read outside Slack,
 * where "@U0ALICE001" and "#C00017WZ7CK" name nobody, while in Slack messages a mention renders natively and stays
 * one. An id without a known name is shown as the id, which is still true.
 *
 * @param people   display names by user id
 * @param channels channel names (without "#") by channel id
 */
public record Names(Map<String, String> people, Map<String, String> channels) {

    public static final Names NONE = new Names(Map.of(), Map.of());

    /** {@code <@U1>}, {@code <#C1>} and {@code <#C1|>}: mentions as Slack sends them in messages, without a name. */
    private static final Pattern UNNAMED = Pattern.compile("<([@#])([A-Z0-9]+)\\|?>");

    public Names {
        people = people == null ? Map.of() : Map.copyOf(people);
        channels = channels == null ? Map.of() : Map.copyOf(channels);
    }

    /** Slack markup with each unnamed mention given its name ({@code <@U1>} → {@code <@U1|alice>}), ready for Markdown. */
    String named(String slack) {
        if (slack == null || slack.isEmpty()) {
            return slack;
        }
        Matcher m = UNNAMED.matcher(slack);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = (m.group(1).equals("@") ? people : channels).get(m.group(2));
            String replacement = name == null ? m.group() : "<" + m.group(1) + m.group(2) + "|" + escaped(name) + ">";
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A person the COE names by id (its owner, an author, an item's owner) as a mention with their name. */
    String person(String userId) {
        return named("<@" + userId + ">");
    }

    /** The ids of the unnamed mentions in Slack text, added to {@code people} and {@code channels}. */
    static void mentionsIn(String slack, Set<String> people, Set<String> channels) {
        if (slack == null) {
            return;
        }
        Matcher m = UNNAMED.matcher(slack);
        while (m.find()) {
            (m.group(1).equals("@") ? people : channels).add(m.group(2));
        }
    }

    /** A name is written into Slack markup, where &amp;, &lt; and &gt; are escaped: the Markdown turns them back. */
    private static String escaped(String name) {
        return name.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
