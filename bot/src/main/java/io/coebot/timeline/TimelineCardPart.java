package io.coebot.timeline;

import io.coebot.coe.CardPart;
import io.coebot.coe.Coe;
import io.coebot.coe.CoeCardContributor;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;

/**
 * The timeline's lines on the COE card: how many entries and unexplained gaps, and the durations its milestones
 * give (time to detect, diagnose, mitigate, resolve), or why they cannot be given. "Show timeline" shows
 * `/coe timeline` to whoever presses it.
 */
@Singleton
class TimelineCardPart implements CoeCardContributor {
    static final String SHOW = "timeline.show";

    private final Timelines timelines;

    public TimelineCardPart(Timelines timelines) {
        this.timelines = timelines;
    }

    @Override
    public CardPart part(Coe coe) {
        Timeline t = timelines.of(coe.id());
        int entries = t.entries().size();
        long open = t.gaps().stream().filter(g -> !g.explained()).count();
        List<String> lines = new ArrayList<>();
        String mark = entries > 0 && open == 0 ? "✅" : "▫️";
        String counts = entries == 0 ? "no entries yet" : entries + (entries == 1 ? " entry" : " entries")
                + (open == 0 ? "" : ", " + open + (open == 1 ? " gap" : " gaps") + " to explain");
        lines.add(mark + " Timeline (" + counts + ")");
        String disorder = t.milestones().disorder();
        String durations = t.durations().summary();
        if (disorder != null) {
            lines.add("⚠️ " + disorder);
        } else if (!durations.isEmpty()) {
            lines.add("⏱️ " + durations);
        }
        return new CardPart(20, null, lines,
                List.of(new CardPart.Button(SHOW, "Show timeline", String.valueOf(coe.id()))));
    }
}
