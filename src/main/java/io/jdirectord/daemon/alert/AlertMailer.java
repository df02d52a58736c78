package io.jdirectord.daemon.alert;

import java.io.IOException;

/** Delivers alerts. Blocking; callers run it on a virtual thread of its own. */
public interface AlertMailer {

    /** Delivers one alert or throws with a reason an operator can act on. */
    void send(Alert alert) throws IOException;
}
