package io.jdirectord.ipvs;

/**
 * {@link IpvsKernelSettings} for {@code --dry-run} and tests, beside the {@link DryRunIpvsTable}: never
 * reads nor changes the kernel and answers {@link Outcome#DRY_RUN} to every request, so the caller logs
 * each setting as the ipvsadm command it stands for. Thread-safe.
 */
public final class DryRunKernelSettings implements IpvsKernelSettings {

    @Override
    public Outcome syncDaemon(SyncDaemon wanted) {
        return Outcome.DRY_RUN;
    }

    @Override
    public Outcome timeouts(IpvsTimeouts wanted) {
        return Outcome.DRY_RUN;
    }
}
