package io.coebot.graphs;

import io.micronaut.core.annotation.Introspected;

/** A figure's pixels alone, read when it is uploaded. */
@Introspected
record GraphPng(byte[] png) {
}
