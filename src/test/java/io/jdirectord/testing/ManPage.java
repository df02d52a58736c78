package io.jdirectord.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A man(7) page of src/man read as its sections and the tagged paragraphs ({@code .TP}/{@code .TQ}) at
 * their outer level, for the tests that hold the pages to what the program knows. Not a roff renderer:
 * it relies on the conventions stated in the pages' own header comments.
 */
public final class ManPage {

    /** Where the pages' sources live, relative to the project directory (the tests' working directory). */
    public static final Path SOURCES = Path.of("src", "man");

    private static final Pattern FONT = Pattern.compile("\\\\f[BIRP]|\\\\f\\(..|\\\\&");
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]*");

    /**
     * One tag of a tagged paragraph.
     *
     * @param section the {@code .SH} heading it stands under
     * @param line    1-based line of the tag in the source
     * @param tag     the tag line as text: macro and font escapes removed, {@code \-} as {@code -}
     * @param name    the leading word of the tag ({@code checktimeout} of {@code checktimeout = N}); empty
     *                when the tag does not start with a word
     */
    public record Tag(String section, int line, String tag, String name) {

        /** Whether the tag marks what it documents as a jdirectord extension. */
        public boolean isExtension() {
            return tag.contains("[extension]");
        }
    }

    private final Path file;
    private final Map<String, List<String>> sections;
    private final List<Tag> tags;

    private ManPage(Path file, Map<String, List<String>> sections, List<Tag> tags) {
        this.file = file;
        this.sections = sections;
        this.tags = tags;
    }

    /** Reads {@code src/man/<fileName>}. */
    public static ManPage read(String fileName) throws IOException {
        Path file = SOURCES.resolve(fileName);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Map<String, List<String>> sections = new LinkedHashMap<>();
        List<Tag> tags = new ArrayList<>();
        String section = "";
        int depth = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith(".SH ")) {
                section = unquote(line.substring(4).strip());
                depth = 0;
            } else if (line.startsWith(".RS")) {
                depth++;
            } else if (line.startsWith(".RE")) {
                depth--;
            } else if (depth == 0 && (line.equals(".TP") || line.equals(".TQ")) && i + 1 < lines.size()) {
                String tag = text(lines.get(i + 1));
                tags.add(new Tag(section, i + 2, tag, leadingName(tag)));
            }
            sections.computeIfAbsent(section, s -> new ArrayList<>()).add(line);
        }
        return new ManPage(file, sections, tags);
    }

    /** The source file, for messages. */
    public Path file() {
        return file;
    }

    /** Every tag at the outer level of the section {@code heading} (none when there is no such section). */
    public List<Tag> tags(String heading) {
        return tags.stream().filter(t -> t.section().equals(heading)).toList();
    }

    /** Every tag at the outer level of every section. */
    public List<Tag> tags() {
        return tags;
    }

    /** The text of a section, one source line per line, macros and font escapes removed. */
    public String sectionText(String heading) {
        return String.join(
                "\n",
                sections.getOrDefault(heading, List.of()).stream()
                        .map(ManPage::text)
                        .toList());
    }

    /** A source line as text: the macro name dropped, quotes and font escapes removed, {@code \-} as {@code -}. */
    static String text(String line) {
        String text = line.startsWith(".") ? line.replaceFirst("^\\.[A-Za-z]+\\s*", "") : line;
        return FONT.matcher(text.replace("\\-", "-"))
                .replaceAll("")
                .replace("\"", "")
                .replace("\\(dq", "\"");
    }

    private static String leadingName(String tag) {
        Matcher name = NAME.matcher(tag);
        return name.lookingAt() ? name.group() : "";
    }

    private static String unquote(String text) {
        return text.startsWith("\"") && text.endsWith("\"") && text.length() > 1
                ? text.substring(1, text.length() - 1)
                : text;
    }
}
