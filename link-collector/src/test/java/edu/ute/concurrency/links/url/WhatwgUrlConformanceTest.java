package edu.ute.concurrency.links.url;

import static org.assertj.core.api.Assertions.assertThat;

import edu.ute.concurrency.links.url.UrlNormalizer.LinkKind;
import edu.ute.concurrency.links.url.UrlNormalizer.LinkTarget;
import edu.ute.concurrency.links.url.WhatwgUrlCases.Case;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A link goes where a browser sends it: every in-scope case of the WHATWG URL Standard's test data
 * ({@link WhatwgUrlCases}), through the call the crawler makes for each {@code href}
 * ({@link UrlNormalizer#resolveLink}). The crawler keys on the RFC 3986 normal form (sections
 * 6.2.2 and 6.2.3, fragment dropped) of the URL the browser gets, so that is what is compared; a
 * link the browser rejects must be reported as malformed, never fetched.
 */
class WhatwgUrlConformanceTest {

    static List<Case> browserFollows() {
        return WhatwgUrlCases.CASES.stream().filter(c -> !c.failure()).toList();
    }

    static List<Case> browserRejects() {
        return WhatwgUrlCases.CASES.stream().filter(Case::failure).toList();
    }

    /** WHATWG URL Standard, "basic URL parser" for special schemes, then RFC 3986 section 6.2 normal form. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("browserFollows")
    void resolvesTheLinkWhereABrowserGoes(Case c) {
        LinkTarget t = UrlNormalizer.resolveLink(UriReference.parse(c.base()), c.input());
        assertThat(t.kind()).as("%s: %s", t.kind(), t.detail()).isEqualTo(LinkKind.RESOLVED);
        assertThat(t.url()).isEqualTo(UrlNormalizer.normalize(c.href()));
    }

    /** WHATWG URL Standard: a validation error that is also a failure (host, port, IPv4/IPv6 parsers). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("browserRejects")
    void reportsTheLinkABrowserRejectsAsMalformed(Case c) {
        LinkTarget t = UrlNormalizer.resolveLink(UriReference.parse(c.base()), c.input());
        assertThat(t.kind()).as("resolved to %s", t.url()).isEqualTo(LinkKind.MALFORMED);
    }
}
