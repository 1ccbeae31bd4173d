package io.coebot.interview;

import io.coebot.coe.Coe;

/**
 * The interview has just asked for the COE's *Related items* (in the transaction that moved it there): the learning
 * feature answers with earlier COEs like this one once that transaction commits.
 */
public record RelatedItemsAsked(Coe coe) {
}
