package io.jdirectord.check;

import java.util.Locale;

/** Human sizes for reasons: "512 bytes", "1.2 KiB", "64 KiB", "3.5 MiB". */
final class ByteSize {

    private ByteSize() {}

    static String describe(long bytes) {
        if (bytes < 1024) {
            return bytes == 1 ? "1 byte" : bytes + " bytes";
        }
        double kib = bytes / 1024.0;
        if (kib < 1024) {
            return scaled(kib, "KiB");
        }
        return scaled(kib / 1024.0, "MiB");
    }

    private static String scaled(double value, String unit) {
        boolean whole = value == Math.rint(value);
        return (whole ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value)) + " " + unit;
    }
}
