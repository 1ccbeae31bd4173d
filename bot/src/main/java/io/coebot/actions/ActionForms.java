package io.coebot.actions;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import io.coebot.whys.CauseRef;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.datePicker;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.block.element.BlockElements.staticSelect;
import static com.slack.api.model.block.element.BlockElements.usersSelect;

/** The modals of action items: a new item, a new due date, a reason for won't do, a new owner. */
final class ActionForms {
    static final String CREATE = "actions.create";
    static final String DUE = "actions.due";
    static final String WONT_DO = "actions.wont-do-reason";
    static final String REASSIGN = "actions.new-owner";
    /** Slack's plain_text_input holds at most 3,000 characters. */
    private static final int TEXT_MAX = 3000;

    private ActionForms() {
    }

    /**
     * What the form starts with; {@code causeRef} (a 5 Whys draft) travels in private_metadata, and so does
     * {@code listUrl}, the response_url of the `/coe actions` list it was opened from (null otherwise), so that list
     * can be replaced once the item exists.
     */
    record Prefill(long coeId, String text, String owner, Priority priority, LocalDate due, CauseRef causeRef, String listUrl,
                   String tracker) {
        Prefill(long coeId, String text, String owner, Priority priority, LocalDate due, CauseRef causeRef, String listUrl) {
            this(coeId, text, owner, priority, due, causeRef, listUrl, null);
        }
    }

    static View create(Prefill p) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(input(i -> i.blockId("text").label(plainText("What needs doing"))
                .hint(plainText("Specific and achievable: someone can say when it is done."))
                .element(plainTextInput(t -> t.actionId("text").multiline(true).maxLength(TEXT_MAX)
                        .initialValue(blankToNull(p.text()))))));
        blocks.add(input(i -> i.blockId("owner").label(plainText("Owner"))
                .hint(plainText("One person, who will get a reminder on weekday mornings until it is done."))
                .element(usersSelect(u -> u.actionId("owner").placeholder(plainText("Pick a person"))
                        .initialUser(p.owner())))));
        blocks.add(input(i -> i.blockId("priority").label(plainText("Priority"))
                .element(staticSelect(s -> s.actionId("priority").options(priorities())
                        .initialOption(option(plainText(label(p.priority())), p.priority().key()))))));
        blocks.add(input(i -> i.blockId("due").label(plainText("Due date"))
                .element(datePicker(d -> d.actionId("due").initialDate(p.due().toString())))));
        blocks.add(input(i -> i.blockId("type").label(plainText("Type")).optional(true)
                .element(staticSelect(s -> s.actionId("type").placeholder(plainText("Detection, diagnosis…"))
                        .options(Arrays.stream(ActionType.values()).map(t -> option(plainText(label(t)), t.key())).toList())))));
        blocks.add(input(i -> i.blockId("tracker").label(plainText("Tracker link")).optional(true)
                .hint(plainText("An existing issue (its link or key) to link instead of creating one; empty: the channel's tracker gets a new issue, if it has one."))
                .element(plainTextInput(t -> t.actionId("tracker").placeholder(plainText("https://… or OPS-42"))
                        .initialValue(blankToNull(p.tracker()))))));
        // the cause's text is looked up again on submit: private_metadata holds 3,000 characters at most
        String meta = p.coeId() + "|" + (p.causeRef() == null ? "" : p.causeRef()) + (p.listUrl() == null ? "" : "|" + p.listUrl());
        return modal(CREATE, "New action item", "Add", meta, blocks);
    }

    static View due(long itemId, LocalDate current) {
        return modal(DUE, "Change the due date", "Save", String.valueOf(itemId), List.of(
                input(i -> i.blockId("due").label(plainText("New due date"))
                        .element(datePicker(d -> d.actionId("due").initialDate(current.toString()))))));
    }

    static View wontDo(long itemId) {
        return modal(WONT_DO, "Won't do", "Close the item", String.valueOf(itemId), List.of(
                input(i -> i.blockId("reason").label(plainText("Why won't it be done?"))
                        .hint(plainText("The COE keeps the reason, so a reader knows it was a decision."))
                        .element(plainTextInput(t -> t.actionId("reason").multiline(true).maxLength(TEXT_MAX))))));
    }

    static View reassign(long itemId) {
        return modal(REASSIGN, "New owner", "Reassign", String.valueOf(itemId), List.of(
                input(i -> i.blockId("owner").label(plainText("Who owns it now?"))
                        .element(usersSelect(u -> u.actionId("owner").placeholder(plainText("Pick a person")))))));
    }

    /** The value a person left in a field: text, a picked option's value, a user or a date; null when empty. */
    static String value(ViewState state, String block) {
        return io.coebot.slack.FormValues.one(state, block);
    }

    private static View modal(String callbackId, String title, String submit, String meta, List<LayoutBlock> blocks) {
        return io.coebot.slack.BlockKit.modal(callbackId, title, submit, meta, blocks);
    }

    private static List<OptionObject> priorities() {
        return Arrays.stream(Priority.values()).map(p -> option(plainText(label(p)), p.key())).toList();
    }

    private static String label(Enum<?> e) {
        String k = e.name().toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(k.charAt(0)) + k.substring(1);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
