package io.jdirectord.testing;

import io.jdirectord.config.CheckSpec;
import io.jdirectord.config.CheckType;
import io.jdirectord.config.Config;
import io.jdirectord.config.EmailAlert;
import io.jdirectord.config.Endpoint;
import io.jdirectord.config.Fallback;
import io.jdirectord.config.Family;
import io.jdirectord.config.Forwarding;
import io.jdirectord.config.GlobalSettings;
import io.jdirectord.config.LogTarget;
import io.jdirectord.config.Persistence;
import io.jdirectord.config.ProbeSpec;
import io.jdirectord.config.Protocol;
import io.jdirectord.config.RealServer;
import io.jdirectord.config.ServiceKind;
import io.jdirectord.config.Timing;
import io.jdirectord.config.VirtualService;
import io.jdirectord.config.VirtualServiceKey;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/** Builds configuration records for engine tests, with ldirectord's defaults where a test does not care. */
public final class EngineFixtures {

    private EngineFixtures() {}

    public static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    public static Endpoint endpoint(String ip, int port) {
        return new Endpoint(ip(ip), port);
    }

    public static CheckSpec check(CheckType type) {
        return CheckSpec.builder().type(type).service(ServiceKind.HTTP).build();
    }

    public static ProbeSpec probe(String ip, int port) {
        return new ProbeSpec(check(CheckType.NEGOTIATE), endpoint(ip, port), Optional.empty());
    }

    public static ProbeSpec probe(CheckType type, String ip, int port) {
        return new ProbeSpec(check(type), endpoint(ip, port), Optional.empty());
    }

    public static RealServer real(String ip, int port, Forwarding forwarding, int weight) {
        return new RealServer(ip(ip), port, forwarding, weight, 0, 0, Optional.empty(), Optional.empty(), 1);
    }

    public static RealServer real(String ip, int port) {
        return real(ip, port, Forwarding.GATE, 1);
    }

    public static VirtualBuilder tcp(String vip, int port) {
        return new VirtualBuilder(VirtualServiceKey.ofAddress(Protocol.TCP, ip(vip), port));
    }

    public static VirtualBuilder udp(String vip, int port) {
        return new VirtualBuilder(VirtualServiceKey.ofAddress(Protocol.UDP, ip(vip), port));
    }

    public static VirtualBuilder fwmark(Family family, int mark) {
        return new VirtualBuilder(VirtualServiceKey.ofMark(family, mark));
    }

    public static Config config(boolean readdQuiescent, VirtualService... virtuals) {
        GlobalSettings globals = new GlobalSettings(
                Duration.ofSeconds(10),
                false,
                Optional.empty(),
                new LogTarget.Syslog("daemon"),
                List.of(),
                false,
                false,
                readdQuiescent,
                Optional.empty(),
                Duration.ofSeconds(10),
                List.of(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
        return new Config(Path.of("test.cf"), globals, List.of(virtuals), List.of());
    }

    /** A virtual service with ldirectord's defaults: wrr, negotiate http, failurecount 1, no fallback. */
    public static final class VirtualBuilder {
        private final VirtualServiceKey key;
        private String scheduler = "wrr";
        private Optional<Persistence> persistence = Optional.empty();
        private Optional<String> schedFlags = Optional.empty();
        private boolean onePacket;
        private CheckSpec check = check(CheckType.NEGOTIATE);
        private Timing timing = new Timing(Duration.ofSeconds(10), 1, 1);
        private final List<RealServer> reals = new ArrayList<>();
        private Optional<Fallback> fallback = Optional.empty();
        private Optional<String> fallbackCommand = Optional.empty();
        private boolean quiescent;
        private Optional<Path> monitorFile = Optional.empty();

        private VirtualBuilder(VirtualServiceKey key) {
            this.key = key;
        }

        public VirtualBuilder scheduler(String name) {
            this.scheduler = name;
            return this;
        }

        public VirtualBuilder persistence(int seconds, OptionalInt netmask) {
            this.persistence = Optional.of(new Persistence(seconds, netmask));
            return this;
        }

        public VirtualBuilder schedFlags(String flags) {
            this.schedFlags = Optional.of(flags);
            return this;
        }

        public VirtualBuilder onePacket(boolean ops) {
            this.onePacket = ops;
            return this;
        }

        public VirtualBuilder checkType(CheckType type) {
            this.check = check(type);
            return this;
        }

        public VirtualBuilder timing(Duration interval, int failureCount, int riseCount) {
            this.timing = new Timing(interval, failureCount, riseCount);
            return this;
        }

        public VirtualBuilder real(RealServer real) {
            reals.add(real);
            return this;
        }

        public VirtualBuilder fallback(String ip, int port, Forwarding forwarding) {
            this.fallback = Optional.of(new Fallback(endpoint(ip, port), forwarding));
            return this;
        }

        public VirtualBuilder fallbackCommand(String command) {
            this.fallbackCommand = Optional.of(command);
            return this;
        }

        public VirtualBuilder quiescent(boolean on) {
            this.quiescent = on;
            return this;
        }

        public VirtualBuilder monitorFile(Path file) {
            this.monitorFile = Optional.of(file);
            return this;
        }

        public VirtualService build() {
            EmailAlert noAlerts = new EmailAlert("", 0, Set.of(), Optional.empty(), Optional.empty());
            return new VirtualService(
                    key,
                    scheduler,
                    persistence,
                    schedFlags,
                    onePacket,
                    check,
                    timing,
                    reals,
                    fallback,
                    fallbackCommand,
                    quiescent,
                    true,
                    noAlerts,
                    monitorFile,
                    Optional.empty(),
                    Optional.empty(),
                    io.jdirectord.config.WeightShaping.NONE,
                    1,
                    io.jdirectord.config.Safeguards.NONE,
                    Optional.empty());
        }
    }
}
