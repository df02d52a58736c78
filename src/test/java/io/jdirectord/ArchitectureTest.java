package io.jdirectord;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The allowed imports between packages; see the README's architecture section. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.jdirectord");

    private static final JavaClasses TESTS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
            .importPackages("io.jdirectord");

    private static void onlyDependsOn(String pkg, String... allowed) {
        String[] packages = new String[allowed.length + 3];
        packages[0] = "io.jdirectord." + pkg + "..";
        packages[1] = "java..";
        packages[2] = "io.jdirectord.net..";
        for (int i = 0; i < allowed.length; i++) {
            packages[i + 3] = allowed[i].contains(".") ? allowed[i] : "io.jdirectord." + allowed[i] + "..";
        }
        classes().that().resideInAPackage("io.jdirectord." + pkg + "..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(packages)
                .allowEmptyShould(true)
                .check(MAIN);
    }

    @Test
    void addressTextDependsOnNothingElse() {
        onlyDependsOn("net");
    }

    @Test
    void configDependsOnNothingElse() {
        onlyDependsOn("config", "com.google.re2j..");
    }

    @Test
    void ipvsModelDependsOnNothingElse() {
        onlyDependsOn("ipvs", "org.slf4j..");
    }

    @Test
    void healthIsPure() {
        onlyDependsOn("health", "config", "check");
    }

    @Test
    void decisionIsPure() {
        onlyDependsOn("decision", "config", "health", "ipvs");
    }

    @Test
    void checksUseOnlyTheConfigurationTheirLibrariesAndTheNativeSockets() {
        onlyDependsOn("check", "config", "netlink", "org.apache.hc..", "org.apache.commons.net..",
                "org.apache.commons.io..", "com.jcraft.jsch..", "com.google.re2j..", "javax..", "org.slf4j..");
    }

    @Test
    void netlinkImplementsTheTableOnly() {
        onlyDependsOn("netlink", "ipvs", "com.sun.jna..", "org.slf4j..");
    }

    @Test
    void scheduleKeepsQuartzAtTheEdge() {
        onlyDependsOn("schedule", "config", "check", "health", "org.quartz..", "org.slf4j..");
    }

    @Test
    void onlyNetlinkTouchesJna() {
        noClasses().that().resideOutsideOfPackage("io.jdirectord.netlink..")
                .should().dependOnClassesThat().resideInAPackage("com.sun.jna..")
                .check(MAIN);
    }

    @Test
    void onlyScheduleTouchesQuartz() {
        noClasses().that().resideOutsideOfPackages("io.jdirectord.schedule..", "io.jdirectord.daemon..")
                .should().dependOnClassesThat().resideInAPackage("org.quartz..")
                .check(MAIN);
    }

    @Test
    void everyTestClassHasATimeout() {
        classes().that().haveSimpleNameEndingWith("Test").or().haveSimpleNameEndingWith("IT")
                .and().areTopLevelClasses()
                .should().beAnnotatedWith(Timeout.class)
                .check(TESTS);
    }
}
