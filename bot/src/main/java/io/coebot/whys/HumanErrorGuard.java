package io.coebot.whys;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Human error is never a root cause: people slip, and the system should have made the slip impossible or
 * harmless. This is the one place that decides whether a 5 Whys cause puts the cause on a person, so the 5 Whys can
 * ask why the error was possible instead of stopping there; the published COE's blame-free check
 * ({@code publish.BlameCheck}) asks it about every cause. The words are {@link BlamingWords}' (the one list, which
 * BlameCheck reads for free text): here a word marked {@code endsWhy} ends the why by itself, and a cause that opens
 * with a teammate's name and something they did ends it too.
 *
 * <p>Each word is matched on word boundaries, case-insensitively, so ordinary sentences that merely share
 * words ("the error message was not human-readable", "the operator pattern errored", "typography") do not
 * trigger it. It errs on the side of not firing: a missed phrase costs one more question from a reviewer; a
 * false alarm on a correct answer costs the team's trust under stress.
 */
public final class HumanErrorGuard {

    private static final List<BlamingWords.Word> ENDING_A_WHY = BlamingWords.WORDS.stream()
            .filter(BlamingWords.Word::endsWhy).toList();

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
    public static Optional<BlamingWords.Word> blame(String answer) {
        return blame(answer, People.NONE);
    }

    /**
     * The phrase that puts the cause on a person, if any, knowing the names of the COE's people: "Bob pushed the
     * wrong config" is read like "<@U0BOB> pushed the wrong config" when Bob is one of them. Only a name that opens
     * the cause counts: "the Bob service", "paged Bob" and "Bob's dashboard" name things and objects.
     */
    public static Optional<BlamingWords.Word> blame(String answer, People people) {
        if (answer == null || answer.isBlank()) {
            return Optional.empty();
        }
        String text = BlamingWords.plain(answer.strip());
        Optional<BlamingWords.Word> phrase = ENDING_A_WHY.stream().filter(p -> p.pattern().matcher(text).find()).findFirst();
        if (phrase.isPresent() || people == null || people.isEmpty()) {
            return phrase;
        }
        BlamingWords.Word named = namedSubject(people);
        return named.pattern().matcher(text).find() ? Optional.of(named) : Optional.empty();
    }

    public static boolean blames(String answer) {
        return blame(answer).isPresent();
    }

    public static boolean blames(String answer, People people) {
        return blame(answer, people).isPresent();
    }

    private static BlamingWords.Word namedSubject(People people) {
        String names = people.names().stream().map(n -> Pattern.quote(BlamingWords.plain(n))).collect(Collectors.joining("|"));
        return BlamingWords.word(NAMED_SUBJECT, "^(?:because |since |as )?@?(?:" + names + ")\\s+" + ACTED, true,
                BlamingWords.FreeText.NO);
    }
}
