package io.coebot.interview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class QuestionsTest {

    /** The ids are stored with every answer; renaming one would orphan the answers already saved. */
    @Test
    void questionIdsAndKindsAreStable() {
        List<String> catalogue = Questions.all().stream().map(q -> q.id() + ":" + q.section() + ":" + q.kind()).toList();

        assertEquals(List.of(
                "trigger_at:BASICS:TIME", "detected_at:BASICS:TIME", "mitigated_at:BASICS:TIME",
                "resolved_at:BASICS:TIME", "severity:BASICS:CHOICE", "services:BASICS:TEXT",
                "customers_affected:IMPACT:TEXT", "customer_experience:IMPACT:TEXT", "impact_severity:IMPACT:TEXT",
                "second_order_impact:IMPACT:TEXT", "nfr:IMPACT:MULTI_CHOICE", "consequences:IMPACT:TEXT",
                "detection_how:DETECTION:CHOICE", "detection_halve:DETECTION:TEXT",
                "underlying_cause:DIAGNOSIS:TEXT", "internal_activity:DIAGNOSIS:YES_NO",
                "activity_announced:DIAGNOSIS:YES_NO", "owner_knew:DIAGNOSIS:TEXT", "backlog_task:DIAGNOSIS:TEXT",
                "diagnosis_halve:DIAGNOSIS:TEXT",
                "mitigated_confirm:MITIGATION:CONFIRM_TIME", "restored_how:MITIGATION:TEXT",
                "mitigation_found:MITIGATION:TEXT", "mitigation_halve:MITIGATION:TEXT",
                "prevention:PREVENTION:TEXT", "metrics:METRICS:TEXT", "monitoring_how:METRICS:TEXT",
                "lessons:LESSONS:TEXT", "related:RELATED:TEXT", "summary:SUMMARY:SUMMARY"), catalogue);
    }

    @Test
    void onlyTheThreeFollowUpsDependOnInternalActivity() {
        List<String> conditional = Questions.all().stream().filter(Question::isConditional).map(Question::id).toList();

        assertEquals(List.of("activity_announced", "owner_knew", "backlog_task"), conditional);
        assertTrue(Questions.all().stream().filter(Question::isConditional)
                .allMatch(q -> q.onlyIfQuestion().equals("internal_activity") && q.onlyIfValue().equals("yes")));
    }

    @Test
    void anUnknownIdIsRefusedByByIdAndEmptyFromFind() {
        assertThrows(IllegalArgumentException.class, () -> Questions.byId("root_cause"));
        assertTrue(Questions.find("root_cause").isEmpty());
        assertEquals("Severity", Questions.byId("severity").label());
    }
}
