package io.coebot.publish;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import io.coebot.coe.Coe;
import io.coebot.coe.Coes;
import io.coebot.slack.CoeSubcommand;
import io.coebot.slack.EchoedText;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** `/coe status`: what is done, missing and skipped, and the quality bar's verdict, only to whoever asked. */
@Singleton
class StatusCommand implements CoeSubcommand {
    private final Coes coes;
    private final CoeDocuments documents;
    private final ReviewGate review;
    private final Clock clock;
    private final java.util.List<StatusExtras> extras;

    public StatusCommand(Coes coes, CoeDocuments documents, ReviewGate review, Clock clock, java.util.List<StatusExtras> extras) {
        this.coes = coes;
        this.extras = extras;
        this.review = review;
        this.documents = documents;
        this.clock = clock;
    }

    @Override public String name() { return "status"; }
    @Override public String usage() { return "/coe status"; }
    @Override public String description() { return "What is done, missing and skipped, and whether the COE meets the quality bar"; }
    @Override public int helpOrder() { return 50; }

    @Override
    public Response handle(String args, SlashCommandRequest req, SlashCommandContext ctx) {
        var p = req.getPayload();
        Optional<Coe> coe = coes.latestIn(p.getTeamId(), p.getChannelId());
        if (coe.isEmpty()) {
            return ctx.ack(Coe.noneInChannel(null));
        }
        CoeDocument doc = documents.of(coe.get(), clock.instant());
        List<String> lifecycle = review.statusLines(coe.get(), clock.instant());
        extras.forEach(e -> e.afterStatus(coe.get(), p.getResponseUrl()));
        return ctx.ack((lifecycle.isEmpty() ? "" : String.join("\n", lifecycle) + "\n\n") + report(doc));
    }

    /** The status, the bar and the blame warnings as one message: also what `/coe finish` shows when the bar fails. */
    static String report(CoeDocument doc) {
        StringBuilder sb = new StringBuilder("*").append(doc.coe().label()).append(" · ").append(EchoedText.mrkdwn(doc.coe().title()))
                .append("*").append(doc.coe().status() == Coe.Status.PUBLISHED ? " (published)" : "").append('\n');
        for (SectionStatus s : CoeStatus.of(doc)) {
            String mark = switch (s.state()) {
                case "done" -> "✅";
                case "skipped" -> "⏭️";
                default -> "▫️";
            };
            sb.append(mark).append(' ').append(s.section()).append(" — ").append(s.state())
                    .append(s.detail() == null || s.detail().isBlank() ? "" : ": " + s.detail()).append('\n');
        }
        QualityVerdict verdict = QualityBar.check(doc);
        sb.append('\n').append(doc.coe().status() == Coe.Status.PUBLISHED ? published(verdict) : verdict(verdict));
        List<BlameWarning> blame = BlameCheck.scan(doc);
        if (!blame.isEmpty()) {
            sb.append("\n\n*Blame-free check:* ").append(blame.size()).append(" sentence").append(blame.size() == 1 ? "" : "s")
                    .append(" put the blame on a person:\n");
            blame.forEach(w -> sb.append("• _").append(w.where()).append(":_ “").append(EchoedText.mrkdwn(w.sentence())).append("” — ")
                    .append(w.hint()).append('\n'));
        }
        return sb.toString().strip();
    }

    /** After publishing, changes are published again with the same command, which edits the messages in place. */
    private static String published(QualityVerdict v) {
        String bar = v.passed() ? "*Quality bar: met.*" : verdict(v);
        return bar + "\n*Published.* `/coe finish` publishes your changes again, editing the published messages in place.";
    }

    static String verdict(QualityVerdict v) {
        if (v.passed()) {
            return "*Quality bar: met.* `/coe finish` publishes it.";
        }
        StringBuilder sb = new StringBuilder("*Quality bar: not met yet* (" + v.failed().size() + " to fix):\n");
        v.failed().forEach(c -> sb.append("• *").append(c.name()).append("*: ").append(c.fix()).append('\n'));
        return sb.toString().strip();
    }
}
