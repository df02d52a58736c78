package io.jdirectord.netlink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class MessageBuilderTest {

    private static MessageBuilder message() {
        return new MessageBuilder(0x20, 5, 9, 1);
    }

    @Test
    void writesHostOrderHeadersAndTheGenlHeaderWithVersionOne() {
        assertThat(Hex.of(message().build())).isEqualTo("14000000200005000900000000000000" + "01010000");
    }

    @Test
    void padsEachAttributeWithZerosWithoutCountingThePadding() {
        byte[] bytes = message().u8(13, 1).string(6, "rr").build();
        assertThat(Hex.of(bytes)).endsWith("05000d0001000000" + "0700060072720000");
        assertThat(bytes).hasSize(36);
    }

    @Test
    void writesNetworkOrderWhereAsked() {
        assertThat(Hex.of(message()
                        .be16(4, 80)
                        .be32(9, 0xffffff00)
                        .u16(1, 2)
                        .u32(8, 300)
                        .build()))
                .endsWith("0600040000500000" + "08000900ffffff00" + "0600010002000000" + "080008002c010000");
    }

    @Test
    void countsTheChildrenAndTheirPaddingInANest() {
        byte[] bytes =
                message().begin(1).u16(1, 2).string(6, "wrr").end().u32(4, 1).build();
        assertThat(Hex.of(bytes))
                .isEqualTo("30000000200005000900000000000000" + "01010000" + "14000180" + "0600010002000000"
                        + "0800060077727200" + "0800040001000000");
    }

    @Test
    void growsPastItsFirstBuffer() {
        MessageBuilder message = message();
        for (int i = 0; i < 100; i++) {
            message.u32(1, i);
        }
        byte[] bytes = message.build();
        assertThat(bytes).hasSize(20 + 100 * 8);
        assertThat(Hex.of(bytes)).startsWith("34030000").endsWith("0800010063000000");
    }
}
