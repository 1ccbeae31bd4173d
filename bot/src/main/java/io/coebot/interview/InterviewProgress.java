package io.coebot.interview;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Progress per section for the COE card. Follow-ups that don't apply are not counted at all. */
final class InterviewProgress {

    private InterviewProgress() {
    }

    public static List<SectionProgress> of(InterviewState s) {
        Map<Section, int[]> counts = new EnumMap<>(Section.class);
        for (Section section : Section.values()) {
            counts.put(section, new int[3]);
        }
        for (Question q : Questions.all()) {
            if (!q.appliesGiven(s.answers())) {
                continue;
            }
            int[] c = counts.get(q.section());
            c[1]++;
            if (s.isAnswered(q.id())) {
                c[0]++;
            } else if (s.skipped().contains(q.id())) {
                c[2]++;
            }
        }
        List<SectionProgress> progress = new ArrayList<>();
        counts.forEach((section, c) -> progress.add(new SectionProgress(section, c[0], c[1], c[2])));
        return List.copyOf(progress);
    }
}
