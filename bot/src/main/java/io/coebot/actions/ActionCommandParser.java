package io.coebot.actions;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code /coe action <text> [@owner] [high|medium|low] [due YYYY-MM-DD]}.
 *
 * <p>The options are read only from the END of the text, in any order, each at most once: people write the
 * sentence first and add the who/how urgent/by when after it. Reading from the end keeps words like "high" or
 * "due" inside the sentence as text ("Alarm on high queue depth <@U1> low" is a low-priority item about high
 * queue depth). Scanning stops at the first word that is not an option, and an option already taken ends the
 * scan too, so in "Lower the threshold low high" only the last "high" is the priority.
 *
 * <ul>
 *   <li>Owner: a Slack mention as Slack escapes it in command text, {@code <@U123ABC>} or
 *       {@code <@U123ABC|alice>}. None given → the person who typed the command (see
 *       {@link ActionItemDraft#ownerOr(String)}). A bare {@code @alice} at the end is refused: Slack did not turn
 *       it into a user, so the bot cannot tell who it is. A group mention ({@code <!subteam^…>}, {@code <!here>})
 *       is refused: an item has one owner.</li>
 *   <li>Priority: {@code high}, {@code medium} or {@code low}, any case; default medium.</li>
 *   <li>Due date: {@code due YYYY-MM-DD}, {@code due today}, {@code due tomorrow}, {@code due in N days},
 *       {@code due in N weeks}; default {@value ActionItemRules#DEFAULT_DUE_DAYS} days after today; never in the
 *       past. After "due", 1 to 3 words that look like an attempt at a date (a digit, a weekday or month name,
 *       today/tomorrow/next/in/…) but cannot be read are an error naming the accepted forms, so that
 *       "due friday" never silently becomes the default date; words that do not look like a date
 *       ("… that is due monthly") stay text, and so does a readable date followed by more words
 *       ("… due 2026-12-01 to prod": the date is part of the sentence).</li>
 * </ul>
 *
 * {@code today} is the local date of the person typing.
 */
public final class ActionCommandParser {

    public static final String USAGE = "/coe action <what needs doing> [@owner] [high|medium|low] [due YYYY-MM-DD]";

    // a Slack escape <…> is one token even if a label in it has spaces
    private static final Pattern TOKEN = Pattern.compile("<[^>]*>|\\S+");
    private static final Pattern MENTION = io.coebot.slack.SlackText.MENTION;
    private static final Pattern BARE_NAME = Pattern.compile("@[\\w.-]+");
    private static final Pattern IN_N = Pattern.compile("(?i)in (\\d{1,4}) (days?|weeks?)");
    private static final Pattern HAS_DIGIT = Pattern.compile("\\d");
    private static final int MAX_DATE_WORDS = 3;
    private static final Set<String> DATE_WORDS = Set.of(
            "today", "tomorrow", "tmrw", "yesterday", "in", "next", "this", "on", "by", "eod", "eow", "end",
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
            "mon", "tue", "tues", "wed", "thu", "thurs", "fri", "sat", "sun",
            "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december",
            "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec");

    private ActionCommandParser() {
    }

    private record Token(String text, int start) {
    }

    public static ParsedAction parse(String args, LocalDate today) {
        if (args == null || args.isBlank()) {
            return ParsedAction.error(usage(today));
        }
        List<Token> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(args);
        while (m.find()) {
            tokens.add(new Token(m.group(), m.start()));
        }

        String owner = null;
        Priority priority = null;
        LocalDate due = null;
        int end = tokens.size(); // tokens [0, end) are still text
        scan:
        while (end > 0) {
            String last = tokens.get(end - 1).text();
            Matcher mention = MENTION.matcher(last);
            if (owner == null && mention.matches()) {
                owner = mention.group(1);
                end--;
                continue;
            }
            if (owner == null && (last.startsWith("<!") || BARE_NAME.matcher(last).matches())) {
                return ParsedAction.error(last.startsWith("<!")
                        ? "An action item has one owner: mention one person, e.g. @alice, not a group."
                        : "I can't tell who " + last + " is. Pick them from Slack's @ menu so the name turns "
                                + "into a mention.");
            }
            if (priority == null && Priority.parse(last).isPresent()) {
                priority = Priority.parse(last).get();
                end--;
                continue;
            }
            if (due == null) {
                // the nearest "due" with one to three words after it
                for (int words = 1; words <= MAX_DATE_WORDS && end - 1 - words >= 0; words++) {
                    if (!tokens.get(end - 1 - words).text().equalsIgnoreCase("due")) {
                        continue;
                    }
                    String written = join(tokens, end - words, end);
                    if (!looksLikeADate(written)) {
                        break scan;
                    }
                    LocalDate read = readDate(written, today);
                    if (read == null && startsWithADate(tokens, end - words, end, today)) {
                        break scan; // "due 2026-12-01 to prod": the date is inside the sentence, not at its end
                    }
                    if (read == null) {
                        return ParsedAction.error("I couldn't read the due date \"" + written + "\". "
                                + formats(today));
                    }
                    var problem = ActionItemRules.dueProblem(read, today);
                    if (problem.isPresent()) {
                        return ParsedAction.error(problem.get());
                    }
                    due = read;
                    end = end - 1 - words;
                    continue scan;
                }
            }
            break;
        }

        String text = end == 0 ? "" : args.substring(0, tokens.get(end - 1).start() + tokens.get(end - 1).text().length())
                .strip();
        if (text.isEmpty()) {
            return ParsedAction.error("Write what needs doing first. " + usage(today));
        }
        return ParsedAction.ok(new ActionItemDraft(text, owner,
                priority == null ? Priority.MEDIUM : priority,
                due == null ? ActionItemRules.defaultDue(today) : due));
    }

    /** The usage line with a worked example dated from today, so the example itself would be accepted. */
    public static String usage(LocalDate today) {
        return "Usage: `" + USAGE + "`, e.g. `/coe action Alarm on queue depth @alice high due "
                + ActionItemRules.defaultDue(today) + "`. Without @owner the item is yours; without a priority it is "
                + "medium; without a date it is due in " + ActionItemRules.DEFAULT_DUE_DAYS + " days.";
    }

    private static String formats(LocalDate today) {
        return "Write it as due YYYY-MM-DD, e.g. due " + ActionItemRules.defaultDue(today)
                + " (due today, due tomorrow and due in 3 days work too).";
    }

    private static String join(List<Token> tokens, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < to; i++) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(tokens.get(i).text());
        }
        return sb.toString();
    }

    private static boolean startsWithADate(List<Token> tokens, int from, int to, LocalDate today) {
        for (int stop = from + 1; stop < to; stop++) {
            if (readDate(join(tokens, from, stop), today) != null) {
                return true;
            }
        }
        return false;
    }

    private static boolean looksLikeADate(String written) {
        if (HAS_DIGIT.matcher(written).find()) {
            return true;
        }
        for (String word : written.toLowerCase(Locale.ROOT).split(" ")) {
            if (DATE_WORDS.contains(word.replaceAll("[.,;:!?]+$", ""))) {
                return true;
            }
        }
        return false;
    }

    /** A date as people write it (YYYY-MM-DD, today, tomorrow, in 3 days, in 2 weeks); null for anything else. */
    public static LocalDate readDate(String written, LocalDate today) {
        String w = written.toLowerCase(Locale.ROOT);
        if (w.equals("today")) {
            return today;
        }
        if (w.equals("tomorrow")) {
            return today.plusDays(1);
        }
        Matcher in = IN_N.matcher(w);
        if (in.matches()) {
            int n = Integer.parseInt(in.group(1));
            return in.group(2).startsWith("week") ? today.plusWeeks(n) : today.plusDays(n);
        }
        if (w.matches("\\d{4}-\\d{2}-\\d{2}")) {
            try {
                return LocalDate.parse(w); // ISO_LOCAL_DATE is strict: 2026-02-30 is refused, not rolled over
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }
}
