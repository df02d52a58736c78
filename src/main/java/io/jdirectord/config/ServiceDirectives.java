package io.jdirectord.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/** The IPVS and bookkeeping directives of a virtual block: scheduling, protocol, reals, fallback, labels. */
final class ServiceDirectives {

    static final Set<String> SCHEDULERS =
            Set.of("rr", "wrr", "lc", "wlc", "lblc", "lblcr", "dh", "sh", "sed", "nq", "fo", "ovf", "mh", "twos");
    static final Set<String> SCHED_FLAGS =
            Set.of("sh-fallback", "sh-port", "mh-fallback", "mh-port", "flag-1", "flag-2", "flag-3");
    /** ipvsadm's largest persistence timeout: 31 days. */
    static final int MAX_PERSISTENT = 31 * 86400;

    private final Values v;
    private final RealLineParser reals;
    private final FallbackParser fallbacks;

    ServiceDirectives(Values values) {
        this.v = values;
        this.reals = new RealLineParser(values);
        this.fallbacks = new FallbackParser(values);
    }

    DirectiveTable<VirtualDraft> table() {
        return new DirectiveTable<VirtualDraft>()
                .on("real", this::real)
                .on("real6", this::real)
                .on("fallback", this::fallback)
                .on("fallback6", this::fallback)
                .on("scheduler", this::scheduler)
                .on("persistent", this::persistent)
                .on("netmask", (d, x) -> Netmasks.parse(v, d, x.family).ifPresent(m -> x.netmask = m))
                .on("schedflags", this::schedFlags)
                .on("protocol", this::protocol)
                .on("ops", (d, x) -> v.yesNo(d).ifPresent(b -> x.ops = b))
                .on("monitorfile", this::monitorFile)
                .on("servicename", (d, x) -> v.nonEmpty(d, d.value()).ifPresent(s -> x.serviceName = s))
                .on("comment", (d, x) -> v.nonEmpty(d, d.value()).ifPresent(s -> x.comment = s))
                .on("quorum", (d, x) -> v.wholeNumber(d, 1, Integer.MAX_VALUE).ifPresent(n -> x.quorum = n))
                .on(
                        "hysteresis",
                        (d, x) -> v.wholeNumber(d, 0, Integer.MAX_VALUE).ifPresent(n -> x.hysteresis = n));
    }

    private void real(Directive d, VirtualDraft x) {
        if (!familyMatches(d, x)) {
            return;
        }
        reals.parse(d, x.family).ifPresent(x.reals::add);
    }

    private void fallback(Directive d, VirtualDraft x) {
        if (familyMatches(d, x)) {
            fallbacks.parse(d).ifPresent(f -> x.fallback = f);
        }
    }

    private boolean familyMatches(Directive d, VirtualDraft x) {
        boolean six = d.name().endsWith("6");
        String base = six ? d.name().substring(0, d.name().length() - 1) : d.name();
        if (six && x.family == Family.INET) {
            v.fail(d, "cannot specify \"" + d.name() + "\" in a virtual block; please use \"" + base + "\" instead");
            return false;
        }
        if (!six && x.family == Family.INET6) {
            v.fail(d, "cannot specify \"" + d.name() + "\" in a virtual6 block; please use \"" + base + "6\" instead");
            return false;
        }
        return true;
    }

    private void scheduler(Directive d, VirtualDraft x) {
        if (!d.value().matches("[a-z]{1,16}")) {
            v.fail(d, "scheduler must be a scheduler name such as rr, wrr or wlc, not " + Texts.quote(d.value()));
            return;
        }
        if (!SCHEDULERS.contains(d.value())) {
            v.diagnostics()
                    .warn(
                            d.line(),
                            "unknown scheduler " + Texts.quote(d.value()) + "; the kernel needs a module ip_vs_"
                                    + d.value());
        }
        x.scheduler = d.value();
    }

    private void persistent(Directive d, VirtualDraft x) {
        v.lenientPositive(d, "of seconds").ifPresent(seconds -> {
            if (seconds > MAX_PERSISTENT) {
                v.fail(
                        d,
                        "persistent must be at most " + MAX_PERSISTENT + " seconds (31 days), not "
                                + Texts.quote(d.value()));
            } else {
                x.persistent = seconds;
            }
        });
    }

    private void schedFlags(Directive d, VirtualDraft x) {
        for (String flag : d.value().split(",", -1)) {
            if (!SCHED_FLAGS.contains(flag)) {
                v.fail(
                        d,
                        "unknown scheduler flag " + Texts.quote(flag) + " (sh-fallback, sh-port, mh-fallback,"
                                + " mh-port, flag-1, flag-2, flag-3, separated by commas)");
                return;
            }
        }
        x.schedFlags = d.value();
    }

    private void protocol(Directive d, VirtualDraft x) {
        switch (d.value()) {
            case "tcp" -> x.protocol = Protocol.TCP;
            case "udp" -> x.protocol = Protocol.UDP;
            case "fwm" -> x.protocol = Protocol.FWM;
            default -> v.fail(d, "protocol must be tcp, udp or fwm, not " + Texts.quote(d.value()));
        }
    }

    private void monitorFile(Directive d, VirtualDraft x) {
        v.nonEmpty(d, Values.unquote(d.value())).ifPresent(text -> {
            Path file = Paths.of(text).toAbsolutePath();
            Path dir = file.getParent();
            if (dir != null && !Files.isDirectory(dir)) {
                v.diagnostics().warn(d.line(), "the directory of monitorfile " + Texts.quote(text) + " does not exist");
            }
            x.monitorFile = Paths.of(text);
        });
    }
}
