package io.jdirectord;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The allowed dependencies between packages, as data; src/doc/architecture.md shows the same
 * map. A package of {@code io.jdirectord} may use the JDK ({@code java..}), JSpecify's annotations, its
 * own subpackages, the packages of ours listed for it, and the libraries listed for it; nothing else. A new package needs a
 * line in {@link #OURS} (and {@link #LIBRARIES} if it uses one) before this test passes.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ArchitectureTest {

    /** Which of our packages each package may use. */
    static final Map<String, List<String>> OURS = Map.ofEntries(
            Map.entry("net", List.of()),
            Map.entry("config", List.of("net")),
            Map.entry("ipvs", List.of("net")),
            Map.entry("os", List.of("net")),
            Map.entry("check", List.of("net", "config", "os")),
            Map.entry("health", List.of("net", "config", "check")),
            Map.entry("decision", List.of("net", "config", "check", "health", "ipvs")),
            Map.entry("netlink", List.of("net", "ipvs", "os")),
            Map.entry("schedule", List.of("net", "config", "check", "health")),
            Map.entry("engine", List.of("net", "config", "check", "health", "decision", "ipvs", "schedule")),
            Map.entry(
                    "daemon",
                    List.of(
                            "net",
                            "config",
                            "check",
                            "health",
                            "decision",
                            "engine",
                            "ipvs",
                            "os",
                            "netlink",
                            "schedule")),
            Map.entry("cli", List.of("net", "config", "daemon")));

    /** Which libraries (package patterns) each package may use besides the JDK. */
    static final Map<String, List<String>> LIBRARIES = Map.of(
            "config", List.of("com.google.re2j.."),
            "ipvs", List.of("org.slf4j.."),
            "os", List.of("com.sun.jna.."),
            "netlink", List.of("com.sun.jna..", "org.slf4j.."),
            "check",
                    List.of(
                            "com.google.re2j..",
                            "org.apache.hc..",
                            "com.google.protobuf..",
                            "org.apache.commons.net..",
                            "com.jcraft.jsch..",
                            "org.xbill.DNS..",
                            "com.unboundid.ldap.sdk..",
                            "com.unboundid.util.ssl..",
                            "org.mariadb.jdbc..",
                            "javax.net..",
                            "javax.naming..",
                            "javax.security..",
                            "javax.crypto..",
                            "org.slf4j.."),
            "schedule", List.of("org.quartz..", "org.slf4j.."),
            "daemon",
                    List.of(
                            "org.slf4j..",
                            "ch.qos.logback..",
                            "io.prometheus..",
                            "com.sun.net.httpserver..",
                            "jdk.net..",
                            "org.apache.commons.net.."),
            "cli", List.of("picocli.."));

    /** Packages that compute only: no files, sockets, threads, processes or reading the clock. */
    static final Set<String> PURE = Set.of("net", "health", "decision");

    /**
     * Packages whose types are null-marked (JSpecify), so that NullAway checks them when compiling. The
     * others (check, config's drafts, daemon, cli) are not yet.
     */
    static final Set<String> NULL_MARKED =
            Set.of("net", "health", "decision", "engine", "ipvs", "schedule", "netlink", "os");

    /** JDK classes the pure packages must not touch. */
    private static final Pattern IMPURE = Pattern.compile(String.join(
            "|",
            "java\\.io\\.(File|RandomAccessFile|.*Stream|.*Reader|.*Writer|Console)\\b.*",
            "java\\.nio\\.(file|channels)\\..*",
            "java\\.net\\.(Socket|ServerSocket|DatagramSocket|MulticastSocket|URL|URLConnection|HttpURLConnection)\\b.*",
            "java\\.net\\.http\\..*",
            "java\\.lang\\.(Thread|ThreadGroup|Process|ProcessBuilder|ProcessHandle|Runtime)\\b.*",
            "java\\.util\\.Timer\\b.*",
            "java\\.util\\.concurrent\\.(Executor.*|.*ExecutorService|CompletableFuture|ForkJoin.*|ThreadFactory)"));

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.jdirectord");

    private static final JavaClasses TESTS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
            .importPackages("io.jdirectord");

    static Stream<String> packages() {
        return OURS.keySet().stream().sorted();
    }

    static Stream<String> purePackages() {
        return PURE.stream().sorted();
    }

    private static String inside(String pkg) {
        return "io.jdirectord." + pkg + "..";
    }

    @ParameterizedTest
    @MethodSource("packages")
    void dependsOnlyOnWhatTheMapAllows(String pkg) {
        List<String> allowed = new ArrayList<>(List.of(inside(pkg), "java..", "org.jspecify.annotations.."));
        OURS.get(pkg).forEach(other -> allowed.add(inside(other)));
        allowed.addAll(LIBRARIES.getOrDefault(pkg, List.of()));
        classes()
                .that()
                .resideInAPackage(inside(pkg))
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(allowed.toArray(String[]::new))
                .check(MAIN);
    }

    @Test
    void everyPackageIsInTheMap() {
        classes()
                .should()
                .resideInAnyPackage(packages().map(ArchitectureTest::inside).toArray(String[]::new))
                .check(MAIN);
    }

    @Test
    void packagesDoNotDependOnEachOtherInACycle() {
        slices().matching("io.jdirectord.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @ParameterizedTest
    @MethodSource("nullMarkedPackages")
    void nullMarkedPackagesSaySoInTheirPackageInfo(String pkg) throws ClassNotFoundException {
        Class<?> info = Class.forName("io.jdirectord." + pkg + ".package-info");
        assertThat(info.getPackage().isAnnotationPresent(NullMarked.class))
                .as(pkg + " is @NullMarked")
                .isTrue();
    }

    static Stream<String> nullMarkedPackages() {
        return NULL_MARKED.stream().sorted();
    }

    @ParameterizedTest
    @MethodSource("purePackages")
    void purePackagesDoNoInputOutputAndStartNoThreads(String pkg) {
        noClasses()
                .that()
                .resideInAPackage(inside(pkg))
                .should()
                .dependOnClassesThat(DescribedPredicate.describe(
                        "do I/O, networking or threading",
                        (JavaClass target) -> IMPURE.matcher(target.getName()).matches()))
                .check(MAIN);
    }

    @ParameterizedTest
    @MethodSource("purePackages")
    void purePackagesDoNotReadTheClock(String pkg) {
        noClasses()
                .that()
                .resideInAPackage(inside(pkg))
                .should()
                .callMethodWhere(DescribedPredicate.describe("read the system clock", ArchitectureTest::readsTheClock))
                .check(MAIN);
    }

    private static boolean readsTheClock(JavaMethodCall call) {
        String owner = call.getTargetOwner().getName();
        String name = call.getName();
        return owner.startsWith("java.time.") && name.equals("now")
                || owner.equals("java.time.Clock") && name.startsWith("system")
                || owner.equals("java.time.InstantSource") && name.equals("system")
                || owner.equals("java.lang.System") && (name.equals("currentTimeMillis") || name.equals("nanoTime"));
    }

    @Test
    void everyTestClassHasATimeout() {
        classes()
                .that()
                .haveSimpleNameEndingWith("Test")
                .or()
                .haveSimpleNameEndingWith("IT")
                .and()
                .areTopLevelClasses()
                .should()
                .beAnnotatedWith(Timeout.class)
                .check(TESTS);
    }
}
