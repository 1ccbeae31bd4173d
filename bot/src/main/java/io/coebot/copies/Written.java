package io.coebot.copies;

/** A copy as its place has it now: its id there and the link a reader follows. */
record Written(String remoteId, String url) {}
