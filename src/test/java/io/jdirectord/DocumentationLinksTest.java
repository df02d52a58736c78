package io.jdirectord;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The README and the documents of {@code src/doc} link each other: every relative link names a file that
 * exists and, after {@code #}, a heading of that file (GitHub's anchor of the heading's text), and the
 * README links every document of {@code src/doc}. Links with a scheme ({@code https:}, {@code man:}) are not
 * followed.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class DocumentationLinksTest {

    private static final Path DOC = Path.of("src", "doc");
    private static final Path README = Path.of("README.md");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");
    private static final Pattern HEADING = Pattern.compile("^#{1,6} (.+)$");
    private static final Pattern CODE_SPAN = Pattern.compile("`[^`]*`");

    static Stream<Path> documents() throws IOException {
        try (Stream<Path> files = Files.list(DOC)) {
            List<Path> docs = new ArrayList<>(
                    files.filter(f -> f.toString().endsWith(".md")).sorted().toList());
            docs.add(0, README);
            docs.add(Path.of("checks", "README.md"));
            return docs.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("documents")
    void everyRelativeLinkNamesAFileThatExists(Path document) {
        List<String> broken = new ArrayList<>();
        for (String link : relativeLinks(document)) {
            Path target = target(document, link);
            if (!Files.exists(target)) {
                broken.add(link + " (no file " + target + ")");
            }
        }
        assertThat(broken)
                .as("links of %s to files that do not exist", document)
                .isEmpty();
    }

    @ParameterizedTest
    @MethodSource("documents")
    void everyAnchorNamesAHeadingOfItsTarget(Path document) {
        Map<Path, Set<String>> anchors = new HashMap<>();
        List<String> broken = new ArrayList<>();
        for (String link : relativeLinks(document)) {
            int hash = link.indexOf('#');
            Path target = target(document, link);
            if (hash >= 0 && Files.isRegularFile(target)) {
                Set<String> known = anchors.computeIfAbsent(target, DocumentationLinksTest::anchors);
                if (!known.contains(link.substring(hash + 1))) {
                    broken.add(link + " (" + target + " has no such heading)");
                }
            }
        }
        assertThat(broken)
                .as("links of %s to headings that do not exist", document)
                .isEmpty();
    }

    @Test
    void theReadmeLinksEveryDocumentOfSrcDoc() throws IOException {
        Set<Path> linked = new LinkedHashSet<>();
        for (String link : relativeLinks(README)) {
            linked.add(target(README, link).normalize());
        }
        try (Stream<Path> files = Files.list(DOC)) {
            List<Path> unlinked = files.filter(f -> f.toString().endsWith(".md"))
                    .filter(f -> !linked.contains(f.normalize()))
                    .sorted()
                    .toList();
            assertThat(unlinked)
                    .as("documents of src/doc that README.md does not link")
                    .isEmpty();
        }
    }

    @Test
    void anchorsFollowGitHubsRule() {
        assertThat(anchor("Table API (`NetlinkIpvsTable`)")).isEqualTo("table-api-netlinkipvstable");
        assertThat(anchor("HTTP, HTTPS and http_proxy details")).isEqualTo("http-https-and-http_proxy-details");
        assertThat(anchor("/etc/default/jdirectord")).isEqualTo("etcdefaultjdirectord");
        assertThat(anchor("checktype = N (hybrid)")).isEqualTo("checktype--n-hybrid");
    }

    /** The links of a document outside code blocks and code spans that have no scheme, as written. */
    private static List<String> relativeLinks(Path document) {
        List<String> links = new ArrayList<>();
        for (String line : prose(document)) {
            Matcher m = LINK.matcher(CODE_SPAN.matcher(line).replaceAll(""));
            while (m.find()) {
                if (!SCHEME.matcher(m.group(1)).find()) {
                    links.add(m.group(1));
                }
            }
        }
        return links;
    }

    /** The file a link names: its path relative to the document's directory, or the document itself. */
    private static Path target(Path document, String link) {
        int hash = link.indexOf('#');
        String path = hash >= 0 ? link.substring(0, hash) : link;
        if (path.isEmpty()) {
            return document;
        }
        Path dir = document.getParent() == null ? Path.of("") : document.getParent();
        return dir.resolve(path).normalize();
    }

    /** The anchors of a document's headings; a repeated heading gets {@code -1}, {@code -2}, ... as on GitHub. */
    private static Set<String> anchors(Path document) {
        Map<String, Integer> seen = new HashMap<>();
        Set<String> anchors = new LinkedHashSet<>();
        for (String line : prose(document)) {
            Matcher m = HEADING.matcher(line);
            if (m.matches()) {
                String anchor = anchor(m.group(1));
                int n = seen.merge(anchor, 1, Integer::sum) - 1;
                anchors.add(n == 0 ? anchor : anchor + "-" + n);
            }
        }
        return anchors;
    }

    /** GitHub's anchor of a heading: lower case, punctuation but {@code -} and {@code _} removed, blanks to {@code -}. */
    static String anchor(String heading) {
        String text = heading.strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}_\\- ]", "");
        return text.replace(' ', '-');
    }

    /** The lines of a document outside fenced code blocks. */
    private static List<String> prose(Path document) {
        List<String> lines = new ArrayList<>();
        boolean fenced = false;
        for (String line : read(document)) {
            if (line.startsWith("```")) {
                fenced = !fenced;
            } else if (!fenced) {
                lines.add(line);
            }
        }
        return lines;
    }

    private static List<String> read(Path document) {
        try {
            return Files.readAllLines(document, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
