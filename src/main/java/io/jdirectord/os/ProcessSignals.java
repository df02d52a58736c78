package io.jdirectord.os;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import org.jspecify.annotations.Nullable;

/**
 * Handlers for POSIX signals (SIGHUP, SIGTERM, ...), which the JDK offers only through the unsupported
 * {@code sun.misc.Signal} of module jdk.unsupported. That class is reached by reflection: javac warns
 * about every mention of it with a warning no annotation can suppress, and the build fails on warnings.
 */
public final class ProcessSignals {

    private ProcessSignals() {}

    /**
     * Runs {@code handler} on the JVM's signal thread each time signal {@code name} ("HUP", "TERM")
     * arrives, in place of the JVM's own handling (for TERM and INT: shutting down). The handler should
     * only hand the signal on.
     *
     * @throws IllegalArgumentException when the JVM does not let this signal be handled
     */
    public static void handle(String name, Runnable handler) {
        try {
            Class<?> signalClass = Class.forName("sun.misc.Signal");
            Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
            Object signal = signalClass.getConstructor(String.class).newInstance(name);
            Object proxy = Proxy.newProxyInstance(
                    handlerClass.getClassLoader(),
                    new Class<?>[] {handlerClass},
                    (self, method, args) -> invoked(self, method, args, name, handler));
            signalClass.getMethod("handle", signalClass, handlerClass).invoke(null, signal, proxy);
        } catch (ReflectiveOperationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalArgumentException("cannot handle SIG" + name + ": " + cause.getMessage(), cause);
        }
    }

    @SuppressWarnings("ReferenceEquality") // a proxy equals only itself
    private static @Nullable Object invoked(
            Object self, Method method, @Nullable Object[] args, String name, Runnable handler) {
        return switch (method.getName()) {
            case "handle" -> {
                handler.run();
                yield null;
            }
            case "equals" -> self == args[0];
            case "hashCode" -> System.identityHashCode(self);
            default -> "SIG" + name + " handler";
        };
    }
}
