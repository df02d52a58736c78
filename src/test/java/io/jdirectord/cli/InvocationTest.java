package io.jdirectord.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class InvocationTest {

    @Test
    void oneArgumentThatNamesACommandIsTheCommand() {
        Invocation invocation = Invocation.of(List.of("status"), false);
        assertThat(invocation.command()).contains("status");
        assertThat(invocation.config()).isEmpty();
        assertThat(invocation.error()).isEmpty();
    }

    @Test
    void twoArgumentsAreConfigurationAndCommand() {
        Invocation invocation = Invocation.of(List.of("/etc/x.cf", "reload"), false);
        assertThat(invocation.config()).contains("/etc/x.cf");
        assertThat(invocation.command()).contains("reload");
    }

    @Test
    void oneArgumentWithTestIsTheConfiguration() {
        Invocation invocation = Invocation.of(List.of("etc/jdirectord.cf"), true);
        assertThat(invocation.config()).contains("etc/jdirectord.cf");
        assertThat(invocation.error()).isEmpty();
    }

    @Test
    void testNeedsNoArgumentAtAll() {
        assertThat(Invocation.of(List.of(), true).error()).isEmpty();
    }

    @Test
    void missingCommandIsAnError() {
        assertThat(Invocation.of(List.of("x.cf"), false).error()).contains("no command given");
    }

    @Test
    void unknownCommandIsAnErrorNamingIt() {
        Optional<String> error = Invocation.of(List.of("x.cf", "launch"), false).error();
        assertThat(error)
                .contains("unknown command 'launch' (expected one of start, stop, restart, try-restart,"
                        + " reload, force-reload, status, health, disable, enable, drain, weight)");
    }

    @Test
    void aControlCommandTakesItsArgumentsWithOrWithoutConfiguration() {
        Invocation bare = Invocation.of(List.of("drain", "60", "tcp:192.0.2.10:80", "10.0.0.1:80"), false);
        Invocation withConfig = Invocation.of(List.of("/etc/x.cf", "disable", "10.0.0.1"), false);

        assertThat(bare.config()).isEmpty();
        assertThat(bare.command()).contains("drain");
        assertThat(bare.arguments()).containsExactly("60", "tcp:192.0.2.10:80", "10.0.0.1:80");
        assertThat(bare.controls()).isTrue();
        assertThat(withConfig.config()).contains("/etc/x.cf");
        assertThat(withConfig.arguments()).containsExactly("10.0.0.1");
    }

    @Test
    void aControlCommandNeedsARealServerAndOtherCommandsTakeNoArguments() {
        assertThat(Invocation.of(List.of("disable"), false).error())
                .contains("disable needs a real server: disable [VIRTUAL] REAL");
        assertThat(Invocation.of(List.of("x.cf", "status", "now"), false).error())
                .contains("too many arguments: now");
    }
}
