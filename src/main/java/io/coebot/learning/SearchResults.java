package io.coebot.learning;

import java.util.ArrayList;
import java.util.List;

/**
 * One page of a search as a person may see it: ranked hits are read in batches and those of private channels the
 * person is not in are passed over (never counted or hinted at: that a private COE matches is itself private).
 *
 * @param next the position in the ranked hits to go on from, or -1 when there is nothing more
 */
record SearchResults(List<SearchHit> hits, int next) {
    static final int PAGE = 10;
    private static final int BATCH = 30;
    /** Bounds the channel lookups one answer can cost when most hits are in channels the person is not in. */
    private static final int MAX_BATCHES = 10;

    interface Source {
        List<SearchHit> find(int offset, int limit);
    }

    static SearchResults page(Source source, ChannelVisibility visibility, int from) {
        List<SearchHit> shown = new ArrayList<>();
        int at = from;
        for (int batch = 0; batch < MAX_BATCHES; batch++) {
            List<SearchHit> hits = source.find(at, BATCH);
            for (SearchHit hit : hits) {
                at++;
                if (visibility.canSee(hit.channelId())) {
                    shown.add(hit);
                    if (shown.size() == PAGE) {
                        return new SearchResults(shown, at);
                    }
                }
            }
            if (hits.size() < BATCH) {
                return new SearchResults(shown, -1);
            }
        }
        return new SearchResults(shown, at);
    }
}
