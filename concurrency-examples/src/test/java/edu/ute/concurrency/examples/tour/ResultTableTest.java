package edu.ute.concurrency.examples.tour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ResultTableTest {

    @Test
    void rendersAlignedMarkdown() {
        String text = new ResultTable("encoder", "ms").row("per-bit loop", 41).row("word", 6.5).render();
        assertThat(text).isEqualTo("""
                | encoder      | ms  |
                | ------------ | --- |
                | per-bit loop | 41  |
                | word         | 6.5 |
                """);
    }

    @Test
    void rejectsARowOfTheWrongWidth() {
        assertThatThrownBy(() -> new ResultTable("a", "b").row(1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 cells, the table has 2 columns");
    }
}
