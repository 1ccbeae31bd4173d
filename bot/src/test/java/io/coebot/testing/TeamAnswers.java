package io.coebot.testing;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A plausible answer to every interview question, as a team would type it, its four times on {@code day}. */
public final class TeamAnswers {
    private TeamAnswers() {
    }

    public static Map<String, String> on(LocalDate day) {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("trigger_at", day + " 14:05 UTC");
        a.put("detected_at", day + " 14:43 UTC");
        a.put("mitigated_at", day + " 15:20 UTC");
        a.put("resolved_at", day + " 16:00 UTC");
        a.put("severity", "sev2");
        a.put("services", "checkout and payments API");
        a.put("customers_affected", "about 1,200");
        a.put("customer_experience", "checkout failed with an error page");
        a.put("impact_severity", "No data lost; 40 orders were charged twice and refunded");
        a.put("second_order_impact", "The support queue tripled for a day");
        a.put("nfr", "reliability and perf");
        a.put("consequences", "Two enterprise customers asked for a review");
        a.put("detection_how", "monitoring");
        a.put("detection_halve", "Alarm on checkout errors, not only latency");
        a.put("underlying_cause", "A config change removed the payments timeout");
        a.put("internal_activity", "no");
        a.put("activity_announced", "yes");
        a.put("owner_knew", "Yes, they approved the window");
        a.put("backlog_task", "There was one; it kept losing to feature work");
        a.put("diagnosis_halve", "Link the deploy log from the alarm");
        a.put("mitigated_confirm", "yes");
        a.put("restored_how", "the checkout error rate stayed at baseline for 30 minutes");
        a.put("mitigation_found", "the deploy log showed the config change, so we rolled it back");
        a.put("mitigation_halve", "One-click config rollback");
        a.put("prevention", "validate the config schema so a timeout can't be empty");
        a.put("metrics", "https://dash.example/checkout-errors");
        a.put("monitoring_how", "Error-rate alarm per region");
        a.put("lessons", "Config changes need the same review as code");
        a.put("related", "none");
        a.put("summary", "accept");
        return Collections.unmodifiableMap(a);
    }
}
