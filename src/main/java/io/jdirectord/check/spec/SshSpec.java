package io.jdirectord.check.spec;

import io.jdirectord.config.ProbeSpec;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What an ssh check needs.
 *
 * @param probe  the check port, negotiatetimeout, maxreceive
 * @param login  the user; empty stops after the key exchange
 * @param passwd the password; empty offers none
 * @param sshKey the private key file to offer
 */
public record SshSpec(Probe probe, String login, String passwd, Optional<Path> sshKey) {

    public static SshSpec of(ProbeSpec spec) {
        return new SshSpec(
                Probe.negotiate(spec),
                spec.check().login(),
                spec.check().passwd(),
                spec.check().sshKey());
    }
}
