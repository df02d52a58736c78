package io.jdirectord.daemon.report;

import static io.jdirectord.testing.EngineFixtures.config;
import static io.jdirectord.testing.EngineFixtures.fwmark;
import static io.jdirectord.testing.EngineFixtures.ip;
import static io.jdirectord.testing.EngineFixtures.real;
import static io.jdirectord.testing.EngineFixtures.tcp;
import static org.assertj.core.api.Assertions.assertThat;

import io.jdirectord.config.Config;
import io.jdirectord.config.Family;
import io.jdirectord.config.Forwarding;
import io.jdirectord.config.VirtualService;
import io.jdirectord.daemon.alert.EmailAlerts.Reminder;
import io.jdirectord.decision.IpvsSettings;
import io.jdirectord.ipvs.DestinationKey;
import io.jdirectord.ipvs.ForwardingMethod;
import io.jdirectord.ipvs.IpvsDestination;
import io.jdirectord.ipvs.IpvsOp;
import io.jdirectord.ipvs.ServiceKey;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class TableChangeTextTest {

    private final VirtualService web = tcp("192.0.2.10", 80)
            .real(real("10.0.0.1", 80, Forwarding.MASQ, 2))
            .real(real("10.0.0.3", 80, Forwarding.MASQ, 1))
            .fallback("10.0.0.3", 8080, Forwarding.MASQ)
            .build();
    private final VirtualService marked =
            fwmark(Family.INET, 7).real(real("10.0.0.1", 0, Forwarding.GATE, 1)).build();
    private final Config config = config(false, web, marked);
    private final ServiceKey webKey = IpvsSettings.serviceKey(web.key());

    private static DestinationKey at(String ip, int port) {
        return new DestinationKey(ip(ip), port);
    }

    private static IpvsDestination destination(String ip, int port, int weight) {
        return new IpvsDestination(at(ip, port), ForwardingMethod.MASQ, weight, 0, 0);
    }

    private TableChangeText text(IpvsOp op) {
        return TableChangeText.of(op, config).orElseThrow();
    }

    @ParameterizedTest(name = "{0} weight {1}: {2}")
    @CsvSource({
        "add, 2, 'Added real server: 10.0.0.1:80 (192.0.2.10:80) (Weight set to 2)', CLEAR",
        "add, 0, 'Readd Quiescent real server: 10.0.0.1:80 (192.0.2.10:80) (Weight set to 0)', ARM",
        "edit, 0, 'Quiescent real server: 10.0.0.1:80 (192.0.2.10:80) (Weight set to 0)', ARM",
        "edit, 5, 'Restored real server: 10.0.0.1:80 (192.0.2.10:80) (Weight set to 5)', CLEAR",
        "delete, -1, 'Deleted real server: 10.0.0.1:80 (192.0.2.10:80)', ARM",
    })
    void wordsRealServerChangesAsLdirectordAndArmsRemindersWhileTheServerIsOut(
            String kind, int weight, String message, Reminder reminder) {
        IpvsOp op = switch (kind) {
            case "add" -> new IpvsOp.AddDestination(webKey, destination("10.0.0.1", 80, weight));
            case "edit" -> new IpvsOp.EditDestination(webKey, destination("10.0.0.1", 80, weight));
            default -> new IpvsOp.DeleteDestination(webKey, at("10.0.0.1", 80));
        };

        TableChangeText text = text(op);

        assertThat(text.message()).isEqualTo(message);
        assertThat(text.reminder()).isEqualTo(reminder);
        assertThat(text.realKey()).contains("10.0.0.1:80 (192.0.2.10:80)");
        assertThat(text.virtual()).isEqualTo(web);
    }

    @Test
    void wordsTheFallbackServerAsSuchAndLeavesRemindersAlone() {
        TableChangeText added = text(new IpvsOp.AddDestination(webKey, destination("10.0.0.3", 8080, 1)));
        TableChangeText deleted = text(new IpvsOp.DeleteDestination(webKey, at("10.0.0.3", 8080)));

        assertThat(added.message()).isEqualTo("Added fallback server: 10.0.0.3:8080 (192.0.2.10:80) (Weight set to 1)");
        assertThat(deleted.message()).isEqualTo("Deleted fallback server: 10.0.0.3:8080 (192.0.2.10:80)");
        assertThat(added.reminder()).isEqualTo(Reminder.NONE);
        assertThat(deleted.reminder()).isEqualTo(Reminder.NONE);
    }

    @Test
    void aRealServerOnTheFallbackAddressIsStillARealServer() {
        assertThat(text(new IpvsOp.DeleteDestination(webKey, at("10.0.0.3", 80)))
                        .message())
                .isEqualTo("Deleted real server: 10.0.0.3:80 (192.0.2.10:80)");
    }

    @Test
    void aRealServerNoLongerConfiguredIsPurgedAndNoLongerRemindedAbout() {
        TableChangeText text = text(new IpvsOp.DeleteDestination(webKey, at("10.0.0.2", 80)));

        assertThat(text.message()).isEqualTo("Purged real server: 10.0.0.2:80 (192.0.2.10:80)");
        assertThat(text.reminder()).isEqualTo(Reminder.CLEAR);
    }

    @Test
    void wordsServiceChangesWithTheVirtualAsLdirectordWritesIt() {
        ServiceKey mark = IpvsSettings.serviceKey(marked.key());

        assertThat(text(new IpvsOp.AddService(IpvsSettings.service(web))).message())
                .isEqualTo("Added virtual server: 192.0.2.10:80");
        assertThat(text(new IpvsOp.EditService(IpvsSettings.service(marked))).message())
                .isEqualTo("Changed virtual server: 7");
        assertThat(text(new IpvsOp.DeleteService(mark)).message()).isEqualTo("Purged virtual server: 7");
        assertThat(text(new IpvsOp.DeleteService(mark)).realKey()).isEmpty();
        assertThat(text(new IpvsOp.DeleteService(mark)).reminder()).isEqualTo(Reminder.NONE);
    }

    @Test
    void describesNothingForAServiceTheConfigurationDoesNotNameExceptItsPurge() {
        ServiceKey other = ServiceKey.ofFwmark(false, 9);
        ServiceKey gone = IpvsSettings.serviceKey(tcp("192.0.2.99", 443).build().key());

        assertThat(TableChangeText.of(new IpvsOp.DeleteDestination(other, at("10.0.0.1", 0)), config))
                .isEqualTo(Optional.empty());
        assertThat(TableChangeText.unconfigured(new IpvsOp.DeleteService(gone)))
                .isEqualTo("Purged virtual server: 192.0.2.99:443");
        assertThat(TableChangeText.unconfigured(new IpvsOp.DeleteService(other)))
                .isEqualTo("Purged virtual server: 9");
        assertThat(TableChangeText.unconfigured(new IpvsOp.DeleteDestination(other, at("10.0.0.1", 0))))
                .isEmpty();
    }

    @Test
    void theConfiguredDestinationsOfAConfigurationWordChangesAsTheScanOfItsRealServersDoes() {
        ConfiguredDestinations configured = ConfiguredDestinations.of(config);
        ServiceKey mark = IpvsSettings.serviceKey(marked.key());
        List<IpvsOp> ops = List.of(
                new IpvsOp.AddDestination(webKey, destination("10.0.0.1", 80, 2)),
                new IpvsOp.DeleteDestination(webKey, at("10.0.0.3", 80)),
                new IpvsOp.DeleteDestination(webKey, at("10.0.0.3", 8080)),
                new IpvsOp.DeleteDestination(webKey, at("10.0.0.2", 80)),
                new IpvsOp.DeleteDestination(mark, at("10.0.0.1", 0)));

        for (IpvsOp op : ops) {
            assertThat(TableChangeText.of(op, config, configured::contains))
                    .as(op.toIpvsadm())
                    .isEqualTo(TableChangeText.of(op, config));
        }
        assertThat(configured.contains(web, at("10.0.0.2", 80))).isFalse();
    }
}
