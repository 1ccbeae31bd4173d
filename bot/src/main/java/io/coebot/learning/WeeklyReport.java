package io.coebot.learning;

import io.coebot.slack.EchoedText;
import io.coebot.timeline.TimelineTime;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The weekly report's figures and their text. COEs of private channels are in the counts but never named: a
 * reader of the report channel may not be a member. Pure: the figures are gathered by {@link WeeklyReports}.
 */
record WeeklyReport(ReportWeek week, ZoneId zone, List<ReportStore.Named> opened, List<ReportStore.Named> published,
                    List<ReportStore.Named> overdue, List<ReportStore.Item> itemsCreated,
                    List<ReportStore.Item> itemsClosed, List<ReportStore.Item> itemsOverdue,
                    TrendMedians.Trend trend, List<RootCauseThemes.Theme> themes, java.util.Set<String> publicChannels) {

    static final int THEMES = 5;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ROOT);

    String title() {
        return "📊 COE weekly report, " + DAY.format(week.start().atZone(zone)) + " – " + DAY.format(week.end().atZone(zone))
                + " (" + zone.getId() + ")";
    }

    String text(boolean chartAttached) {
        StringBuilder sb = new StringBuilder("*").append(title()).append("*\n\n");
        sb.append("*COEs*\n");
        sb.append("• Opened: ").append(coes(opened)).append('\n');
        sb.append("• Published: ").append(coes(published)).append('\n');
        sb.append("• Overdue: ").append(coes(overdue)).append('\n');
        sb.append("\n*Action items*\n");
        sb.append("• Created: ").append(items(itemsCreated)).append('\n');
        sb.append("• Closed: ").append(items(itemsClosed)).append('\n');
        sb.append("• Overdue: ").append(items(itemsOverdue)).append('\n');
        sb.append("\n*Last ").append(TrendMedians.WEEKS).append(" weeks*\n");
        sb.append("• Median time to detect: ").append(duration(trend.detect())).append('\n');
        sb.append("• Median time to mitigate: ").append(duration(trend.mitigate())).append('\n');
        sb.append(chartAttached ? "• The weekly trend is in the chart below.\n"
                : "• The weekly trend chart is posted with the weekly report in the report channel.\n");
        sb.append("\n*Root-cause themes this quarter*\n");
        if (themes.isEmpty()) {
            sb.append("• None written yet.\n");
        }
        for (RootCauseThemes.Theme t : themes) {
            sb.append("• ").append(EchoedText.mrkdwn(t.words())).append(" — ").append(t.coes())
                    .append(t.coes() == 1 ? " COE" : " COEs").append('\n');
        }
        return sb.toString().strip();
    }

    /** "3 (COE-4 · Title, COE-5 · Title, and 1 in a private channel)". */
    String coes(List<ReportStore.Named> list) {
        if (list.isEmpty()) {
            return "0";
        }
        List<String> named = new ArrayList<>();
        int hidden = 0;
        for (ReportStore.Named c : list) {
            if (publicChannels.contains(c.channelId())) {
                named.add("COE-" + c.number() + " · " + EchoedText.mrkdwn(c.title()) + " in <#" + c.channelId() + ">");
            } else {
                hidden++;
            }
        }
        if (hidden > 0) {
            named.add(hidden + (hidden == 1 ? " in a private channel" : " in private channels"));
        }
        return list.size() + " (" + String.join(", ", named) + ")";
    }

    /** "4 (<@U1> 3, <@U2> 1)": by owner, most first. */
    static String items(List<ReportStore.Item> list) {
        if (list.isEmpty()) {
            return "0";
        }
        Map<String, Integer> byOwner = new TreeMap<>();
        list.forEach(i -> byOwner.merge(i.owner(), 1, Integer::sum));
        List<String> parts = byOwner.entrySet().stream()
                .sorted((a, b) -> !a.getValue().equals(b.getValue()) ? b.getValue() - a.getValue() : a.getKey().compareTo(b.getKey()))
                .map(e -> "<@" + e.getKey() + "> " + e.getValue()).toList();
        return list.size() + " (" + String.join(", ", parts) + ")";
    }

    static String duration(Duration d) {
        return d == null ? "not known (no incident gave both times)" : TimelineTime.duration(d);
    }
}
