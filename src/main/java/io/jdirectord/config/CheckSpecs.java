package io.jdirectord.config;

import java.util.Optional;
import java.util.OptionalInt;

/** Builds the {@link CheckSpec} of a virtual block: ldirectord's defaults for its service and port, and inheritance. */
final class CheckSpecs {

    static final String DEFAULT_CHECK_COMMAND = "/bin/true";

    private CheckSpecs() {}

    /** The service of a block: service=, else by port; fwmark services without service= check nothing. */
    static ServiceKind service(VirtualDraft v, VirtualServiceKey key) {
        if (v.service != null) {
            return v.service;
        }
        return key.isFwmark() ? ServiceKind.NONE : ServiceKind.forPort(key.port());
    }

    static CheckSpec of(VirtualDraft v, VirtualServiceKey key, Inheritance inherit) {
        return CheckSpec.builder()
                .type(v.checkType != null ? v.checkType : CheckType.NEGOTIATE)
                .hybridConnects(v.hybridConnects)
                .service(service(v, key))
                .protocol(key.protocol())
                .request(v.request != null ? v.request : "/")
                .receive(orEmpty(v.receive))
                .httpMethod(v.httpMethod != null ? v.httpMethod : HttpMethod.GET)
                .virtualHost(Optional.ofNullable(v.virtualHost))
                .login(orEmpty(v.login))
                .passwd(orEmpty(v.passwd))
                .database(orEmpty(v.database))
                .secret(orEmpty(v.secret))
                .checkCommand(v.checkCommand != null ? v.checkCommand : DEFAULT_CHECK_COMMAND)
                .checkPort(v.checkPort != null ? OptionalInt.of(v.checkPort) : OptionalInt.empty())
                .checkTimeout(inherit.checkTimeout())
                .negotiateTimeout(inherit.negotiateTimeout())
                .checkCount(inherit.get(s -> s.checkCount, 1))
                .tls(inherit.tls())
                .maxReceiveBytes(inherit.get(s -> s.maxReceive, CheckSpec.DEFAULT_MAX_RECEIVE_BYTES))
                .dynamicWeight(inherit.get(s -> s.dynamicWeight, false))
                .sshKey(Optional.ofNullable(v.sshKey))
                .followRedirects(inherit.get(s -> s.followRedirects, true))
                .httpVersion(v.httpVersion != null ? v.httpVersion : HttpVersion.HTTP_1_1)
                .build();
    }

    private static String orEmpty(String value) {
        return value != null ? value : "";
    }
}
