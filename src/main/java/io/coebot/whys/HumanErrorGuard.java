package io.coebot.whys;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Human error is never a root cause: people slip, and the system should have made the slip impossible or
 * harmless. This is the one place that recognises an answer putting the cause on a person, so the 5 Whys can
 * ask why the error was possible instead of stopping there. The list is documented in README.md ("The 5 Whys");
 * keep the two in step.
 *
 * <p>Each phrase is matched on word boundaries, case-insensitively, so ordinary sentences that merely share
 * words ("the error message was not human-readable", "the operator pattern errored", "typography") do not
 * trigger it. It errs on the side of not firing: a missed phrase costs one more question from a reviewer; a
 * false alarm on a correct answer costs the team's trust under stress.
 */
public final class HumanErrorGuard {

    /** A recognised way of blaming a person, with the words a reader would use for it. */
    public record Phrase(String name, Pattern pattern) {}

    private static final String PERSON = "(?:someone|somebody|a person|an engineer|the engineer|the operator|an operator"
            + "|the on-?call(?: engineer)?|the developer|a developer|the admin|an admin|the dba|he|she|they|we|i"
            + "|<@[A-Z0-9]+(?:\\|[^>]*)?>)";
    private static final String SLIPPED = "(?:forgot|forgets|missed|overlooked|ignored|skipped|mistyped|misread"
            + "|fat[- ]?fingered|did not follow|didn't follow|didn’t follow|failed to follow|neglected)";

    static final List<Phrase> PHRASES = List.of(
            phrase("human error", "\\bhuman (?:error|mistake|failure)s?\\b"),
            // "user error", but not "the user errors page"
            phrase("operator error", "\\b(?:(?:operator|manual|engineer|admin|pilot) (?:error|mistake)s?|user (?:error|mistake))\\b"),
            phrase("someone forgot", "\\b" + PERSON + " " + SLIPPED + "\\b"),
            phrase("forgot to", "\\bforgot to\\b"),
            phrase("typo", "\\btypos?\\b"),
            phrase("fat-fingered", "\\bfat[- ]?finger(?:ed|ing|s)?\\b"),
            phrase("didn't follow the runbook",
                    "\\b(?:did not|didn't|didn’t|failed to|forgot to) (?:follow|read|check|use) the (?:runbook|playbook|procedure|checklist)\\b"),
            phrase("careless", "\\b(?:careless(?:ness)?|negligen(?:t|ce)|sloppy|not paying attention)\\b"),
            phrase("someone's mistake", "\\b(?:his|her|their|my|our|someone's|someone’s) (?:mistake|fault|error)\\b"),
            // "<@U123> ran the wrong script": a person as the subject of the failure (a possessive, "<@U1>'s
            // dashboard", names a thing; a mention later in the sentence, "paged <@U1>", is an object).
            phrase("a person as the subject", "^(?:because |since |as )?<@[A-Z0-9]+(?:\\|[^>]*)?>(?!['’]s\\b)\\s+\\S"));

    private HumanErrorGuard() {
    }

    /** The phrase that puts the cause on a person, if any. */
    public static Optional<Phrase> blame(String answer) {
        if (answer == null || answer.isBlank()) {
            return Optional.empty();
        }
        String text = answer.strip();
        return PHRASES.stream().filter(p -> p.pattern().matcher(text).find()).findFirst();
    }

    public static boolean blames(String answer) {
        return blame(answer).isPresent();
    }

    private static Phrase phrase(String name, String regex) {
        return new Phrase(name, Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
    }
}
