package io.coebot.slack;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Which question a reply in a conversation's thread was written under. A question's message reaches Slack a moment
 * after it is decided; a reply written in that moment was typed with the previous question on screen. So a reply
 * is dated against the questions' ts, and while the newest question has none yet, replies are held and replayed
 * once it has; a question Slack will never show is dated {@link MessageTs#NEVER_POSTED}. Pure (no Slack calls, no clock): the interview and the 5 Whys keep their own states and replies,
 * and name here how to read a ts from them.
 */
public final class WrittenUnder {
    private WrittenUnder() {
    }

    /**
     * Whether the reply was typed before the question at {@code questionTs} was on screen (so under the one before);
     * not while either ts is unknown.
     */
    public static boolean beforeQuestion(MessageTs replyTs, MessageTs questionTs) {
        return replyTs != null && questionTs != null && replyTs.isBefore(questionTs);
    }

    /** The newest of the questions asked (in the order asked) that Slack had shown before the reply was written. */
    public static <Q> Optional<Q> question(List<Q> asked, MessageTs replyTs, Function<Q, MessageTs> tsOf) {
        Q found = null;
        for (Q q : asked) {
            if (beforeQuestion(tsOf.apply(q), replyTs)) {
                found = q;
            }
        }
        return Optional.ofNullable(found);
    }

    /** Held replies stay in ts order: that is the order they were written in, and the order they apply in. */
    public static <R> List<R> hold(List<R> held, R reply, Function<R, MessageTs> tsOf) {
        List<R> more = new ArrayList<>(held);
        int i = 0;
        while (i < more.size() && !beforeQuestion(tsOf.apply(reply), tsOf.apply(more.get(i)))) {
            i++;
        }
        more.add(i, reply);
        return more;
    }

    /** Where the reply written at {@code ts} is held, or -1 (Slack can deliver one message twice: it counts once). */
    public static <R> int indexOf(List<R> held, MessageTs ts, Function<R, MessageTs> tsOf) {
        for (int i = 0; i < held.size(); i++) {
            if (ts != null && ts.equals(tsOf.apply(held.get(i)))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The question's ts is known: the held replies apply, oldest first, to {@code state} (which holds none of them
     * any more). One of them may ask a new question, whose ts is unknown again ({@code awaiting}): the rest are held
     * for that one.
     */
    public static <S, R> S replay(S state, List<R> held, Predicate<S> awaiting, BiFunction<S, R, S> hold,
                                  BiFunction<S, R, S> apply) {
        S current = state;
        for (R reply : held) {
            current = awaiting.test(current) ? hold.apply(current, reply) : apply.apply(current, reply);
        }
        return current;
    }
}
