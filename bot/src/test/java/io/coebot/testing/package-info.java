/**
 * What only the tests need on top of the shared fake Slack ({@link io.coebot.sandbox.slack}):
 * {@link io.coebot.testing.RunningApp} (the real app on a random port) and
 * {@link io.coebot.testing.EndToEnd} (the JUnit base class of the end-to-end stories).
 */
package io.coebot.testing;
