package io.jdirectord.daemon.log;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import org.jspecify.annotations.Nullable;

/**
 * The diagnostics' configuration when no Logback file is given: standard error (the journal under
 * systemd), {@code io.jdirectord} at INFO, Quartz and everything else at WARN, lines as {@link
 * DiagnosticsLayout} writes them. It is the shipped example {@code etc/logback.xml} built in code, so
 * that a start does not load Logback's XML configuration machinery (about 700 classes, the XML parser
 * and java.beans among them: 3.4 of the 71 MiB resident at N = 20, performance.md item 14).
 *
 * <p>Logback asks it first (a {@link Configurator} service). A file wins: when {@code
 * -Dlogback.configurationFile} names one or a {@code logback-test.xml} or {@code logback.xml} is on
 * the class path, it steps aside and Logback reads that file as usual.
 */
public final class DiagnosticsConfigurator extends ContextAwareBase implements Configurator {
    private static final String FILE_PROPERTY = "logback.configurationFile";
    private static final String[] FILE_RESOURCES = {"logback-test.xml", "logback.xml"};

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (fileGiven(System.getProperty(FILE_PROPERTY), DiagnosticsConfigurator.class.getClassLoader())) {
            return ExecutionStatus.NEUTRAL;
        }
        configureBuiltIn(context);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** Whether Logback has a file to read: {@code named} (the property's value, or null) or one on the class path. */
    static boolean fileGiven(@Nullable String named, ClassLoader loader) {
        if (named != null) {
            return true;
        }
        for (String resource : FILE_RESOURCES) {
            if (loader.getResource(resource) != null) {
                return true;
            }
        }
        return false;
    }

    /** Resets {@code context} to the built-in configuration (also for tests). */
    static void configureBuiltIn(LoggerContext context) {
        context.reset();
        DiagnosticsLayout layout = new DiagnosticsLayout();
        layout.setContext(context);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();
        context.getLogger("io.jdirectord").setLevel(Level.INFO);
        context.getLogger("org.quartz").setLevel(Level.WARN);
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(stderr);
    }
}
