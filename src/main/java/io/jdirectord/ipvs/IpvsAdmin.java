package io.jdirectord.ipvs;

import java.util.List;

/**
 * Kernel-wide IPVS settings beyond the service table: version, connection sync daemons, connection
 * timeouts, and flushing. Nothing here is called implicitly by a table implementation.
 */
public interface IpvsAdmin {

    IpvsInfo info() throws IpvsException;

    /** The running sync daemons: none, a master, a backup, or both. */
    List<SyncDaemon> syncDaemons() throws IpvsException;

    /** Starts a daemon; fails with EEXIST when one of that state already runs. */
    void startSyncDaemon(SyncDaemon daemon) throws IpvsException;

    /** Stops the daemon of that state; fails with ESRCH when none runs. */
    void stopSyncDaemon(SyncDaemon.State state) throws IpvsException;

    IpvsTimeouts timeouts() throws IpvsException;

    /** Sets the non-zero timeouts and leaves the zero ones unchanged. */
    void setTimeouts(IpvsTimeouts timeouts) throws IpvsException;

    /** Removes every service and destination (ipvsadm -C). */
    void flush() throws IpvsException;
}
