package io.jdirectord.netlink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class KernelReleaseTest {

    @Test
    void readsMajorAndMinorOfDistributionReleases() {
        assertThat(KernelRelease.parse("6.1.0-56-amd64")).isEqualTo(new KernelRelease(6, 1));
        assertThat(KernelRelease.parse("5.14.0-427.el9.x86_64")).isEqualTo(new KernelRelease(5, 14));
        assertThat(KernelRelease.parse("4.19")).hasToString("4.19");
    }

    @Test
    void comparesReleases() {
        assertThat(new KernelRelease(5, 3).atLeast(5, 3)).isTrue();
        assertThat(new KernelRelease(5, 2).atLeast(5, 3)).isFalse();
        assertThat(new KernelRelease(6, 0).atLeast(5, 3)).isTrue();
        assertThat(new KernelRelease(4, 20).atLeast(5, 2)).isFalse();
    }

    @Test
    void assumesEveryFeatureWhenTheReleaseIsUnreadable() {
        KernelRelease unknown = KernelRelease.parse("weird");
        assertThat(unknown).isEqualTo(KernelRelease.UNKNOWN).hasToString("unknown");
        assertThat(unknown.atLeast(5, 3)).isTrue();
    }
}
