package edu.ute.concurrency.links.robots;

import static org.assertj.core.api.Assertions.assertThat;

import edu.ute.concurrency.links.robots.GoogleRobotsCases.Case;
import edu.ute.concurrency.links.url.UrlNormalizer;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * RFC 9309 as Google's parser tests read it ({@link GoogleRobotsCases}), through the calls the
 * crawler makes for each URL: {@code normalize}, then {@code pathAndQuery}, then
 * {@link RobotsRules#allows}. Rows that carry a difference assert this crawler's own, documented
 * choice; every other row must agree with Google's parser.
 */
class RobotsConformanceTest {

    static List<Case> agreeing() {
        return GoogleRobotsCases.CASES.stream().filter(c -> c.difference() == null).toList();
    }

    static List<Case> differing() {
        return GoogleRobotsCases.CASES.stream().filter(c -> c.difference() != null).toList();
    }

    static boolean crawlerAllows(Case c) {
        String target = UrlNormalizer.pathAndQuery(UrlNormalizer.normalize(c.url()));
        return RobotsRules.parse(c.robotsTxt(), c.agent()).allows(target);
    }

    /** RFC 9309 sections 2.1 to 2.2.4, as Google's parser applies them. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("agreeing")
    void decidesAsGooglesParser(Case c) {
        assertThat(crawlerAllows(c)).isEqualTo(c.googleAllows());
    }

    /** Where Google's parser is more lenient than RFC 9309 or compares other bytes; the reason is the row's. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("differing")
    void decidesOtherwiseForAStatedReason(Case c) {
        assertThat(crawlerAllows(c)).as(c.difference()).isEqualTo(!c.googleAllows());
    }
}
