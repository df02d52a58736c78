package io.jdirectord.check.spec;

import io.jdirectord.config.CheckSpec;
import io.jdirectord.config.CheckType;
import io.jdirectord.config.ProbeSpec;
import io.jdirectord.config.ServiceKind;
import io.jdirectord.config.VirtualServiceKey;

/**
 * What an external or external-perl check needs: the program, and what it is told about the probe.
 *
 * @param probe         the real's address, the check port, checktimeout, maxreceive (bounds the output kept)
 * @param realPort      the real's configured port
 * @param virtual       the virtual service the real belongs to
 * @param perl          whether the program is run by /usr/bin/perl (external-perl)
 * @param command       checkcommand
 * @param dynamicWeight whether exit codes 2..255 mean up with weight code-2
 * @param service       the service, passed on to the program
 * @param request       the request, passed on
 * @param receive       the receive, passed on
 * @param login         the login, passed on
 * @param passwd        the password, passed on
 */
public record ExternalSpec(
        Probe probe,
        int realPort,
        VirtualServiceKey virtual,
        boolean perl,
        String command,
        boolean dynamicWeight,
        ServiceKind service,
        String request,
        String receive,
        String login,
        String passwd) {

    /** @throws IllegalArgumentException when {@code spec} lacks its virtual service */
    public static ExternalSpec of(ProbeSpec spec) {
        CheckSpec check = spec.check();
        VirtualServiceKey virtual = spec.virtual()
                .orElseThrow(() -> new IllegalArgumentException("an external check needs its virtual service"));
        return new ExternalSpec(
                Probe.connect(spec),
                spec.real().port(),
                virtual,
                check.type() == CheckType.EXTERNAL_PERL,
                check.checkCommand(),
                check.dynamicWeight(),
                check.service(),
                check.request(),
                check.receive(),
                check.login(),
                check.passwd());
    }
}
