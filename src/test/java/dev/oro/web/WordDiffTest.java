package dev.oro.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class WordDiffTest {

    private static String join(java.util.List<WordDiff.Segment> segments) {
        return segments.stream().map(WordDiff.Segment::text).collect(Collectors.joining());
    }

    @Test
    void should_mark_the_changed_word_only() {
        WordDiff.Result d = WordDiff.of("one two three", "one 2 three");
        assertThat(d.left()).extracting(WordDiff.Segment::text).containsExactly("one ", "two", " three");
        assertThat(d.right()).filteredOn(WordDiff.Segment::inserted).extracting(WordDiff.Segment::text).containsExactly("2");
        assertThat(d.changes()).isEqualTo(2);
    }

    @Test
    void should_keep_every_word_of_outputs_longer_than_the_token_cap() {
        String words = IntStream.range(0, WordDiff.MAX_TOKENS).mapToObj(i -> "w" + i).collect(Collectors.joining(" "));
        String left = words + " the end";
        String right = words + " the finish";
        WordDiff.Result d = WordDiff.of(left, right);
        assertThat(join(d.left())).isEqualTo(left);
        assertThat(join(d.right())).isEqualTo(right);
        assertThat(d.right()).filteredOn(WordDiff.Segment::inserted).isNotEmpty();
    }
}
