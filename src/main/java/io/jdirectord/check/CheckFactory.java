package io.jdirectord.check;

import io.jdirectord.config.ProbeSpec;

/** Makes the {@link Check} that carries out a probe specification. */
public interface CheckFactory {

    /**
     * @throws IllegalArgumentException when the spec names a check this build cannot perform (the
     *                                  message names the service); configurations are validated against
     *                                  this at load time
     */
    Check create(ProbeSpec spec);
}
