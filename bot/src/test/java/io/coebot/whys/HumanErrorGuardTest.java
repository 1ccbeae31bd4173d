package io.coebot.whys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HumanErrorGuardTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "It was human error ; human error",
            "Human mistake during the rollout ; human error",
            "Operator error on the load balancer ; operator error",
            "User error when applying the config ; operator error",
            "Someone forgot to renew the certificate ; someone forgot",
            "The on-call engineer missed the page ; someone forgot",
            "We skipped the canary stage ; someone forgot",
            "<@U024BE7LH> ran the migration against prod ; a person as the subject",
            "Because <@U024BE7LH|alice> deleted the wrong bucket ; a person as the subject",
            "They forgot to drain the node ; someone forgot",
            "A typo in the DNS record ; typo",
            "Typos in the feature flag name ; typo",
            "An engineer fat-fingered the replica count ; someone forgot",
            "Fat fingered the replica count ; fat-fingered",
            "The deployer didn't follow the runbook ; didn't follow the runbook",
            "Failed to follow the procedure for failover ; didn't follow the runbook",
            "The change was careless ; careless",
            "It was his mistake ; someone's mistake",
            "forgot to update the allow-list ; forgot to",
    })
    void answersThatPutTheCauseOnAPersonAreRecognised(String answer, String phrase) {
        assertEquals(phrase, HumanErrorGuard.blame(answer).map(BlamingWords.Word::name).orElse("nothing"));
    }

    /** Ordinary incident sentences that share words with the phrases must not be taken for blame. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "The error message was not human-readable",
            "The operator pattern in Kubernetes errored on restart",
            "The typography service was down",
            "The alert paged <@U024BE7LH> twenty minutes late",
            "<@U024BE7LH>'s dashboard had no latency panel",
            "The runbook was out of date for the new cluster",
            "The health check missed the degraded replica",
            "The forgotten-password flow sent duplicate emails",
            "No validation on the replica count field",
            "The config schema allowed an empty list",
            "Deploys skip the canary when the pipeline is in hotfix mode",
            "The user errors page returned 500s",
    })
    void ordinarySentencesAreNotBlame(String answer) {
        assertFalse(HumanErrorGuard.blames(answer), answer);
    }

    @org.junit.jupiter.api.Test
    void emptyAnswersAreNotBlame() {
        assertFalse(HumanErrorGuard.blames(""));
        assertFalse(HumanErrorGuard.blames(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"HUMAN ERROR", "Human Error.", "it was a TYPO"})
    void caseDoesNotMatter(String answer) {
        assertTrue(HumanErrorGuard.blames(answer));
    }

    private static final People TEAM = new People(java.util.stream.Stream.of(
            People.of("bob", "Bob Jones"), People.of("Alice", "Alice Smith"), People.of("max", "Max Weber"))
            .flatMap(java.util.List::stream).toList());

    /** A teammate's plain name as the subject is read like a mention of them. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "Bob pushed the wrong config",
            "bob pushed the wrong config",
            "Alice Smith drained the wrong node",
            "Bob Jones ran the migration against prod",
            "Because Alice deleted the wrong bucket",
            "Bob accidentally pushed the wrong config",
            "Alice didn't check the diff",
            "@bob pushed the wrong config",
    })
    void aCauseWhoseSubjectIsATeammatesNameBlamesThem(String answer) {
        assertEquals(HumanErrorGuard.NAMED_SUBJECT,
                HumanErrorGuard.blame(answer, TEAM).map(BlamingWords.Word::name).orElse("nothing"));
        assertFalse(HumanErrorGuard.blames(answer.replace("@bob", "Carol")), "without the names it is not blame: " + answer);
    }

    /** A name that is not the acting subject names a thing, an object or someone's belonging. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "The Bob service crashed under load",
            "The alert paged Bob twenty minutes late",
            "Bob's dashboard had no latency panel",
            "Max connections were exhausted",
            "Alice Smith's runbook was out of date",
            "Bobcat pushed a bad image",
            "The config Alice reviewed had no schema",
    })
    void aNameThatIsNotTheActingSubjectIsNotBlame(String answer) {
        assertFalse(HumanErrorGuard.blames(answer, TEAM), answer);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "The error message was not human-readable",
            "The alert paged <@U024BE7LH> twenty minutes late",
            "No validation on the replica count field",
            "Deploys skip the canary when the pipeline is in hotfix mode",
    })
    void theOrdinarySentencesStaySafeWithNamesKnown(String answer) {
        assertFalse(HumanErrorGuard.blames(answer, TEAM), answer);
    }
}
