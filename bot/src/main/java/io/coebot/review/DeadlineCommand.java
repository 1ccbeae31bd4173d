package io.coebot.review;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import io.coebot.actions.ActionCommandParser;
import io.coebot.actions.Dueness;
import io.coebot.coe.Coe;
import io.coebot.coe.Coes;
import io.coebot.slack.CoeSubcommand;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

/** `/coe deadline <date> <reason>`: the owner moves the COE's due date, saying why; without a date, shows it. */
@Singleton
class DeadlineCommand implements CoeSubcommand {
    private final Coes coes;
    private final ReviewService reviews;
    private final Deadlines deadlines;
    private final Clock clock;

    DeadlineCommand(Coes coes, ReviewService reviews, Deadlines deadlines, Clock clock) {
        this.coes = coes;
        this.reviews = reviews;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    @Override public String name() { return "deadline"; }
    @Override public String usage() { return "/coe deadline <YYYY-MM-DD> <why>"; }
    @Override public String description() { return "Move the date the COE is due to be published (set by its severity), with the reason"; }
    @Override public int helpOrder() { return 57; }

    @Override
    public Response handle(String args, SlashCommandRequest req, SlashCommandContext ctx) {
        var p = req.getPayload();
        Optional<Coe> found = coes.latestIn(p.getTeamId(), p.getChannelId());
        if (found.isEmpty()) {
            return ctx.ack(Coe.noneInChannel(null));
        }
        Coe coe = found.get();
        LocalDate today = clock.instant().atZone(deadlines.ownerZone(coe)).toLocalDate();
        if (args.isBlank()) {
            return ctx.ack(coe.label() + " is " + Dueness.words(deadlines.dueOn(coe), Dueness.Reader.on(today))
                    + ". The owner moves it with `" + usage() + "`, e.g. `/coe deadline " + today.plusDays(7)
                    + " waiting for the vendor's analysis`.");
        }
        String[] words = args.strip().split("\\s+", 2);
        LocalDate due = ActionCommandParser.readDate(words[0], today);
        if (due == null) {
            return ctx.ack("I could not read “" + words[0] + "” as a date. Write it as YYYY-MM-DD, e.g. `/coe deadline "
                    + today.plusDays(7) + " waiting for the vendor's analysis`.");
        }
        if (words.length < 2 || words[1].strip().length() < 3) {
            return ctx.ack("Say why the deadline moves, after the date, e.g. `/coe deadline " + due
                    + " waiting for the vendor's analysis`: the reason is recorded with the COE.");
        }
        return ctx.ack(reviews.setDeadline(coe, p.getUserId(), due, words[1].strip()));
    }
}
