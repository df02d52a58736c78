package io.jdirectord.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.jdirectord.testing.ManPage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * jdirectord.cf(5) documents exactly the directives the parser knows, each in the section that says where
 * it is valid, with the directives ldirectord does not have marked as extensions.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ManPageDirectivesTest {

    private static final String PAGE = "jdirectord.cf.5";
    private static final String GLOBAL = "the global section";
    private static final String BLOCK = "virtual blocks";

    /** The page's directive sections, and where the directives they list are valid. */
    private static final Map<String, Set<String>> SECTIONS = Map.of(
            "GLOBAL DIRECTIVES", Set.of(GLOBAL),
            "VIRTUAL SERVICES", Set.of(GLOBAL),
            "GLOBAL AND VIRTUAL DIRECTIVES", Set.of(GLOBAL, BLOCK),
            "DIRECTIVES OF VIRTUAL BLOCKS", Set.of(BLOCK));

    /** ldirectord 4.12's directives (reference §2, §3.3); every other directive the parser knows is an extension. */
    private static final Set<String> LDIRECTORD = Set.of(
            "virtual",
            "virtual6",
            "checktimeout",
            "negotiatetimeout",
            "connecttimeout",
            "timeout",
            "checkinterval",
            "checkcount",
            "failurecount",
            "fallback",
            "fallback6",
            "fallbackcommand",
            "autoreload",
            "callback",
            "logfile",
            "execute",
            "fork",
            "supervised",
            "quiescent",
            "readdquiescent",
            "emailalert",
            "emailalertfreq",
            "emailalertstatus",
            "emailalertfrom",
            "cleanstop",
            "smtp",
            "maintenancedir",
            "real",
            "real6",
            "checktype",
            "service",
            "request",
            "receive",
            "httpmethod",
            "virtualhost",
            "login",
            "passwd",
            "database",
            "secret",
            "load",
            "checkcommand",
            "checkport",
            "scheduler",
            "persistent",
            "netmask",
            "schedflags",
            "protocol",
            "ops",
            "monitorfile",
            "servicename",
            "comment");

    private Map<String, Set<String>> parserScopes;
    private ManPage page;

    @BeforeEach
    void read() throws IOException {
        Diagnostics diagnostics = new Diagnostics(Path.of("jdirectord.cf"));
        DraftBuilder parser =
                new DraftBuilder(new Values(diagnostics), new Resolution(new TableResolver(), diagnostics));
        parserScopes = new TreeMap<>();
        parser.globalNames()
                .forEach(name ->
                        parserScopes.computeIfAbsent(name, n -> new TreeSet<>()).add(GLOBAL));
        parser.blockNames()
                .forEach(name ->
                        parserScopes.computeIfAbsent(name, n -> new TreeSet<>()).add(BLOCK));
        page = ManPage.read(PAGE);
    }

    @Test
    void everyDirectiveTheParserKnowsIsDocumented() {
        Set<String> documented = directiveTags().stream().map(ManPage.Tag::name).collect(Collectors.toSet());
        List<String> missing = new ArrayList<>();
        parserScopes.forEach((name, scopes) -> {
            if (!documented.contains(name)) {
                missing.add("directive '" + name + "' (valid in " + String.join(" and ", scopes) + ") is missing from "
                        + page.file() + ": add a .TP entry under " + sectionFor(scopes)
                        + (LDIRECTORD.contains(name) ? "" : ", its tag marked [extension]"));
            }
        });
        assertThat(missing)
                .as("directives the parser knows but jdirectord.cf(5) does not document")
                .isEmpty();
    }

    @Test
    void everyDirectiveIsDocumentedWhereTheParserAcceptsIt() {
        List<String> misplaced = new ArrayList<>();
        for (ManPage.Tag tag : directiveTags()) {
            Set<String> scopes = parserScopes.get(tag.name());
            if (scopes != null && !scopes.equals(SECTIONS.get(tag.section()))) {
                misplaced.add("directive '" + tag.name() + "' is documented under " + tag.section() + " (" + page.file()
                        + ":" + tag.line() + ") but is valid in " + String.join(" and ", scopes) + ": move it under "
                        + sectionFor(scopes));
            }
        }
        assertThat(misplaced)
                .as("directives documented in the wrong section of jdirectord.cf(5)")
                .isEmpty();
    }

    @Test
    void thePageDocumentsNoDirectiveTheParserDoesNotKnow() {
        List<String> unknown = directiveTags().stream()
                .filter(tag -> !parserScopes.containsKey(tag.name()))
                .map(tag -> page.file() + ":" + tag.line() + ": '" + tag.tag() + "' documents "
                        + (tag.name().isEmpty()
                                ? "no directive"
                                : "'" + tag.name() + "', which the parser does not know"))
                .toList();
        assertThat(unknown)
                .as("entries of jdirectord.cf(5) that name no directive the parser knows")
                .isEmpty();
    }

    @Test
    void exactlyTheDirectivesLdirectordDoesNotHaveAreMarkedAsExtensions() {
        Set<String> marked = directiveTags().stream()
                .filter(ManPage.Tag::isExtension)
                .map(ManPage.Tag::name)
                .collect(Collectors.toSet());
        List<String> wrong = new ArrayList<>();
        for (String name : parserScopes.keySet()) {
            boolean extension = !LDIRECTORD.contains(name);
            if (extension != marked.contains(name)) {
                wrong.add("directive '" + name + "' "
                        + (extension
                                ? "is a jdirectord extension: mark its tag in " + page.file() + " with [extension]"
                                : "is ldirectord's: remove [extension] from its tag in " + page.file()));
            }
        }
        assertThat(wrong).as("extension marks in jdirectord.cf(5)").isEmpty();
    }

    @Test
    void theExtensionsSectionNamesEveryExtension() {
        String summary = page.sectionText("EXTENSIONS");
        List<String> unnamed = parserScopes.keySet().stream()
                .filter(name -> !LDIRECTORD.contains(name))
                .filter(name -> !summary.matches("(?s).*\\b" + name + "\\b.*"))
                .toList();
        assertThat(unnamed)
                .as("extensions missing from the EXTENSIONS section of " + page.file())
                .isEmpty();
    }

    private List<ManPage.Tag> directiveTags() {
        return page.tags().stream()
                .filter(tag -> SECTIONS.containsKey(tag.section()))
                .toList();
    }

    private static String sectionFor(Set<String> scopes) {
        return SECTIONS.entrySet().stream()
                .filter(e -> e.getValue().equals(scopes))
                .map(Map.Entry::getKey)
                .sorted()
                .findFirst()
                .orElseThrow();
    }
}
