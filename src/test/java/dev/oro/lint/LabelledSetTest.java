package dev.oro.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oro.library.PromptParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Precision and recall of each rule over the hand-labelled prompts in {@code src/test/resources/lint}. */
class LabelledSetTest {

    private static final Path SET = Path.of("src/test/resources/lint");
    private static final Pattern ENTRY = Pattern.compile("^([\\w.-]+\\.prompt):\\s*\\[([^]]*)]\\s*$");

    record Labelled(String file, Set<String> expected, Set<String> fired) {
    }

    @Test
    void should_reach_high_precision_on_every_rule_that_fires() {
        List<Labelled> set = load();
        Map<String, int[]> counts = new TreeMap<>(); // rule -> {tp, fp, fn}
        for (int i = 1; i <= 9; i++) {
            counts.put("GR" + i, new int[3]);
        }
        for (Labelled l : set) {
            counts.forEach((rule, c) -> {
                boolean exp = l.expected().contains(rule);
                boolean got = l.fired().contains(rule);
                c[0] += exp && got ? 1 : 0;
                c[1] += !exp && got ? 1 : 0;
                c[2] += exp && !got ? 1 : 0;
            });
        }
        System.out.println("| Rule | TP | FP | FN | Precision | Recall |");
        System.out.println("|------|----|----|----|-----------|--------|");
        counts.forEach((rule, c) -> System.out.printf("| %s  | %d  | %d  | %d  | %s | %s |%n", rule, c[0], c[1], c[2],
                ratio(c[0], c[0] + c[1]), ratio(c[0], c[0] + c[2])));
        set.stream().filter(l -> !l.expected().equals(l.fired()))
                .forEach(l -> System.out.println("  differs: " + l.file() + " expected " + l.expected() + " got " + l.fired()));

        assertThat(set).hasSizeGreaterThanOrEqualTo(40);
        counts.forEach((rule, c) -> {
            if (c[0] + c[1] > 0) {
                assertThat((double) c[0] / (c[0] + c[1])).as("precision of " + rule).isGreaterThanOrEqualTo(0.9);
            }
        });
    }

    @Test
    void should_find_nothing_on_prompts_labelled_clean() {
        for (Labelled l : load()) {
            if (l.expected().isEmpty()) {
                assertThat(l.fired()).as(l.file()).isEmpty();
            }
        }
    }

    private static String ratio(int num, int den) {
        return den == 0 ? "  n/a" : String.format("%.2f", (double) num / den);
    }

    private static List<Labelled> load() {
        try {
            List<Labelled> set = new ArrayList<>();
            for (String line : Files.readAllLines(SET.resolve("expected.yaml"))) {
                Matcher m = ENTRY.matcher(line);
                if (!m.matches()) {
                    continue;
                }
                Set<String> expected = Pattern.compile(",").splitAsStream(m.group(2)).map(String::strip)
                        .filter(s -> !s.isEmpty()).collect(Collectors.toSet());
                String text = Files.readString(SET.resolve(m.group(1)));
                Set<String> fired = Linter.lint(PromptParser.parse(text, m.group(1))).stream().map(Finding::rule)
                        .collect(Collectors.toSet());
                set.add(new Labelled(m.group(1), expected, fired));
            }
            return set;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
