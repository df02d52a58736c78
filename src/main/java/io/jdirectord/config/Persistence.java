package io.jdirectord.config;

import java.util.OptionalInt;

/**
 * Persistence of a virtual service ({@code persistent}, {@code netmask}).
 *
 * @param timeoutSeconds persistence timeout in seconds ({@code ipvsadm -p})
 * @param netmask        IPv4: the mask as an unsigned 32-bit value in host order; IPv6: a prefix length;
 *                       empty when not configured (the kernel default applies)
 */
public record Persistence(int timeoutSeconds, OptionalInt netmask) {}
