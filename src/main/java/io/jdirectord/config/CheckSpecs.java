package io.jdirectord.config;

import java.util.Optional;
import java.util.OptionalInt;

/** Builds the {@link CheckSpec} of a virtual block: ldirectord's defaults for its service and port, and inheritance. */
final class CheckSpecs {

    static final String DEFAULT_CHECK_COMMAND = "/bin/true";

    private CheckSpecs() {
    }

    /** The service of a block: service=, else by port; fwmark services without service= check nothing. */
    static ServiceKind service(VirtualDraft v, VirtualServiceKey key) {
        if (v.service != null) {
            return v.service;
        }
        return key.isFwmark() ? ServiceKind.NONE : ServiceKind.forPort(key.port());
    }

    static CheckSpec of(VirtualDraft v, VirtualServiceKey key, Inheritance inherit) {
        return new CheckSpec(
                v.checkType != null ? v.checkType : CheckType.NEGOTIATE,
                v.hybridConnects,
                service(v, key),
                key.protocol(),
                v.request != null ? v.request : "/",
                orEmpty(v.receive),
                v.httpMethod != null ? v.httpMethod : HttpMethod.GET,
                Optional.ofNullable(v.virtualHost),
                orEmpty(v.login),
                orEmpty(v.passwd),
                orEmpty(v.database),
                orEmpty(v.secret),
                v.checkCommand != null ? v.checkCommand : DEFAULT_CHECK_COMMAND,
                v.checkPort != null ? OptionalInt.of(v.checkPort) : OptionalInt.empty(),
                inherit.checkTimeout(),
                inherit.negotiateTimeout(),
                inherit.get(s -> s.checkCount, 1),
                inherit.tls(),
                inherit.get(s -> s.maxReceive, CheckSpec.DEFAULT_MAX_RECEIVE_BYTES),
                inherit.get(s -> s.dynamicWeight, false),
                Optional.ofNullable(v.sshKey),
                inherit.get(s -> s.followRedirects, true));
    }

    private static String orEmpty(String value) {
        return value != null ? value : "";
    }
}
