package io.coebot.coe;

/** A feature's part of the COE card, computed inside the transaction that changed it. */
public interface CoeCardContributor {
    CardPart part(Coe coe);
}
