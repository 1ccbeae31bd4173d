package io.coebot.coe;

/**
 * The COE card is in the channel for the first time, published inside the transaction that
 * recorded its ts. The interview starts here: its thread exists only from now on.
 */
public record CardPosted(Coe coe) {}
