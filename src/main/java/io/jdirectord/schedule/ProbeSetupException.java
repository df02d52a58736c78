package io.jdirectord.schedule;

import io.jdirectord.config.ProbeSpec;

/** The check of one probe could not be built (the factory refused its spec); its message is the factory's reason. */
public final class ProbeSetupException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;
    private final transient ProbeSpec probe;

    public ProbeSetupException(ProbeSpec probe, RuntimeException cause) {
        super(cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName(), cause);
        this.probe = probe;
    }

    /** The probe whose check could not be built. */
    public ProbeSpec probe() {
        return probe;
    }
}
