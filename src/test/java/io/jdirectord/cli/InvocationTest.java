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
                        + " reload, force-reload, status, health)");
    }
}
