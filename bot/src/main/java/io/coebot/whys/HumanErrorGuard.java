package io.coebot.whys;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Human error is never a root cause: people slip, and the system should have made the slip impossible or
 * harmless. This is the one place that recognises a 5 Whys cause putting the cause on a person, so the 5 Whys can
 * ask why the error was possible instead of stopping there; the published COE's blame-free check
 * ({@code publish.BlameCheck}) asks it about every cause rather than keeping its own copy. BlameCheck's own list is
 * for free text and answers another question (does a sentence condemn someone?), so it is not merged here. The
 * list is documented in README.md ("The 5 Whys"); keep the two in step.
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

    static final String NAMED_SUBJECT = "a person named as the subject";

    /**
     * What a named person does in a cause that blames them: a past-tense verb ("pushed", "ran", "forgot"), a
     * negation ("didn't", "never") or a modal ("should have"), maybe after an adverb ("accidentally pushed"). A
     * name can also name a thing ("Jenkins", "the Bob service"), so a name followed by a noun ("Max connections
     * ran out") is not a person acting.
     */
    private static final String ACTED = "(?:(?:\\p{L}+ly|just|then|also|still) )?(?:\\p{L}+ed|ran|made|put|set|sent|took"
            + "|did|didn't|didn’t|did not|never|forgot|forgets|broke|wrote|chose|let|left|got|gave|hit|cut|began"
            + "|overrode|shut|kept|lost|misread|mistyped|went|was|wasn't|wasn’t|had|hadn't|hadn’t|should|shouldn't"
            + "|shouldn’t|could|couldn't|couldn’t|would|wouldn't|wouldn’t)(?![\\p{L}'’])";

    private HumanErrorGuard() {
    }

    /** The phrase that puts the cause on a person, if any. */
    public static Optional<Phrase> blame(String answer) {
        return blame(answer, People.NONE);
    }

    /**
     * The phrase that puts the cause on a person, if any, knowing the names of the COE's people: "Bob pushed the
     * wrong config" is read like "<@U0BOB> pushed the wrong config" when Bob is one of them. Only a name that opens
     * the cause counts: "the Bob service", "paged Bob" and "Bob's dashboard" name things and objects.
     */
    public static Optional<Phrase> blame(String answer, People people) {
        if (answer == null || answer.isBlank()) {
            return Optional.empty();
        }
        String text = answer.strip();
        Optional<Phrase> phrase = PHRASES.stream().filter(p -> p.pattern().matcher(text).find()).findFirst();
        if (phrase.isPresent() || people == null || people.isEmpty()) {
            return phrase;
        }
        Phrase named = namedSubject(people);
        return named.pattern().matcher(text).find() ? Optional.of(named) : Optional.empty();
    }

    public static boolean blames(String answer) {
        return blame(answer).isPresent();
    }

    public static boolean blames(String answer, People people) {
        return blame(answer, people).isPresent();
    }

    private static Phrase namedSubject(People people) {
        String names = people.names().stream().map(Pattern::quote).collect(Collectors.joining("|"));
        return phrase(NAMED_SUBJECT, "^(?:because |since |as )?@?(?:" + names + ")\\s+" + ACTED);
    }

    private static Phrase phrase(String name, String regex) {
        return new Phrase(name, Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
    }
}
