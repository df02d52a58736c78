package io.jdirectord.netlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class AttributesTest {

    @Test
    void readsEachWidthAndByteOrder() throws NetlinkException {
        Attributes attributes = Attributes.parse(Hex.buffer("05000d0007000000" + "06000e0017c00000" + "0600010002000000"
                + "08000900ffffff00" + "080008002c010000"));
        assertThat(attributes.u8(13)).isEqualTo(7);
        assertThat(attributes.be16(14)).isEqualTo(6080);
        assertThat(attributes.u16(1)).isEqualTo(2);
        assertThat(attributes.be32(9)).isEqualTo(0xffffff00);
        assertThat(attributes.u32(8)).isEqualTo(300);
    }

    @Test
    void readsCountersOfEitherWidthAsUnsigned() throws NetlinkException {
        Attributes attributes = Attributes.parse(Hex.buffer("08000100feffffff" + "0c000400ffffffffffffff7f"));
        assertThat(attributes.unsigned(1)).isEqualTo(0xfffffffeL);
        assertThat(attributes.unsigned(4)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void masksTheFlagBitsOfTypesAndSkipsUnknownAndPaddingAttributes() throws NetlinkException {
        Attributes attributes = Attributes.parse(Hex.buffer(
                "0400" + "0b00" + "0c00028008000100" + "03000000" + "0800630001000000" + "0800050009000000"));
        assertThat(attributes.nested(2).u32(1)).isEqualTo(3);
        assertThat(attributes.u32(5)).isEqualTo(9);
        assertThat(attributes.has(0x63)).isTrue();
    }

    @Test
    void readsStringsUpToTheirNul() throws NetlinkException {
        Attributes attributes = Attributes.parse(Hex.buffer("0900020049505653000000000700060072720000"));
        assertThat(attributes.string(2)).isEqualTo("IPVS");
        assertThat(attributes.optionalString(6)).contains("rr");
        assertThat(attributes.optionalString(11)).isEmpty();
    }

    @Test
    void stopsAtAnAttributeShorterThanItsHeader() throws NetlinkException {
        Attributes attributes = Attributes.parse(Hex.buffer("0800010001000000" + "02000200" + "0800030003000000"));
        assertThat(attributes.has(1)).isTrue();
        assertThat(attributes.has(3)).isFalse();
    }

    @Test
    void rejectsAnAttributeOverrunningItsMessage() {
        assertThatThrownBy(() -> Attributes.parse(Hex.buffer("0c00010001000000")))
                .isInstanceOf(NetlinkException.class)
                .hasMessageContaining("attribute 1 of length 12 overruns its message");
    }

    @Test
    void rejectsMissingAndShortAttributes() throws NetlinkException {
        Attributes attributes = Attributes.parse(Hex.buffer("0600010002000000"));
        assertThatThrownBy(() -> attributes.u32(1)).hasMessageContaining("attribute 1 has 2 bytes, expected 4");
        assertThatThrownBy(() -> attributes.u16(2)).hasMessageContaining("attribute 2 is missing");
    }
}
