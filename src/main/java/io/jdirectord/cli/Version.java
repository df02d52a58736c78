package io.jdirectord.cli;

import io.jdirectord.daemon.BuildInfo;
import picocli.CommandLine.IVersionProvider;

/** {@code jdirectord --version}. */
public final class Version implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"jdirectord " + BuildInfo.version(), "Health-checking monitor for Linux Virtual Server"};
    }
}
