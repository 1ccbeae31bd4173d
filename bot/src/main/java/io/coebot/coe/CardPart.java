package io.coebot.coe;

import java.util.List;

/**
 * What one feature shows on the COE card: a status phrase (or null), lines of progress, buttons.
 * Features contribute parts through {@link CoeCardContributor}; the card does not know them.
 */
public record CardPart(int order, String status, List<String> lines, List<Button> buttons) {
    public record Button(String actionId, String label, String value) {}
}
