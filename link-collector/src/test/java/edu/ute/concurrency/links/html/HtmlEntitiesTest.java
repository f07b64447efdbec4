package edu.ute.concurrency.links.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlEntitiesTest {

    @Test
    void decodesNamedDecimalAndHexReferences() {
        assertThat(HtmlEntities.decodeAttribute("a&amp;b&#38;c&#x26;d&lt;&QUOT;")).isEqualTo("a&b&c&d<\"");
    }

    @Test
    void decodesALegacyNameWithoutSemicolonOnlyWhenNotFollowedByEqualsOrAlphanumeric() {
        assertThat(HtmlEntities.decodeAttribute("?a=1&amp b")).isEqualTo("?a=1& b");
        assertThat(HtmlEntities.decodeAttribute("?x=1&copy=2")).isEqualTo("?x=1&copy=2");
        assertThat(HtmlEntities.decodeAttribute("?x=1&ampere=2")).isEqualTo("?x=1&ampere=2");
        assertThat(HtmlEntities.decodeAttribute("?x=1&lang=en")).isEqualTo("?x=1&lang=en");
    }

    @Test
    void leavesUnknownAndBareAmpersandsAlone() {
        assertThat(HtmlEntities.decodeAttribute("a & b &unknown; &#; &#x;")).isEqualTo("a & b &unknown; &#; &#x;");
    }

    @Test
    void replacesInvalidCodePoints() {
        assertThat(HtmlEntities.decodeAttribute("&#0;&#xD800;&#x110000;")).isEqualTo("\uFFFD\uFFFD\uFFFD");
        assertThat(HtmlEntities.decodeAttribute("&#128512;")).isEqualTo("\uD83D\uDE00");
    }
}
