package io.coebot.publish;

import io.coebot.coe.Coe;

/** Something another feature adds after `/coe status` (the learning feature: related COEs), sent to its response_url. */
public interface StatusExtras {
    void afterStatus(Coe coe, String responseUrl);
}
