package io.jdirectord.check.spec;

import io.jdirectord.config.ProbeSpec;

/**
 * What an ftp check needs.
 *
 * @param probe   the check port, negotiatetimeout, maxreceive
 * @param login   the user; empty logs in as anonymous
 * @param passwd  the password
 * @param request the file to fetch
 * @param receive the regular expression the file's content must match; empty means no content check
 */
public record FtpSpec(Probe probe, String login, String passwd, String request, String receive) {

    public static FtpSpec of(ProbeSpec spec) {
        return new FtpSpec(
                Probe.negotiate(spec),
                spec.check().login(),
                spec.check().passwd(),
                spec.check().request(),
                spec.check().receive());
    }
}
