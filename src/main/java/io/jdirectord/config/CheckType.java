package io.jdirectord.config;

/** The {@code checktype} directive. A number N is {@link #COMBINED} with {@link CheckSpec#hybridConnects()} = N. */
public enum CheckType {
    CONNECT,
    NEGOTIATE,
    PING,
    EXTERNAL,
    EXTERNAL_PERL,
    OFF,
    ON,
    COMBINED;

    private final String ldName = name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');

    /** Whether the check speaks the service's protocol (negotiate, or combined with connects in between). */
    public boolean negotiates() {
        return this == NEGOTIATE || this == COMBINED;
    }

    /** The name as written in the configuration ({@code external-perl}); {@code combined} for N. */
    public String ldName() {
        return ldName;
    }
}
