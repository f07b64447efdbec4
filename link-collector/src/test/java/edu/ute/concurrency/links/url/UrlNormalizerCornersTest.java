package edu.ute.concurrency.links.url;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Corners of UrlNormalizer that the crawl rarely meets: other schemes, the URL helpers, scopes. */
class UrlNormalizerCornersTest {

    /** RFC 3986 section 6.2.2.1 for any scheme: lowercase host, uppercase escapes, user info kept. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "FTP://User@Example.COM:21/a   | ftp://User@example.com:21/a",
        "ftp://EX%41mple.org/          | ftp://example.org/",
        "ftp://EX%2a%c3%a9.ORG/        | ftp://ex%2A%C3%A9.org/",
        "ftp://[::1]:2121/x            | ftp://[::1]:2121/x",
        "ftp://[V1.ab:C]/              | ftp://[v1.ab:c]/",
        "ftp://b\u00fccher.example/    | ftp://xn--bcher-kva.example/",
        "foo://h:00/                   | foo://h:0/",
        "foo://h:/                     | foo://h/",
        "foo://u%3aser@h/              | foo://u%3Aser@h/"})
    void normalisesTheAuthorityOfOtherSchemes(String url, String expected) {
        assertThat(UrlNormalizer.normalize(url)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://h:65536/", "ftp://h:123456/", "ftp://h:8o/", "ftp://[::1/", "ftp://[::1]x/",
        "ftp://[::g]/", "ftp://a b/", "ftp://a<b/", "ftp://\u0080\u0080\u0080.example/"})
    void rejectsAuthoritiesOfOtherSchemesThatAreNotRfc3986(String url) {
        assertThatThrownBy(() -> UrlNormalizer.normalize(url)).isInstanceOf(MalformedLinkException.class);
    }

    @Test
    void resolvesAgainstATextBase() {
        assertThat(UrlNormalizer.resolve("http://a/b/c/d", "../e?x#f")).isEqualTo("http://a/b/e?x");
        assertThat(UrlNormalizer.resolve("ftp://a/b/c", "d\\e")).as("RFC 3986 reading outside http(s)").isEqualTo("ftp://a/b/d%5Ce");
        assertThatThrownBy(() -> UrlNormalizer.resolve("/no/scheme", "x")).isInstanceOf(MalformedLinkException.class)
                .hasMessageContaining("no scheme");
    }

    @Test
    void readsHostPortOriginAndTargetOffUrlsWithUserInfoAndWithoutAuthority() {
        assertThat(UrlNormalizer.hostAndPort("http://u:p@h:8/x")).isEqualTo("h:8");
        assertThat(UrlNormalizer.hostAndPort("http://h/x@y")).isEqualTo("h");
        assertThat(UrlNormalizer.hostAndPort("http://@h/")).isEqualTo("h");
        assertThat(UrlNormalizer.hostAndPort("mailto:a@b")).isEmpty();
        assertThat(UrlNormalizer.hostAndPort("a/b:c")).isEmpty();
        assertThat(UrlNormalizer.host("http://[::1]:8/")).isEqualTo("[::1]");
        assertThat(UrlNormalizer.host("http://[::1]/")).isEqualTo("[::1]");
        assertThat(UrlNormalizer.origin("http://u@h:8/p?q")).isEqualTo("http://h:8");
        assertThat(UrlNormalizer.origin("mailto:a@b")).isEqualTo("mailto://");
        assertThat(UrlNormalizer.pathAndQuery("http://h")).isEmpty();
        assertThat(UrlNormalizer.pathAndQuery("http://h?q")).isEqualTo("?q");
        assertThat(UrlNormalizer.pathAndQuery("http://h/p#f")).isEqualTo("/p");
        assertThat(UrlNormalizer.pathAndQuery("mailto:a@b")).isEqualTo("a@b");
        assertThat(UrlNormalizer.pathAndQuery("http://h#f")).isEmpty();
    }

    /** Leading and trailing C0 controls and spaces go, tabs and line breaks inside go, inner spaces stay. */
    @Test
    void stripsControlsAroundAndLineBreaksInside() {
        assertThat(UrlNormalizer.stripWhitespace("\u0000\u001f http://h/a\tb\r\nc \u0001")).isEqualTo("http://h/abc");
        assertThat(UrlNormalizer.stripWhitespace("a b")).isEqualTo("a b");
        assertThat(UrlNormalizer.stripWhitespace("")).isEmpty();
        assertThat(UrlNormalizer.stripWhitespace("!")).isEqualTo("!");
        assertThat(UrlNormalizer.stripWhitespace(" \t ")).isEmpty();
    }

    /** Section 2.3: exactly ALPHA, DIGIT and "-._~" are unreserved and decoded; their neighbours stay encoded. */
    @Test
    void decodesExactlyTheUnreservedCharacters() {
        assertThat(UrlNormalizer.normalize("http://h/%41%5A%61%7A%30%39%2D%2E%5F%7E"))
                .isEqualTo("http://h/AZaz09-._~");
        assertThat(UrlNormalizer.normalize("http://h/%40%5B%60%7B%2F%3A%2C%7F"))
                .isEqualTo("http://h/%40%5B%60%7B%2F%3A%2C%7F");
        assertThat(UrlNormalizer.normalize("http://h/%4"))
                .as("an escape cut short at the end").isEqualTo("http://h/%254");
        assertThat(UrlNormalizer.normalize("http://h/a%")).isEqualTo("http://h/a%25");
        assertThat(UrlNormalizer.normalize("http://h/@:!$'()*+,;=~ \"<>`{}|^\u007f"))
                .isEqualTo("http://h/@:!$'()*+,;=~%20%22%3C%3E%60%7B%7D%7C%5E%7F");
    }

    @Test
    void schemesAreValidatedCharacterByCharacter() {
        assertThat(UrlNormalizer.normalize("a+b-c.d9://h/")).isEqualTo("a+b-c.d9://h/");
        assertThat(UrlNormalizer.normalize("Z://h/")).isEqualTo("z://h/");
        assertThatThrownBy(() -> UrlNormalizer.normalize("a_b://h/")).isInstanceOf(MalformedLinkException.class);
        assertThatThrownBy(() -> UrlNormalizer.normalize("a@b://h/")).isInstanceOf(MalformedLinkException.class);
        assertThatThrownBy(() -> UrlNormalizer.normalize("a[b://h/")).isInstanceOf(MalformedLinkException.class);
        assertThatThrownBy(() -> UrlNormalizer.normalize("a{b://h/")).isInstanceOf(MalformedLinkException.class);
        assertThatThrownBy(() -> UrlNormalizer.normalize("a`b://h/")).isInstanceOf(MalformedLinkException.class);
        assertThat(UrlNormalizer.resolveLink(UriReference.parse("http://h/"), "a_b:x").kind())
                .isEqualTo(UrlNormalizer.LinkKind.RESOLVED);   // no scheme for WHATWG either: a relative path
    }

    @Test
    void scopesHaveTheirCommandLineSpellingAndMeaning() {
        for (CrawlScope s : CrawlScope.values()) {
            assertThat(CrawlScope.fromOption(s.option())).isSameAs(s);
            assertThat(s.meaning()).isNotBlank();
        }
        assertThat(CrawlScope.SAME_ORIGIN.option()).isEqualTo("same-origin");
        assertThatThrownBy(() -> CrawlScope.fromOption("same_host")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("same-origin, same-host, same-domain or all");
    }

    /** An address has no parent domain: same-domain of 10.0.0.1 is that address only. */
    @Test
    void sameDomainOfAnAddressIsTheAddressItself() {
        assertThat(CrawlScope.SAME_DOMAIN.contains("http://10.0.0.1/", "http://10.0.0.1:8080/x")).isTrue();
        assertThat(CrawlScope.SAME_DOMAIN.contains("http://10.0.0.1/", "http://0.0.1/")).isFalse();
        assertThat(CrawlScope.SAME_DOMAIN.contains("http://19.9.9.9/", "http://9.9.9/")).isFalse();
        assertThat(CrawlScope.SAME_DOMAIN.contains("http://[::1]/", "http://[::1]:81/")).isTrue();
        assertThat(CrawlScope.SAME_DOMAIN.contains("http://a.example.org/", "http://b.example.org/")).isTrue();
        assertThat(CrawlScope.SAME_DOMAIN.contains("http://example.org/", "http://www.example.org/")).isTrue();
        assertThat(CrawlScope.SAME_DOMAIN.contains("http://example.org/", "http://badexample.org/")).isFalse();
        assertThat(CrawlScope.SAME_DOMAIN.contains("http://a.example.org/", "mailto:x@example.org")).isFalse();
    }

    /** WHATWG URL Standard, scheme state: a scheme starts with an ASCII letter, any case, and only http(s) are special. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "a:x       | a:x",
        "Z:x       | z:x",
        "ftp:/x/y  | ftp:/x/y",
        "`:x       | http://h/d/%60:x",
        "{:x       | http://h/d/%7B:x",
        "@:x       | http://h/d/@:x",
        "[:x       | http://h/d/%5B:x",
        "9:x       | http://h/d/9:x"})
    void readsASchemeOnlyWhereTheStandardDoes(String href, String expected) {
        UrlNormalizer.LinkTarget t = UrlNormalizer.resolveLink(UriReference.parse("http://h/d/p"), href);
        assertThat(t.kind()).isEqualTo(UrlNormalizer.LinkKind.RESOLVED);
        assertThat(t.url()).isEqualTo(expected);
    }

    /** WHATWG URL Standard, "ends in a number": a last label of 0x and hex digits is an IPv4 number too. */
    @Test
    void aHexadecimalLastLabelMakesTheHostAnAddress() {
        UriReference page = UriReference.parse("http://h/");
        assertThat(UrlNormalizer.resolveLink(page, "http://0x7f.1/").url()).isEqualTo("http://127.0.0.1/");
        assertThat(UrlNormalizer.resolveLink(page, "http://foo.0x/").kind()).isEqualTo(UrlNormalizer.LinkKind.MALFORMED);
        assertThat(UrlNormalizer.resolveLink(page, "http://foo.0x7g/").url()).isEqualTo("http://foo.0x7g/");
        assertThat(UrlNormalizer.resolveLink(page, "http://ex%4/").kind()).as("a '%' left after decoding")
                .isEqualTo(UrlNormalizer.LinkKind.MALFORMED);
        assertThat(UrlNormalizer.resolveLink(page, "http://a!b.example/").url()).isEqualTo("http://a!b.example/");
    }

    @Test
    void mergesAgainstABaseWithoutSlashAndDropsFragments() {
        assertThat(UriReference.parse("foo:bar").resolve(UriReference.parse("baz")).toString()).isEqualTo("foo:baz");
        assertThat(UriReference.parse("http://a/b?q#f").withoutFragment().toString()).isEqualTo("http://a/b?q");
    }
}
