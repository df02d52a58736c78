package io.jdirectord.health;

import io.jdirectord.config.CheckSpec;
import io.jdirectord.config.CheckType;
import io.jdirectord.config.ProbeSpec;

/** Names a probe in log lines: {@code negotiate:http 10.0.0.1:80}, {@code external 10.0.0.1:80 (tcp:192.0.2.1:80)}. */
public final class ProbeLabel {

    private ProbeLabel() {}

    public static String of(ProbeSpec probe) {
        CheckSpec check = probe.check();
        String kind = switch (check.type()) {
            case NEGOTIATE -> "negotiate:" + check.service().ldName();
            case COMBINED -> "combined:" + check.service().ldName();
            default -> check.type().ldName();
        };
        String port =
                check.checkPort().isPresent() ? " port " + check.checkPort().getAsInt() : "";
        String virtual = probe.virtual().map(v -> " (" + v.id() + ")").orElse("");
        return kind + " " + probe.real() + port + virtual;
    }

    static boolean isForced(CheckType type) {
        return type == CheckType.ON || type == CheckType.OFF;
    }
}
