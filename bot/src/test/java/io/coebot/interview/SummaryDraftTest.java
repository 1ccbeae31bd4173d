package io.coebot.interview;

import io.coebot.slack.MessageTs;

import static io.coebot.interview.Conversation.assertContains;
import static io.coebot.interview.Conversation.assertLacks;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SummaryDraftTest {

    @Test
    void aFullInterviewReadsAsOneExecutiveParagraph() {
        Conversation c = Conversation.started().answerUntil("summary");

        assertEquals("From 14:05 to 15:20 UTC on Thu 19 Nov 2026, checkout and payments API had a SEV2 incident. "
                + "About 1,200 customers were impacted. Checkout failed with an error page. "
                + "Our monitoring detected it 38 minutes after the trigger. "
                + "Impact was mitigated 1 hour 15 minutes after the trigger. "
                + "The deploy log showed the config change, so we rolled it back. "
                + "Recovery was confirmed: the checkout error rate stayed at baseline for 30 minutes. "
                + "To prevent it happening again: validate the config schema so a timeout can't be empty.",
                SummaryDraft.from(c.state));
    }

    @Test
    void withNothingAnsweredItOnlyPointsToTheFiveWhys() {
        String draft = SummaryDraft.from(Interview.begin(Conversation.NOW).state());

        assertEquals("The 5 Whys will determine how to prevent it happening again.", draft);
    }

    @Test
    void sparseAnswersAreLeftOutGracefully() {
        String draft = SummaryDraft.from(stateWith(Map.of(
                "trigger_at", "2026-11-19T14:05:00Z",
                "services", "search")));

        assertEquals("Starting Thu 19 Nov 2026 14:05 UTC, search had an incident. "
                + "The 5 Whys will determine how to prevent it happening again.", draft);
        assertLacks(draft, "null");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "severity only            | severity            | SEV3                   | There was a SEV3 incident.",
            "experience only          | customer_experience | pages loaded slowly    | Pages loaded slowly.",
            "something customers saw  | customer_experience | a 502 page when paying | Customers saw a 502 page when paying.",
            "customers in words       | customers_affected  | all EU merchants       | It affected all EU merchants.",
            "a count of customers     | customers_affected  | about 12,000 customers | About 12,000 customers were impacted.",
            "customers beyond a count | customers_affected  | unknown so far         | Customers affected: unknown so far.",
            "customer report          | detection_how       | customer_report        | A customer reported it.",
            "free-text detection      | detection_how       | QA saw it in canary    | It was detected (QA saw it in canary).",
            "mitigation end only      | mitigated_at        | 2026-11-19T15:20:00Z   | Until Thu 19 Nov 2026 15:20 UTC, there was an incident.",
            "prevention               | prevention          | Validate configs.      | To prevent it happening again: validate configs.",
    })
    void eachAnswerOnItsOwnMakesASentence(String name, String questionId, String value, String sentence) {
        String draft = SummaryDraft.from(stateWith(Map.of(questionId, value)));

        assertContains(draft, sentence);
        assertLacks(draft, "null");
        assertLacks(draft, "..");
    }

    @Test
    void anIncidentAcrossMidnightSpellsOutBothDays() {
        String draft = SummaryDraft.from(stateWith(Map.of(
                "trigger_at", "2026-11-19T23:10:00Z",
                "detected_at", "2026-11-20T00:40:00Z",
                "mitigated_at", "2026-11-20T03:00:00Z")));

        assertContains(draft, "From Thu 19 Nov 2026 23:10 UTC to Fri 20 Nov 2026 03:00 UTC, there was an incident.");
        assertContains(draft, "It was detected 1 hour 30 minutes after the trigger.");
        // measured from the trigger, as the COE's header and card measure it (FromTrigger)
        assertContains(draft, "Impact was mitigated 3 hours 50 minutes after the trigger.");
    }

    @Test
    void withoutADetectionTimeTheTimeToMitigateIsCountedFromTheTrigger() {
        String draft = SummaryDraft.from(stateWith(Map.of(
                "trigger_at", "2026-11-19T14:05:00Z",
                "mitigated_at", "2026-11-19T15:20:00Z")));

        assertContains(draft, "Impact was mitigated 1 hour 15 minutes after the trigger.");
    }

    @Test
    void multiLineAnswersBecomeOneLine() {
        String draft = SummaryDraft.from(stateWith(Map.of("services", "checkout\nand search")));

        assertEquals("Checkout and search had an incident. The 5 Whys will determine how to prevent it happening again.",
                draft);
    }

    @ParameterizedTest
    @CsvSource({"0,less than a minute", "1,1 minute", "38,38 minutes", "60,1 hour", "75,1 hour 15 minutes",
            "1500,1 day 1 hour", "2880,2 days"})
    void durationsReadNaturally(long minutes, String expected) {
        assertEquals(expected, IncidentTime.duration(java.time.Duration.ofMinutes(minutes)));
    }

    private static InterviewState stateWith(Map<String, String> values) {
        Map<String, Answer> answers = new LinkedHashMap<>();
        values.forEach((id, value) -> answers.put(id, new Answer(id,
                List.of(new Contribution("U1", value, new MessageTs("1.000000"), Instant.parse("2026-11-20T09:00:00Z"))), value)));
        return new InterviewState(InterviewStatus.IN_PROGRESS, "summary", null, null, answers, List.of(), List.of(),
                true, List.of());
    }
}
