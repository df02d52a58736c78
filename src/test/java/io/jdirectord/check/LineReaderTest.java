package io.jdirectord.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class LineReaderTest {

    private static List<String> lines(LineReader reader) throws IOException {
        List<String> lines = new ArrayList<>();
        for (Optional<String> line = reader.next(); line.isPresent(); line = reader.next()) {
            lines.add(line.get());
        }
        return lines;
    }

    private static LineReader reader(String text, int maxBytes) {
        return new LineReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), maxBytes);
    }

    @Test
    void splitsOnLineFeedsAndDropsCarriageReturns() throws IOException {
        LineReader reader = reader("one\r\ntwo\n\nthree", 100);
        assertThat(lines(reader)).containsExactly("one", "two", "", "three");
        assertThat(reader.truncated()).isFalse();
        assertThat(reader.bytesRead()).isEqualTo(15);
    }

    @Test
    void stopsAtTheByteLimitAndSaysSo() throws IOException {
        LineReader reader = reader("abcdef\nghij\n", 8);
        assertThat(lines(reader)).containsExactly("abcdef", "g");
        assertThat(reader.truncated()).isTrue();
        assertThat(reader.bytesRead()).isEqualTo(8);
    }

    @Test
    void isNotTruncatedWhenTheStreamEndsExactlyAtTheLimit() throws IOException {
        LineReader reader = reader("abc\n", 4);
        assertThat(lines(reader)).containsExactly("abc");
        assertThat(reader.truncated()).isFalse();
    }
}
