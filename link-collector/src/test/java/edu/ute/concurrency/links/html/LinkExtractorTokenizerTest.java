package edu.ute.concurrency.links.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The corners of the HTML tokenizer (HTML Living Standard, section 13.2.5) that decide whether a
 * link is markup or text: comment ends, raw-text end tags, bogus comments, a literal '<'.
 */
class LinkExtractorTokenizerTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "<!--><a href=a>                                   | a",
        "<!---><a href=b>                                  | b",
        "<!-- x --!><a href=c> -->                         | c",
        "<!-- <a href=no> --><a href=d>                    | d",
        "<!-- x --> <a href=e> --!>                        | e",
        "<a href=f><!-- <a href=no>                        | f",
        "<a href=f><!-- <a href=no> -                      | f",
        "<a href=h><                                       | h",
        "<script><a href=no></scripty><a href=no></script><a href=k> | k",
        "<SCRIPT><a href=no></SCRIPT ><a href=m>           | m",
        "<script><a href=no></script/><a href=m2>          | m2",
        "<title><a href=no></title                         | ''",
        "<!DOCTYPE html><a href=p>                         | p",
        "<?xml version=1?><a href=q>                       | q",
        "</div><a href=r>                                  | r",
        "1 < 2 <a href=s>                                  | s",
        "<                                                 | ''",
        "<a                                                | ''",
        "<a href=t                                         | t"})
    void findsLinksOnlyInMarkup(String html, String expected) {
        List<String> links = LinkExtractor.extract(html).links();
        assertThat(links).isEqualTo(expected.isEmpty() ? List.of() : List.of(expected));
    }
}
