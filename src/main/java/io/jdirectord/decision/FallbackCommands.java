package io.jdirectord.decision;

import io.jdirectord.config.Config;
import io.jdirectord.config.VirtualService;
import io.jdirectord.config.VirtualServiceKey;
import io.jdirectord.decision.FallbackCommand.Action;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * When fallbackcommands run, as in ldirectord: "start" when a virtual service enters "no real server
 * up" (below its quorum, with the quorum extension: {@link Decision#withoutRealServers}), "stop" when it
 * leaves it, each only when it differs from the last action run for that service.
 * With no action run yet (start, reload, a new service) the current one runs, so that a restarted
 * daemon tells the command where things stand, as ldirectord does. Pure; the daemon runs the commands
 * and remembers what it ran.
 */
public final class FallbackCommands {

    private FallbackCommands() {}

    /**
     * @param config             the running configuration (which services have a fallbackcommand)
     * @param withoutRealServers {@link Decision#withoutRealServers()}
     * @param lastRun            the last action run per virtual service; missing = none yet
     * @return the commands to run, in configuration order
     */
    public static List<FallbackCommand> changes(
            Config config, Set<VirtualServiceKey> withoutRealServers, Map<VirtualServiceKey, Action> lastRun) {
        List<FallbackCommand> runs = new ArrayList<>();
        for (VirtualService virtual : config.virtualServices()) {
            if (virtual.fallbackCommand().isEmpty()) {
                continue;
            }
            Action wanted = withoutRealServers.contains(virtual.key()) ? Action.START : Action.STOP;
            if (lastRun.get(virtual.key()) != wanted) {
                runs.add(new FallbackCommand(virtual.key(), wanted, commandLine(virtual, wanted)));
            }
        }
        return runs;
    }

    static String commandLine(VirtualService virtual, Action action) {
        VirtualServiceKey key = virtual.key();
        String host = key.isFwmark() ? "" : key.endpoint().host();
        return virtual.fallbackCommand().orElseThrow() + " " + action.word() + " " + host + ":" + key.port() + " "
                + key.protocol().ldName();
    }
}
