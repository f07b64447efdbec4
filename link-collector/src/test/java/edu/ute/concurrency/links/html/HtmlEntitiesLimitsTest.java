package edu.ute.concurrency.links.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Numeric character references at the limits the HTML standard sets (section 13.2.5.80, "numeric
 * character reference end state"): zero, surrogates and values past U+10FFFF become U+FFFD; a
 * reference may end without ';' or at the end of the value.
 */
class HtmlEntitiesLimitsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "&#x10FFFF;| 10FFFF",
        "&#x110000;| FFFD",
        "&#1114112;| FFFD",
        "&#xD7FF;  | D7FF",
        "&#xD800;  | FFFD",
        "&#xDFFF;  | FFFD",
        "&#xE000;  | E000",
        "&#0;      | FFFD",
        "&#1;      | 1",
        "&#65      | 41",
        "&#X41;    | 41",
        "&#x9;     | 9",
        "&#99999999999999999999; | FFFD"})
    void decodesNumericReferencesWithinUnicode(String reference, String hexCodePoint) {
        assertThat(HtmlEntities.decodeAttribute(reference).codePointAt(0)).isEqualTo(Integer.parseInt(hexCodePoint, 16));
        assertThat(HtmlEntities.decodeAttribute(reference).codePointCount(0, HtmlEntities.decodeAttribute(reference).length())).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "&#       | &#",
        "&#x      | &#x",
        "&#xZ;    | &#xZ;",
        "&#a;     | &#a;",
        "&        | &",
        "&;       | &;",
        "a&amp    | a&",
        "&amp;x   | &x",
        "&ampx    | &ampx",
        "&amp=1   | &amp=1",
        "&unknown;| &unknown;",
        "&am\u00e9;| &am\u00e9;"})
    void leavesWhatIsNotAReferenceAsWritten(String value, String expected) {
        assertThat(HtmlEntities.decodeAttribute(value)).isEqualTo(expected);
    }
}
