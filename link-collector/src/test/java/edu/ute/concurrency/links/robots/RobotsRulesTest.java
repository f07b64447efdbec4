package edu.ute.concurrency.links.robots;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RobotsRulesTest {

    /** The example file of RFC 9309 section 5.1 (with the RFC's comments on each group). */
    private static final String RFC_EXAMPLE = """
            User-Agent: *
            Disallow: *.gif$
            Disallow: /example/
            Allow: /publications/

            User-Agent: foobot
            Disallow:/
            Allow:/example/page.html
            Allow:/example/allowed.gif

            User-Agent: barbot
            User-Agent: bazbot
            Disallow: /example/page.html

            User-Agent: quxbot

            EOF
            """;

    @Test
    void foobotMayOnlyFetchItsTwoAllowedPaths() {
        RobotsRules foobot = RobotsRules.parse(RFC_EXAMPLE, "foobot");
        assertThat(foobot.allows("/example/page.html")).isTrue();
        assertThat(foobot.allows("/example/allowed.gif")).isTrue();
        assertThat(foobot.allows("/")).isFalse();
        assertThat(foobot.allows("/publications/")).isFalse();
    }

    @Test
    void aGroupWithSeveralUserAgentsAppliesToEach() {
        for (String bot : new String[] {"barbot", "bazbot", "BazBot"}) {
            RobotsRules rules = RobotsRules.parse(RFC_EXAMPLE, bot);
            assertThat(rules.allows("/example/page.html")).as(bot).isFalse();
            assertThat(rules.allows("/example/other.gif")).as("the * group does not apply to %s", bot).isTrue();
        }
    }

    @Test
    void anEmptyGroupAllowsEverything() {
        assertThat(RobotsRules.parse(RFC_EXAMPLE, "quxbot").allows("/example/x.gif")).isTrue();
    }

    @Test
    void otherCrawlersFollowTheStarGroupWithWildcardsAndEndAnchor() {
        RobotsRules other = RobotsRules.parse(RFC_EXAMPLE, "ute-link-collector");
        assertThat(other.allows("/images/a.gif")).isFalse();
        assertThat(other.allows("/images/a.gif?v=2")).as("$ anchors the end").isTrue();
        assertThat(other.allows("/example/x.html")).isFalse();
        assertThat(other.allows("/publications/x.gif")).as("Allow /publications/ is longer than *.gif$").isTrue();
        assertThat(other.allows("/example/x.gif")).isFalse();
        assertThat(other.allows("/publications/x.html")).isTrue();
        assertThat(other.allows("/other")).isTrue();
    }

    /** RFC 9309 section 2.2.2: the most specific (longest) match wins; on a tie, Allow wins. */
    @Test
    void longestMatchWinsAndAllowWinsATie() {
        RobotsRules rules = RobotsRules.parse("""
                user-agent: *
                allow: /example/page/
                disallow: /example/page/disallowed.gif
                allow: /tie
                disallow: /tie
                disallow: /a
                allow: /a*
                """, "bot");
        assertThat(rules.allows("/example/page/")).isTrue();
        assertThat(rules.allows("/example/page/disallowed.gif")).isFalse();
        assertThat(rules.allows("/tie/x")).isTrue();
        assertThat(rules.allows("/abc")).as("/a* is longer than /a").isTrue();
    }

    @Test
    void emptyDisallowAndCommentsAndUnknownLinesRestrictNothing() {
        RobotsRules rules = RobotsRules.parse("""
                # comment
                User-agent: * # everyone
                Sitemap: http://x/sitemap.xml
                Crawl-delay: 5
                Disallow:
                """, "bot");
        assertThat(rules.allows("/anything")).isTrue();
    }

    @Test
    void matchesPercentEncodedAndDecodedFormsAlike() {
        RobotsRules rules = RobotsRules.parse("User-agent: *\nDisallow: /%7Ejoe/\nDisallow: /caf%C3%A9\n", "bot");
        assertThat(rules.allows("/~joe/index.html")).isFalse();
        assertThat(rules.allows("/%7ejoe/index.html")).isFalse();
        assertThat(rules.allows("/café")).isFalse();
    }

    @Test
    void robotsTxtItselfIsAlwaysAllowed() {
        assertThat(RobotsRules.parse("User-agent: *\nDisallow: /\n", "bot").allows("/robots.txt")).isTrue();
        assertThat(RobotsRules.disallowAll().allows("/robots.txt")).isTrue();
        assertThat(RobotsRules.disallowAll().allows("/")).isFalse();
    }

    @Test
    void noMatchingGroupAndNoStarGroupAllowsEverything() {
        assertThat(RobotsRules.parse("User-agent: other\nDisallow: /\n", "bot").allows("/x")).isTrue();
    }

    @Test
    void aMatchingGroupReplacesTheStarGroupAndRulesBeforeAnyUserAgentAreIgnored() {
        RobotsRules rules = RobotsRules.parse("""
                Disallow: /orphan
                User-agent: *
                Disallow: /
                User-agent: UTE-Link-Collector
                Disallow: /private
                """, "ute-link-collector");
        assertThat(rules.allows("/public")).isTrue();
        assertThat(rules.allows("/orphan")).isTrue();
        assertThat(rules.allows("/private/x")).isFalse();
    }

    @Test
    void crawlDelayComesFromTheGroupThatApplies() {
        String text = "User-agent: *\nCrawl-delay: 2\n\nUser-agent: ute-link-collector\nCrawl-delay: 0.5\nCrawl-delay: 9\n";
        assertThat(RobotsRules.parse(text, "ute-link-collector").crawlDelay()).isEqualTo(java.time.Duration.ofMillis(500));
        assertThat(RobotsRules.parse(text, "other").crawlDelay()).isEqualTo(java.time.Duration.ofSeconds(2));
        assertThat(RobotsRules.parse("User-agent: *\nCrawl-delay: soon\n", "x").crawlDelay()).isZero();
        assertThat(RobotsRules.parse("User-agent: *\nCrawl-delay: -1\n", "x").crawlDelay()).isZero();
        assertThat(RobotsRules.parse("User-agent: *\nDisallow: /\n", "x").crawlDelay()).isZero();
    }

    /** RFC 9309 section 2.2.4: a Sitemap (or unknown) record between user-agent lines does not split the group. */
    @Test
    void aSitemapLineDoesNotEndTheUserAgentLinesOfAGroup() {
        String text = "User-agent: BarBot\nSitemap: https://example.org/sitemap.xml\nUser-agent: *\nDisallow: /\n";
        assertThat(RobotsRules.parse(text, "barbot").allows("/page")).isFalse();
        String unknown = "User-agent: BarBot\nNoindex: /x\nUser-agent: *\nDisallow: /\n";
        assertThat(RobotsRules.parse(unknown, "barbot").allows("/page")).isFalse();
    }

    /** RFC 9309 section 2.2.1: the product token is matched case-insensitively against the value's leading token. */
    @Test
    void matchesTheProductTokenAtTheStartOfAUserAgentValue() {
        String text = "User-agent: *\nAllow: /\nUser-Agent: UTE-Link-Collector/1.0 (+https://example.org/bot)\nDisallow: /private\n";
        assertThat(RobotsRules.parse(text, "ute-link-collector").allows("/private/x")).isFalse();
        assertThat(RobotsRules.parse(text, "ute-link").allows("/private/x")).as("a prefix is not the token").isTrue();
        assertThat(RobotsRules.parse("User-agent: FOO BAR\nDisallow: /\n", "foo").allows("/x")).isFalse();
    }

    /** A UTF-8 byte-order mark before the first record must not hide it. */
    @Test
    void skipsAByteOrderMarkBeforeTheFirstLine() {
        assertThat(RobotsRules.parse("\uFEFFUser-agent: *\nDisallow: /\n", "bot").allows("/x")).isFalse();
    }

    /**
     * RFC 9309 section 2.2.2 compares octets after percent-encoding; the crawler also decodes exactly
     * the unreserved characters (RFC 3986 section 2.3) on both sides, and nothing else.
     */
    @Test
    void decodesExactlyTheUnreservedCharactersInRulesAndPaths() {
        RobotsRules rules = RobotsRules.parse("User-agent: *\nDisallow: /%41%5a%61%7A%30%39%2d%2E%5f%7e\n", "bot");
        assertThat(rules.allows("/AZaz09-._~")).isFalse();
        assertThat(rules.allows("/%41%5A%61%7A%30%39%2D%2E%5F%7E")).isFalse();
        for (String reserved : new String[] {"%40", "%5B", "%60", "%7B", "%2F", "%3A", "%2C"}) {
            RobotsRules r = RobotsRules.parse("User-agent: *\nDisallow: /a" + reserved.toLowerCase() + "b\n", "bot");
            assertThat(r.allows("/a" + reserved + "b")).as("%s stays an escape, hex case aside", reserved).isFalse();
            char decoded = (char) Integer.parseInt(reserved.substring(1), 16);
            assertThat(r.allows("/a" + decoded + "b")).as("%s is not the character %s", reserved, decoded).isTrue();
        }
    }

    /** A path is matched as the crawler sends it: space, controls, DEL and non-ASCII percent-encoded as UTF-8. */
    @Test
    void encodesWhatMayNotAppearRaw() {
        RobotsRules rules = RobotsRules.parse("User-agent: *\nDisallow: /caf\u00e9 menu\u007f!~\n", "bot");
        assertThat(rules.allows("/caf%C3%A9%20menu%7F!~")).isFalse();
        assertThat(rules.allows("/caf%C3%A9%20menu%7F!")).isTrue();
        assertThat(RobotsRules.parse("User-agent: *\nDisallow: /%4\n", "bot").allows("/%254")).isFalse();
    }

    /** RFC 9309 section 2.2.2: on equal length, Allow wins, in whichever order the two lines come. */
    @Test
    void allowWinsATieOfEqualLengthInEitherOrder() {
        assertThat(RobotsRules.parse("User-agent: *\nAllow: /p\nDisallow: /p\n", "bot").allows("/page")).isTrue();
        assertThat(RobotsRules.parse("User-agent: *\nDisallow: /p\nAllow: /p\n", "bot").allows("/page")).isTrue();
        assertThat(RobotsRules.parse("User-agent: *\nDisallow: /pa\nAllow: /p\n", "bot").allows("/page")).isFalse();
    }

    @Test
    void theFirstCrawlDelayWinsAndOnlyValuesFromZeroToADayCount() {
        assertThat(RobotsRules.parse("User-agent: *\nCrawl-delay: 0\nCrawl-delay: 5\n", "x").crawlDelay()).isZero();
        assertThat(RobotsRules.parse("User-agent: *\nCrawl-delay: 86400\nCrawl-delay: 3\n", "x").crawlDelay())
                .isEqualTo(java.time.Duration.ofSeconds(3));
        assertThat(RobotsRules.parse("User-agent: *\nCrawl-delay: 86399.5\n", "x").crawlDelay())
                .isEqualTo(java.time.Duration.ofMillis(86_399_500));
    }

    /** RFC 9309 section 2.2.1: the product token is letters, '_' and '-'; anything else ends it. */
    @Test
    void theProductTokenIsLettersUnderscoreAndHyphen() {
        String text = "User-agent: AZaz_-bot\nDisallow: /\n";
        assertThat(RobotsRules.parse(text, "azaz_-bot").allows("/x")).isFalse();
        for (String end : new String[] {"@", "[", "`", "{", "0", "/"}) {
            RobotsRules r = RobotsRules.parse("User-agent: foo" + end + "bar\nDisallow: /\n", "foo");
            assertThat(r.allows("/x")).as("'%s' ends the token", end).isFalse();
        }
    }

    @Test
    void tellsWhetherEverythingIsForbidden() {
        assertThat(RobotsRules.disallowAll().disallowsEverything()).isTrue();
        assertThat(RobotsRules.disallowAll().allows("/x")).isFalse();
        assertThat(RobotsRules.disallowAll().allows("/robots.txt")).as("robots.txt itself").isTrue();
        assertThat(RobotsRules.allowAll().disallowsEverything()).isFalse();
        assertThat(RobotsRules.parse("User-agent: *\nDisallow: /\n", "x").disallowsEverything()).isFalse();
        assertThat(RobotsRules.parse("User-agent: *\nAllow: /a\nDisallow: /b\n", "x"))
                .hasToString("RobotsRules[Allow: /a, Disallow: /b]");
        assertThat(RobotsRules.disallowAll()).hasToString("RobotsRules[disallow all]");
    }
}
