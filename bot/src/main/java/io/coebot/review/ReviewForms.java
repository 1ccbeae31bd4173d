package io.coebot.review;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;

import java.util.ArrayList;
import java.util.List;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.multiUsersSelect;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.block.element.BlockElements.staticSelect;

/** The review's modals: pick reviewers; request changes or comment on a section. */
final class ReviewForms {
    static final String ASK = "review.ask-form";
    static final String NOTE = "review.note-form";
    /** Section of the COE a note is about when it is about the whole. */
    static final String WHOLE = "The whole COE";

    private ReviewForms() {
    }

    /** Who should review; private metadata: the COE's id. */
    static View ask(long coeId, String label) {
        return modal(ASK, "Request review", "Ask them", String.valueOf(coeId), List.of(
                input(i -> i.blockId("reviewers").label(plainText("Who should review " + label + "?"))
                        .hint(plainText("Each gets a DM with the draft and Approve / Request changes / Comment."))
                        .element(multiUsersSelect(u -> u.actionId("reviewers").placeholder(plainText("Pick people")))))));
    }

    /**
     * A change request or a comment; private metadata: COE id | round | kind. The round makes a form opened from an
     * out-of-date DM fail at submission, the same as its buttons.
     */
    static View note(long coeId, int round, ReviewNote.Kind kind, String label) {
        boolean changes = kind == ReviewNote.Kind.CHANGES;
        List<LayoutBlock> blocks = new ArrayList<>();
        List<String> sections = new ArrayList<>(List.of(WHOLE));
        sections.addAll(ReviewMessages.SECTIONS);
        blocks.add(input(i -> i.blockId("section").label(plainText("Which part of " + label + "?"))
                .element(staticSelect(s -> s.actionId("section").initialOption(option(plainText(WHOLE), WHOLE))
                        .options(sections.stream().map(x -> option(plainText(x), x)).toList())))));
        blocks.add(input(i -> i.blockId("text").label(plainText(changes ? "What should change?" : "Your comment"))
                .hint(plainText("Posted in the COE card's thread for the team to read."))
                .element(plainTextInput(t -> t.actionId("text").multiline(true).maxLength(3000)))));
        return modal(NOTE, changes ? "Request changes" : "Comment", changes ? "Request changes" : "Comment",
                coeId + "|" + round + "|" + kind.name().toLowerCase(java.util.Locale.ROOT), blocks);
    }

    private static View modal(String callbackId, String title, String submit, String meta, List<LayoutBlock> blocks) {
        return io.coebot.slack.BlockKit.modal(callbackId, title, submit, meta, blocks);
    }
}
