package io.jdirectord.ipvs;

/**
 * The kernel-wide settings a configuration can ask for (connection sync daemons, connection timeouts),
 * each put in force only when the kernel differs. Implementations: {@link AdminKernelSettings} over the
 * kernel's {@link IpvsAdmin}, and {@link DryRunKernelSettings}, which changes nothing, for
 * {@code --dry-run} and tests.
 */
public interface IpvsKernelSettings {

    /** What a request did. */
    enum Outcome {
        /** The kernel was changed. */
        APPLIED,
        /** The kernel already had the setting. */
        UNCHANGED,
        /** Nothing was read or changed: a dry run. */
        DRY_RUN
    }

    /**
     * Runs {@code wanted}: (re)started when no daemon of its state runs, or one runs with another
     * interface or sync id.
     */
    Outcome syncDaemon(SyncDaemon wanted) throws IpvsException;

    /** Sets the non-zero timeouts of {@code wanted} when one of them differs from the kernel's. */
    Outcome timeouts(IpvsTimeouts wanted) throws IpvsException;
}
