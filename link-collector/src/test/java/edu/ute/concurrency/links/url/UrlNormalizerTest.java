package edu.ute.concurrency.links.url;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import edu.ute.concurrency.links.url.UrlNormalizer.LinkKind;
import edu.ute.concurrency.links.url.UrlNormalizer.LinkTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UrlNormalizerTest {

    private static final UriReference PAGE = UriReference.parse("http://example.org/docs/guide/index.html");

    private static String link(String href) {
        LinkTarget t = UrlNormalizer.resolveLink(PAGE, href);
        assertThat(t.kind()).as("kind of %s", href).isEqualTo(LinkKind.RESOLVED);
        return t.url();
    }

    /** RFC 3986 section 6.2.2: case, percent-encoding and dot-segment normalisation. */
    @Test
    void appliesTheSyntaxBasedNormalisationsOfSection622() {
        assertThat(UrlNormalizer.normalize("HTTP://www.Example.COM/")).isEqualTo("http://www.example.com/");
        assertThat(UrlNormalizer.normalize("example://a/b/c/%7Bfoo%7D")).isEqualTo("example://a/b/c/%7Bfoo%7D");
        assertThat(UrlNormalizer.normalize("eXAMPLE://a/./b/../b/%63/%7bfoo%7d")).isEqualTo("example://a/b/c/%7Bfoo%7D");
    }

    /** RFC 3986 section 6.2.3: all four spellings of the same http URL. */
    @ParameterizedTest
    @ValueSource(strings = {"http://example.com", "http://example.com/", "http://example.com:/", "http://example.com:80/"})
    void appliesTheSchemeBasedNormalisationsOfSection623(String url) {
        assertThat(UrlNormalizer.normalize(url)).isEqualTo("http://example.com/");
    }

    @Test
    void dropsTheDefaultHttpsPortButKeepsOthers() {
        assertThat(UrlNormalizer.normalize("https://example.com:443/a")).isEqualTo("https://example.com/a");
        assertThat(UrlNormalizer.normalize("https://example.com:80/a")).isEqualTo("https://example.com:80/a");
        assertThat(UrlNormalizer.normalize("http://example.com:0080/a")).isEqualTo("http://example.com/a");
    }

    @Test
    void resolvesRelativeLinksAgainstThePage() {
        assertThat(link("intro.html")).isEqualTo("http://example.org/docs/guide/intro.html");
        assertThat(link("../api/")).isEqualTo("http://example.org/docs/api/");
        assertThat(link("../../../../x")).isEqualTo("http://example.org/x");
        assertThat(link("?page=2")).isEqualTo("http://example.org/docs/guide/index.html?page=2");
        assertThat(link("//cdn.example.net/lib.js")).isEqualTo("http://cdn.example.net/lib.js");
    }

    @Test
    void dropsFragmentsSoThatAFragmentOnlyLinkIsThePageItself() {
        assertThat(link("#top")).isEqualTo("http://example.org/docs/guide/index.html");
        assertThat(link("intro.html#part-2")).isEqualTo("http://example.org/docs/guide/intro.html");
        assertThat(link("")).isEqualTo("http://example.org/docs/guide/index.html");
    }

    @Test
    void decodesUnreservedAndUppercasesOtherEscapes() {
        assertThat(link("/%7Ejoe/%61%2fb%2F")).isEqualTo("http://example.org/~joe/a%2Fb%2F");
    }

    @Test
    void encodesCharactersThatMayNotAppearInAUrl() {
        assertThat(link("/a b/ü.html?q=x y|z")).isEqualTo("http://example.org/a%20b/%C3%BC.html?q=x%20y%7Cz");
        assertThat(link("/100%/x")).isEqualTo("http://example.org/100%25/x");
    }

    @Test
    void stripsSurroundingSpaceAndInnerLineBreaks() {
        assertThat(link("  /a/\n  b.html\t ")).isEqualTo("http://example.org/a/  b.html".replace(" ", "%20"));
    }

    @Test
    void keepsAnEmptyQueryAndTheQueryOrder() {
        assertThat(link("/p?")).isEqualTo("http://example.org/p?");
        assertThat(link("/p?b=2&a=1")).isEqualTo("http://example.org/p?b=2&a=1");
    }

    @Test
    void lowercasesTheHostAndConvertsInternationalNames() {
        assertThat(link("HTTP://WWW.Example.ORG")).isEqualTo("http://www.example.org/");
        assertThat(link("http://bücher.example/")).isEqualTo("http://xn--bcher-kva.example/");
        assertThat(link("http://%41b%2d%5f.Example.org/")).isEqualTo("http://ab-_.example.org/");
    }

    @ParameterizedTest
    @ValueSource(strings = {"mailto:someone@example.org", "javascript:void(0)", "tel:+15550100", "data:text/plain,hi",
        "MAILTO:x@y", "  javascript:alert(1)"})
    void skipsSchemesThatAreNotResources(String href) {
        assertThat(UrlNormalizer.resolveLink(PAGE, href).kind()).isEqualTo(LinkKind.SKIPPED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://exa mple.com/", "http://host:99999/", "http://host:8o/", "http://[::1/",
        "http://[::1.2.3.]/", "http://1.2.3.4.5/", "http://\uff05\uff14\uff11.com/", "https:"})
    void reportsMalformedLinksWithoutThrowing(String href) {
        LinkTarget t = UrlNormalizer.resolveLink(PAGE, href);
        assertThat(t.kind()).isEqualTo(LinkKind.MALFORMED);
        assertThat(t.detail()).isNotBlank();
    }

    /**
     * The WHATWG URL Standard's reading, which browsers apply to every href: extra slashes before the
     * host, backslashes as slashes, a same-scheme "http:path" relative to the page (RFC 3986 section
     * 5.2.2's non-strict parser), text before a colon that is no scheme as a path.
     */
    @Test
    void followsTheLinksBrowsersFollow() {
        assertThat(link("http:///example.org/path")).isEqualTo("http://example.org/path");
        assertThat(link("///example.org/path")).isEqualTo("http://example.org/path");
        assertThat(link("\\\\example.org\\a\\b?c\\d")).isEqualTo("http://example.org/a/b?c%5Cd");
        assertThat(link("http:other.html")).isEqualTo("http://example.org/docs/guide/other.html");
        assertThat(link("https:example.com/")).isEqualTo("https://example.com/");
        assertThat(link("1http://x/")).isEqualTo("http://example.org/docs/guide/1http://x/");
    }

    /** WHATWG URL Standard, IPv4 parser: the numeric forms inet_aton accepts name one address. */
    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/", "http://0x7f000001/", "http://2130706433/", "http://0177.0.0.1/",
        "http://127.1/", "http://127.0.0.1./", "http://%31%32%37.0.0.1/"})
    void readsEveryIpv4FormAsTheSameHost(String href) {
        assertThat(link(href)).isEqualTo("http://127.0.0.1/");
    }

    /** WHATWG URL Standard, IPv6 serializer: lowercase, no leading zeros, the longest zero run as "::" (RFC 5952). */
    @Test
    void writesIpv6AddressesInTheirShortestForm() {
        assertThat(link("http://[0:0:0:0:0:0:0:1]:8080/")).isEqualTo("http://[::1]:8080/");
        assertThat(link("http://[2001:DB8:0:0:1:0:0:1]/")).isEqualTo("http://[2001:db8::1:0:0:1]/");
        assertThat(link("http://[::ffff:192.0.2.1]/")).isEqualTo("http://[::ffff:c000:201]/");
    }

    /** RFC 3986 section 3.2.3: port = *DIGIT, so leading zeros are allowed; the value must fit 16 bits. */
    @Test
    void acceptsLeadingZerosInAPortUpTo65535() {
        assertThat(link("http://example.org:000000008080/")).isEqualTo("http://example.org:8080/");
        assertThat(link("http://example.org:65535/")).isEqualTo("http://example.org:65535/");
        assertThat(UrlNormalizer.resolveLink(PAGE, "http://example.org:65536/").kind()).isEqualTo(LinkKind.MALFORMED);
    }

    @Test
    void rejectsARelativeUrlWhereAnAbsoluteOneIsNeeded() {
        assertThatThrownBy(() -> UrlNormalizer.normalize("/just/a/path"))
                .isInstanceOf(MalformedLinkException.class).hasMessageContaining("no scheme");
    }

    @Test
    void splitsOriginPathAndHost() {
        String url = "http://user@127.0.0.1:8080/a/b?x=1";
        assertThat(UrlNormalizer.origin(url)).isEqualTo("http://127.0.0.1:8080");
        assertThat(UrlNormalizer.pathAndQuery(url)).isEqualTo("/a/b?x=1");
        assertThat(UrlNormalizer.host(url)).isEqualTo("127.0.0.1");
        assertThat(UrlNormalizer.host("http://[::1]:80/")).isEqualTo("[::1]");
    }

    @Test
    void scopesByHostDomainOrNothing() {
        String start = "http://www.example.org/";
        assertThat(CrawlScope.SAME_HOST.contains(start, "http://www.example.org/a")).isTrue();
        assertThat(CrawlScope.SAME_HOST.contains(start, "https://www.example.org:8443/a")).isTrue();
        assertThat(CrawlScope.SAME_HOST.contains(start, "http://docs.example.org/a")).isFalse();
        assertThat(CrawlScope.SAME_DOMAIN.contains(start, "http://docs.example.org/a")).isTrue();
        assertThat(CrawlScope.SAME_DOMAIN.contains(start, "http://example.net/a")).isFalse();
        assertThat(CrawlScope.ALL.contains(start, "https://example.net/a")).isTrue();
        assertThat(CrawlScope.ALL.contains(start, "ftp://example.net/a")).isFalse();
    }

    /** RFC 6454 section 4: scheme, host and port; the default port is the same origin as none (section 6.2.3). */
    @Test
    void sameOriginMeansSchemeHostAndPortRfc6454() {
        String start = "http://127.0.0.1:8080/";
        assertThat(CrawlScope.SAME_ORIGIN.contains(start, "http://127.0.0.1:8080/a")).isTrue();
        assertThat(CrawlScope.SAME_ORIGIN.contains(start, "https://127.0.0.1:8080/a")).isFalse();
        assertThat(CrawlScope.SAME_ORIGIN.contains(start, "http://127.0.0.1:9090/a")).isFalse();
        assertThat(CrawlScope.SAME_ORIGIN.contains(start, "http://localhost:8080/a")).isFalse();
        String site = UrlNormalizer.normalize("HTTP://Example.org:80/");
        assertThat(CrawlScope.SAME_ORIGIN.contains(site, UrlNormalizer.normalize("http://example.org/x"))).isTrue();
        assertThat(CrawlScope.SAME_ORIGIN.contains(site, UrlNormalizer.normalize("https://example.org/x"))).isFalse();
    }

    /** The parts the fetcher asks for on every request, read straight off a normalised URL. */
    @Test
    void readsOriginHostAndTargetOffANormalisedUrl() {
        String url = UrlNormalizer.normalize("https://user:pw@Example.org:8443/a/b?x=1&y=#frag");
        assertThat(UrlNormalizer.hostAndPort(url)).isEqualTo("example.org:8443");
        assertThat(UrlNormalizer.host(url)).isEqualTo("example.org");
        assertThat(UrlNormalizer.origin(url)).isEqualTo("https://example.org:8443");
        assertThat(UrlNormalizer.pathAndQuery(url)).isEqualTo("/a/b?x=1&y=");
        assertThat(UrlNormalizer.pathAndQuery("http://h/p?")).isEqualTo("/p?");
        assertThat(UrlNormalizer.hostAndPort("http://[::1]:8080/")).isEqualTo("[::1]:8080");
        assertThat(UrlNormalizer.host("http://[::1]:8080/")).isEqualTo("[::1]");
        assertThat(UrlNormalizer.hostAndPort("mailto:me@example.org")).isEmpty();
        assertThat(UrlNormalizer.pathAndQuery("mailto:me@example.org")).isEqualTo("me@example.org");
    }
}
