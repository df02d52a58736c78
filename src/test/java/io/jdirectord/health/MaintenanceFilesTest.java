package io.jdirectord.health;

import static io.jdirectord.testing.EngineFixtures.endpoint;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class MaintenanceFilesTest {

    @Test
    void triesAddressThenFullNameThenShortNameEachWithPortFirst() {
        assertThat(MaintenanceFiles.names(endpoint("10.0.0.1", 80), Optional.of("web1.example.com")))
                .containsExactly(
                        "10.0.0.1:80", "10.0.0.1", "web1.example.com:80", "web1.example.com", "web1:80", "web1");
    }

    @Test
    void triesOnlyTheAddressWithoutAName() {
        assertThat(MaintenanceFiles.names(endpoint("10.0.0.1", 80), Optional.empty()))
                .containsExactly("10.0.0.1:80", "10.0.0.1");
    }

    @Test
    void hasNoShortNameForANameThatIsNotLowerCase() {
        assertThat(MaintenanceFiles.names(endpoint("10.0.0.1", 80), Optional.of("Web1.example.com")))
                .containsExactly("10.0.0.1:80", "10.0.0.1", "Web1.example.com:80", "Web1.example.com");
    }

    @Test
    void writesIpv6AddressesCompressedInBrackets() {
        assertThat(MaintenanceFiles.names(endpoint("2001:db8::1", 80), Optional.empty()))
                .containsExactly("[2001:db8::1]:80", "[2001:db8::1]");
    }
}
