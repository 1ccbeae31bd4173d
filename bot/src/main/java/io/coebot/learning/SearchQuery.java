package io.coebot.learning;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What `/coe search` was asked: the words (read by PostgreSQL's {@code websearch_to_tsquery}, so "quoted phrases",
 * {@code or} and {@code -word} work as in a web search) and the filters {@code severity:SEV1}, {@code service:checkout},
 * {@code after:2026-01-01}, {@code owner:@name}. A filter it cannot read is a {@link #problem}, never a guess.
 *
 * @param owner a user id ({@code <@U…>} or a bare id) or a name as typed after the {@code @}; null: anyone
 */
record SearchQuery(String words, String severity, String service, LocalDate after, String owner, String problem) {
    static final String USAGE = "`/coe search <words> [severity:SEV1] [service:checkout] [after:2026-01-01] [owner:@name]`";

    private static final Pattern FILTER = Pattern.compile("(?i)^(severity|sev|service|after|owner):(.*)$");
    private static final Pattern SEVERITY = Pattern.compile("(?i)^(?:sev)?([1-4])$");
    private static final Pattern MENTION = Pattern.compile("^<@([A-Z0-9]+)(?:\\|[^>]*)?>$");

    static SearchQuery parse(String text) {
        List<String> words = new ArrayList<>();
        String severity = null, service = null, owner = null, problem = null;
        LocalDate after = null;
        for (String token : (text == null ? "" : text.trim()).split("\\s+")) {
            Matcher m = FILTER.matcher(token);
            if (!m.matches()) {
                if (!token.isEmpty()) {
                    words.add(token);
                }
                continue;
            }
            String value = m.group(2);
            switch (m.group(1).toLowerCase(Locale.ROOT)) {
                case "severity", "sev" -> {
                    Matcher s = SEVERITY.matcher(value);
                    if (s.matches()) {
                        severity = "SEV" + s.group(1);
                    } else {
                        problem = "`severity:` takes SEV1, SEV2, SEV3 or SEV4, not `" + value + "`.";
                    }
                }
                case "service" -> {
                    if (value.isBlank()) {
                        problem = "`service:` needs a service's name, e.g. `service:checkout`.";
                    } else {
                        service = value;
                    }
                }
                case "after" -> {
                    try {
                        after = LocalDate.parse(value);
                    } catch (DateTimeParseException e) {
                        problem = "`after:` takes a date written YYYY-MM-DD, e.g. `after:2026-01-01`, not `" + value + "`.";
                    }
                }
                default -> {
                    Matcher mention = MENTION.matcher(value);
                    String name = mention.matches() ? mention.group(1) : value.startsWith("@") ? value.substring(1) : value;
                    if (name.isBlank()) {
                        problem = "`owner:` needs a person, e.g. `owner:@alice`.";
                    } else {
                        owner = name;
                    }
                }
            }
        }
        return new SearchQuery(String.join(" ", words), severity, service, after, owner, problem);
    }

    boolean hasWords() {
        return !words.isBlank();
    }

    boolean isEmpty() {
        return !hasWords() && severity == null && service == null && after == null && owner == null;
    }
}
