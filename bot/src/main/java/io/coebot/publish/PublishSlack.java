package io.coebot.publish;

import io.coebot.coe.Coe;
import io.coebot.coe.Coes;
import io.coebot.slack.EchoedText;
import io.coebot.slack.BlockKit;
import io.coebot.slack.Interaction;
import io.coebot.slack.SlackFeature;
import io.coebot.slack.SlackRegistry;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

/** "Publish anyway…": the COE owner states why, and the COE is published with that reason in it. */
@Singleton
class PublishSlack implements SlackFeature {
    static final String ANYWAY = "publish.anyway";
    static final String ANYWAY_VIEW = "publish.anyway-reason";

    private final Coes coes;
    private final FinishCommand finish;

    public PublishSlack(Coes coes, FinishCommand finish) {
        this.coes = coes;
        this.finish = finish;
    }

    @Override
    public void register(SlackRegistry slack) {
        slack.blockAction(ANYWAY, (req, ctx) -> {
            var p = req.getPayload();
            Interaction in = Interaction.of(req);
            Optional<Coe> coe = coes.find(in.id(0));
            if (coe.isEmpty() || !coe.get().ownerUserId().equals(in.userId())) {
                ctx.respond(r -> r.responseType("ephemeral").replaceOriginal(false)
                        .text("Only the COE owner can publish it before it meets the quality bar."));
                return ctx.ack();
            }
            ctx.client().viewsOpen(r -> r.triggerId(p.getTriggerId()).view(view(v -> v.type("modal").callbackId(ANYWAY_VIEW)
                    .privateMetadata(String.valueOf(coe.get().id()))
                    .title(viewTitle(t -> t.type("plain_text").text("Publish anyway")))
                    .submit(viewSubmit(s -> s.type("plain_text").text("Publish")))
                    .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                    .blocks(List.of(input(i -> i.blockId("reason").label(plainText("Why publish it now?"))
                            .hint(plainText("The published COE shows this reason next to what it still lacks."))
                            .element(plainTextInput(t -> t.actionId("reason").multiline(true).maxLength(2000)))))))));
            return ctx.ack();
        });
        slack.viewSubmission(ANYWAY_VIEW, (req, ctx) -> {
            var view = req.getPayload().getView();
            Interaction in = Interaction.of(req);
            var values = view.getState() == null || view.getState().getValues() == null ? null : view.getState().getValues().get("reason");
            var value = values == null || values.get("reason") == null ? null : values.get("reason").getValue();
            if (value == null || value.strip().length() < 10) {
                return ctx.ackWithErrors(Map.of("reason", "A sentence or two, please: readers will want to know why."));
            }
            Optional<Coe> coe = coes.find(in.id(0));
            if (coe.isEmpty() || !coe.get().ownerUserId().equals(in.userId())) {
                return ctx.ackWithErrors(Map.of("reason", "Only the COE owner can publish it before it meets the quality bar."));
            }
            // the COE appearing in the channel is the answer; the form just closes
            finish.publish(coe.get(), in.userId(), EchoedText.typed(value.strip()));
            return ctx.ack();
        });
    }
}
