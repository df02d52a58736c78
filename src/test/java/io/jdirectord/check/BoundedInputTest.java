package io.jdirectord.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class BoundedInputTest {

    private static BoundedInput over(byte[] bytes, long limit) {
        return new BoundedInput(new ByteArrayInputStream(bytes), limit);
    }

    @Test
    void readsAShortBodyWhole() throws IOException {
        BoundedInput in = over("ok\n".getBytes(StandardCharsets.US_ASCII), 1000);

        assertThat(in.readAllBytes()).asString(StandardCharsets.US_ASCII).isEqualTo("ok\n");
        assertThat(in.truncated()).isFalse();
    }

    @Test
    void readsABodyLongerThanOneChunkUpToTheLimitAndReportsTheRest() throws IOException {
        byte[] body = new byte[10_000];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) i;
        }
        BoundedInput in = over(body, 7_000);

        byte[] read = in.readAllBytes();

        assertThat(read).hasSize(7_000).isEqualTo(java.util.Arrays.copyOf(body, 7_000));
        assertThat(in.count()).isEqualTo(7_000);
        assertThat(in.truncated()).isTrue();
    }

    @Test
    void readsABodyAsLongAsTheLimitWholeAndNotTruncated() throws IOException {
        byte[] body = new byte[512];
        java.util.Arrays.fill(body, (byte) 'x');
        BoundedInput in = over(body, 512);

        assertThat(in.readAllBytes()).isEqualTo(body);
        assertThat(in.truncated()).isFalse();
    }

    @Test
    void readsNothingWithALimitOfZeroButNoticesTheBody() throws IOException {
        BoundedInput in = over(new byte[] {1, 2, 3}, 0);

        assertThat(in.readAllBytes()).isEmpty();
        assertThat(in.truncated()).isTrue();
    }
}
