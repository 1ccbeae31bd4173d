package io.coebot.whys;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The names by which a team writes about its own people: the display and real names of the channel's members and
 * of everyone who has spoken in the COE. "Bob pushed the wrong config" puts the cause on a person as surely as
 * "<@U0BOB> pushed…", and only the workspace knows that Bob is a person. Kept in the session, so every rendering
 * of a cause decides the same way without asking Slack.
 *
 * @param names as Slack gives them ("bob", "Alice Smith"), without duplicates, longest first so that "Alice Smith"
 *              is tried before "Alice"
 */
public record People(List<String> names) {
    public static final People NONE = new People(List.of());
    /** Shorter than this, a "name" is an initial or an emoji's leftover and matches too much. */
    private static final int SHORTEST = 2;

    public People {
        Set<String> seen = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        List<String> kept = new ArrayList<>();
        for (String n : names == null ? List.<String>of() : names) {
            String name = n == null ? "" : n.strip().replaceAll("\\s+", " ");
            if (name.codePointCount(0, name.length()) >= SHORTEST && seen.add(name)) {
                kept.add(name);
            }
        }
        kept.sort(Comparator.comparingInt(String::length).reversed().thenComparing(s -> s.toLowerCase(Locale.ROOT)));
        names = List.copyOf(kept);
    }

    /**
     * A person's names as a teammate writes them: the display name, the real name and the real name's first word
     * ("Alice" for "Alice Smith"), since people write first names.
     */
    public static List<String> of(String displayName, String realName) {
        List<String> out = new ArrayList<>();
        if (displayName != null && !displayName.isBlank()) {
            out.add(displayName);
        }
        if (realName != null && !realName.isBlank()) {
            out.add(realName);
            String first = realName.strip().split("\\s+")[0];
            if (!first.equals(realName.strip())) {
                out.add(first);
            }
        }
        return out;
    }

    public People plus(People more) {
        List<String> all = new ArrayList<>(names);
        all.addAll(more.names);
        return new People(all);
    }

    public boolean isEmpty() {
        return names.isEmpty();
    }
}
