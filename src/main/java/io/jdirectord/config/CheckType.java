package io.jdirectord.config;

/** The {@code checktype} directive. A number N is {@link #COMBINED} with {@link CheckSpec#hybridConnects()} = N. */
public enum CheckType {
    CONNECT, NEGOTIATE, PING, EXTERNAL, EXTERNAL_PERL, OFF, ON, COMBINED;

    /** The name as written in the configuration ({@code external-perl}); {@code combined} for N. */
    public String ldName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
