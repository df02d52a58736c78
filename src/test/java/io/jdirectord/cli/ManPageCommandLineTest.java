package io.jdirectord.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jdirectord.testing.ManPage;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** jdirectord(8) documents exactly the options, commands and exit statuses the command line has. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ManPageCommandLineTest {

    private static final Pattern OPTION = Pattern.compile("--?[a-z][a-z-]*");
    private static final Pattern WORD = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private ManPage page;

    @BeforeEach
    void read() throws IOException {
        page = ManPage.read("jdirectord.8");
    }

    @Test
    void theOptionsSectionDocumentsEveryOptionAndNoOther() {
        Set<String> options = new CommandLine(new JdirectordCommand())
                .getCommandSpec().options().stream()
                        .filter(option -> !option.hidden())
                        .map(OptionSpec::names)
                        .flatMap(Arrays::stream)
                        .collect(Collectors.toCollection(TreeSet::new));
        assertThat(documented("OPTIONS", OPTION))
                .as("options tagged in the OPTIONS section of " + page.file())
                .isEqualTo(options);
    }

    @Test
    void theCommandsSectionDocumentsEveryCommandAndNoOther() {
        assertThat(documented("COMMANDS", WORD))
                .as("commands tagged in the COMMANDS section of " + page.file())
                .isEqualTo(new TreeSet<>(Invocation.COMMANDS));
    }

    @Test
    void theExitStatusSectionDocumentsEveryExitStatusAndNoOther() throws IllegalAccessException {
        Set<String> statuses = new TreeSet<>();
        for (Field field : ExitStatus.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == int.class) {
                statuses.add(Integer.toString(field.getInt(null)));
            }
        }
        assertThat(documented("EXIT STATUS", WORD))
                .as("exit statuses tagged in the EXIT STATUS section of " + page.file())
                .isEqualTo(statuses);
    }

    /** Every match of {@code pattern} in the tags of a section. */
    private Set<String> documented(String section, Pattern pattern) {
        List<ManPage.Tag> tags = page.tags(section);
        assertThat(tags)
                .as("tags of the section " + section + " of " + page.file())
                .isNotEmpty();
        Set<String> found = new TreeSet<>();
        for (ManPage.Tag tag : tags) {
            Matcher matcher = pattern.matcher(tag.tag());
            while (matcher.find()) {
                found.add(matcher.group());
            }
        }
        return found;
    }
}
