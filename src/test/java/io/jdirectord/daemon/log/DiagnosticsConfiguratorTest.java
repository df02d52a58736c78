package io.jdirectord.daemon.log;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.joran.spi.JoranException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class DiagnosticsConfiguratorTest {

    private static final Path SHIPPED = Path.of("etc/logback.xml");
    private static final long TIME = 1_796_000_000_123L;

    @Test
    void theBuiltInConfigurationSetsTheShippedFilesLevels() throws JoranException {
        LoggerContext shipped = fromShippedFile();
        LoggerContext builtIn = builtIn();
        for (String name : List.of(
                "io.jdirectord.engine.TableKeeper",
                "io.jdirectord.ipvs.dryrun",
                "org.quartz.core.QuartzScheduler",
                "com.example.Other")) {
            assertThat(builtIn.getLogger(name).getEffectiveLevel())
                    .as(name)
                    .isEqualTo(shipped.getLogger(name).getEffectiveLevel());
        }
    }

    @Test
    void theBuiltInConfigurationWritesLinesAsTheShippedFileDoes() throws JoranException {
        LoggerContext shipped = fromShippedFile();
        LoggerContext builtIn = builtIn();
        assertThat(written(
                        builtIn, Level.INFO, "io.jdirectord.ipvs.dryrun", "ipvsadm -A -t 192.0.2.10:80 -s wrr", null))
                .isEqualTo(written(
                        shipped, Level.INFO, "io.jdirectord.ipvs.dryrun", "ipvsadm -A -t 192.0.2.10:80 -s wrr", null))
                .matches(
                        "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|[+-]\\d\\d:\\d\\d) INFO  dryrun: ipvsadm -A -t 192.0.2.10:80 -s wrr\\R");
        assertThat(written(builtIn, Level.WARN, "org.quartz.core.QuartzScheduler", "misfire", null))
                .isEqualTo(written(shipped, Level.WARN, "org.quartz.core.QuartzScheduler", "misfire", null))
                .contains(" WARN  QuartzScheduler: misfire");
    }

    @Test
    void theBuiltInConfigurationWritesAStackTraceAsTheShippedFileDoes() throws JoranException {
        IllegalStateException failure = new IllegalStateException("table refused", new RuntimeException("cause"));
        String builtIn = written(builtIn(), Level.ERROR, "io.jdirectord.daemon.Daemon", "stopping", failure);
        assertThat(builtIn)
                .isEqualTo(written(fromShippedFile(), Level.ERROR, "io.jdirectord.daemon.Daemon", "stopping", failure))
                .contains(
                        "ERROR Daemon: stopping",
                        "java.lang.IllegalStateException: table refused",
                        "Caused by: java.lang.RuntimeException: cause");
    }

    @Test
    void aConfigurationFileNamedOnTheCommandLineWins() {
        assertThat(DiagnosticsConfigurator.fileGiven("/etc/jdirectord/logback.xml", emptyClassPath()))
                .isTrue();
    }

    @Test
    void aConfigurationFileOnTheClassPathWins() {
        // The tests' own logback-test.xml is on this class path.
        assertThat(DiagnosticsConfigurator.fileGiven(null, getClass().getClassLoader()))
                .isTrue();
        assertThat(new DiagnosticsConfigurator().configure(new LoggerContext())).isEqualTo(ExecutionStatus.NEUTRAL);
    }

    @Test
    void withoutAFileTheBuiltInConfigurationApplies() {
        assertThat(DiagnosticsConfigurator.fileGiven(null, emptyClassPath())).isFalse();
    }

    private static LoggerContext fromShippedFile() throws JoranException {
        LoggerContext context = new LoggerContext();
        JoranConfigurator joran = new JoranConfigurator();
        joran.setContext(context);
        joran.doConfigure(SHIPPED.toFile());
        return context;
    }

    private static LoggerContext builtIn() {
        LoggerContext context = new LoggerContext();
        DiagnosticsConfigurator.configureBuiltIn(context);
        return context;
    }

    /** What {@code context}'s standard error gets for the event, stamped {@link #TIME}. */
    private static String written(
            LoggerContext context, Level level, String loggerName, String message, Throwable thrown) {
        Logger logger = context.getLogger(loggerName);
        LoggingEvent event = new LoggingEvent(Logger.class.getName(), logger, level, message, thrown, null);
        event.setTimeStamp(TIME);
        OutputStreamAppender<ILoggingEvent> stderr = (OutputStreamAppender<ILoggingEvent>)
                context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDERR");
        return new String(stderr.getEncoder().encode(event), StandardCharsets.UTF_8);
    }

    private static ClassLoader emptyClassPath() {
        return new URLClassLoader(new URL[0], null);
    }
}
