package io.coebot.actions;

import java.util.List;
import java.util.Set;

/**
 * Where the daily digest learns which COEs people should finish or review. The review feature builds on action
 * items, so this feature names what it needs and the review feature provides it.
 */
public interface CoeReminders {

    /** Workspaces with a COE not yet published. */
    Set<String> teams();

    /** Every reminder of this workspace: one per (person, COE), for COEs not yet published. */
    List<CoeReminder> of(String teamId);
}
