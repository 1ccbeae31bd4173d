package io.coebot.learning;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One page of a ranked or ordered list as one person may see it: rows are read in batches from a position, those of
 * private channels the person is not in are passed over (never counted or hinted at: that such a row exists is itself
 * private), and the next page starts after the last row read. Bounded, so one answer costs a bounded number of channel
 * lookups however many rows the person may not see.
 *
 * @param next where the next page starts, or -1 when there is nothing more
 */
record VisiblePage<T>(List<T> shown, int next) {
    private static final int MAX_BATCHES = 10;

    boolean more() {
        return next >= 0;
    }

    /** @param source rows {@code (offset, limit)} in order */
    static <T> VisiblePage<T> read(BiFunction<Integer, Integer, List<T>> source, Function<T, String> channelOf,
                                   ChannelVisibility visibility, int from, int size, int batch) {
        List<T> shown = new ArrayList<>();
        int at = from;
        for (int b = 0; b < MAX_BATCHES; b++) {
            List<T> rows = source.apply(at, batch);
            for (T row : rows) {
                if (shown.size() == size) {
                    return new VisiblePage<>(shown, at);
                }
                at++;
                if (visibility.canSee(channelOf.apply(row))) {
                    shown.add(row);
                }
            }
            if (rows.size() < batch) {
                return new VisiblePage<>(shown, -1);
            }
        }
        return new VisiblePage<>(shown, at);
    }
}
