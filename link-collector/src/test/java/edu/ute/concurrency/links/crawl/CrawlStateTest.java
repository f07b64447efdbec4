package edu.ute.concurrency.links.crawl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import edu.ute.concurrency.links.crawl.CrawlResult.Page;
import edu.ute.concurrency.links.url.UrlFilter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shared core without a network: outcomes are fed by hand, in the orders a concurrent crawl
 * may produce them, to show that what is fetched and what is reported do not depend on that
 * order, and that every URL is handed out once however it is reached (link or redirect).
 */
class CrawlStateTest {

    private static final String S = "http://site.test/";
    private static final String A = "http://site.test/a";
    private static final String B = "http://site.test/b";
    private static final String D = "http://site.test/d";
    private static final String R = "http://site.test/r";
    private static final String X = "http://site.test/x";
    private static final String ELSEWHERE = "https://elsewhere.test/e";

    private static FetchOutcome page(String url, String... links) {
        return new FetchOutcome(url, FetchOutcome.Kind.PAGE, 200, "text/html", 10, false, List.of(links), List.of(),
                "", "200", "");
    }

    private static FetchOutcome redirect(String from, String to) {
        return FetchOutcome.redirect(from, 301, to);
    }

    private static CrawlSettings settings(int maxDepth, int maxPages) {
        return CrawlSettings.defaults(S).withMaxDepth(maxDepth).withMaxPages(maxPages).withCheckExternal(false);
    }

    private static CrawlState state(int maxDepth, int maxPages) {
        return new CrawlState(settings(maxDepth, maxPages), S);
    }

    private static CrawlTask task(List<CrawlTask> tasks, String url) {
        return tasks.stream().filter(t -> t.url().equals(url)).findFirst().orElseThrow();
    }

    private static List<String> urls(List<CrawlTask> tasks) {
        return tasks.stream().map(CrawlTask::url).toList();
    }

    // ---- depth ---------------------------------------------------------------------------------

    @Test
    void aPageFirstFoundTooDeepIsFetchedWhenAShorterPathTurnsUp() {
        CrawlState state = state(2, 100);
        List<CrawlTask> level1 = state.complete(state.start().get(0), page(S, A, X));
        // A finishes before X (possible under concurrency): B at depth 2, and D at depth 3 is too deep.
        List<CrawlTask> fromA = state.complete(task(level1, A), page(A, B));
        assertThat(state.complete(task(fromA, B), page(B, D))).isEmpty();
        // X links to D directly: depth 2, now within the limit.
        assertThat(state.complete(task(level1, X), page(X, D)))
                .containsExactly(new CrawlTask(D, 2, CrawlTask.Purpose.CRAWL));
    }

    @Test
    void aRedirectGivesItsTargetTheDepthOfItsSourceAndThatReachesTheTargetsLinks() {
        CrawlState state = state(2, 100);
        List<CrawlTask> level1 = state.complete(state.start().get(0), page(S, A, R));
        List<CrawlTask> fromA = state.complete(task(level1, A), page(A, B));
        assertThat(state.complete(task(fromA, B), page(B, D))).as("D at depth 3 is too deep").isEmpty();
        // R (depth 1) redirects to B, already fetched at depth 2: B is at depth 1 after all, so D is at depth 2.
        assertThat(state.complete(task(level1, R), redirect(R, B)))
                .containsExactly(new CrawlTask(D, 2, CrawlTask.Purpose.CRAWL));
        CrawlResult result = state.result(null);
        assertThat(result.pages()).extracting(Page::url, Page::depth)
                .containsExactly(tuple(S, 0), tuple(A, 1), tuple(B, 1));
        assertThat(result.redirects()).containsEntry(R, B);
        assertThat(result.linkStatus()).containsEntry(R, "ok 200 via redirect");
    }

    // ---- one URL, one request --------------------------------------------------------------------

    @Test
    void aRedirectToAQueuedPageHandsOutNothing() {
        CrawlState state = state(5, 100);
        List<CrawlTask> level1 = state.complete(state.start().get(0), page(S, A, R));
        assertThat(state.complete(task(level1, R), redirect(R, A))).as("A is queued already").isEmpty();
        state.complete(task(level1, A), page(A));
        assertThat(state.result(null).redirects()).containsExactly(java.util.Map.entry(R, A));
        assertThat(state.result(null).summary().fetched()).isEqualTo(3);
    }

    @Test
    void aPageReachedByARedirectFirstIsNotHandedOutAgainWhenLinked() {
        CrawlState state = state(5, 100);
        List<CrawlTask> level1 = state.complete(state.start().get(0), page(S, R, X));
        List<CrawlTask> fromR = state.complete(task(level1, R), redirect(R, B));
        assertThat(urls(fromR)).containsExactly(B);
        assertThat(state.complete(task(level1, X), page(X, B))).as("B is queued already").isEmpty();
        state.complete(task(fromR, B), page(B));
        CrawlResult result = state.result(null);
        assertThat(result.pages()).extracting(Page::url).containsExactly(S, B, X);
        assertThat(result.linkStatus()).containsEntry(B, "ok 200").containsEntry(R, "ok 200 via redirect");
    }

    @Test
    void bothOrdersOfLinkAndRedirectGiveTheSameResult() {
        CrawlResult redirectFirst;
        CrawlResult linkFirst;
        {
            CrawlState state = state(5, 100);
            List<CrawlTask> l1 = state.complete(state.start().get(0), page(S, R, X));
            List<CrawlTask> fromR = state.complete(task(l1, R), redirect(R, B));
            List<CrawlTask> fromX = state.complete(task(l1, X), page(X, B, D));
            assertThat(urls(fromX)).as("B queued by R's redirect").containsExactly(D);
            state.complete(task(fromR, B), page(B, D));
            state.complete(task(fromX, D), page(D));
            redirectFirst = state.result(null);
        }
        {
            CrawlState state = state(5, 100);
            List<CrawlTask> l1 = state.complete(state.start().get(0), page(S, R, X));
            List<CrawlTask> fromX = state.complete(task(l1, X), page(X, B, D));
            assertThat(state.complete(task(l1, R), redirect(R, B))).as("B queued by X").isEmpty();
            state.complete(task(fromX, B), page(B, D));
            state.complete(task(fromX, D), page(D));
            linkFirst = state.result(null);
        }
        assertThat(linkFirst.pages()).isEqualTo(redirectFirst.pages());
        assertThat(linkFirst.redirects()).isEqualTo(redirectFirst.redirects());
        assertThat(linkFirst.linkStatus()).isEqualTo(redirectFirst.linkStatus());
        assertThat(linkFirst.summary().fetched()).isEqualTo(redirectFirst.summary().fetched()).isEqualTo(5);
    }

    @Test
    void theSameLinkGraphGivesTheSameResultInAnyCompletionOrder() {
        CrawlResult inOrder;
        CrawlResult reversed;
        {
            CrawlState state = state(3, 100);
            List<CrawlTask> l1 = state.complete(state.start().get(0), page(S, A, X));
            List<CrawlTask> fromA = state.complete(task(l1, A), page(A, B));
            List<CrawlTask> fromX = state.complete(task(l1, X), page(X, B, D));
            state.complete(task(fromA, B), page(B, D));
            state.complete(task(fromX, D), page(D, S));
            inOrder = state.result(null);
        }
        {
            CrawlState state = state(3, 100);
            List<CrawlTask> l1 = state.complete(state.start().get(0), page(S, A, X));
            List<CrawlTask> fromX = state.complete(task(l1, X), page(X, B, D));
            state.complete(task(fromX, D), page(D, S));
            List<CrawlTask> fromA = state.complete(task(l1, A), page(A, B));
            assertThat(fromA).as("B already queued by X").isEmpty();
            state.complete(task(fromX, B), page(B, D));
            reversed = state.result(null);
        }
        assertThat(reversed.sameFindingsAs(inOrder)).isTrue();
        assertThat(reversed.pages()).isEqualTo(inOrder.pages());
    }

    // ---- redirects walked when the result is built ------------------------------------------------

    @Test
    void aLoopAcrossTwoUrlsIsBrokenAndEachUrlIsRequestedOnce() {
        CrawlState state = state(5, 100);
        List<CrawlTask> l1 = state.complete(state.start().get(0), page(S, A));
        List<CrawlTask> fromA = state.complete(task(l1, A), redirect(A, B));
        assertThat(state.complete(task(fromA, B), redirect(B, A))).isEmpty();
        CrawlResult result = state.result(null);
        assertThat(result.brokenLinks()).singleElement().satisfies(b -> {
            assertThat(b.url()).isEqualTo(A);
            assertThat(b.reason()).isEqualTo("redirect loop");
            assertThat(b.finalUrl()).isEqualTo(A);
        });
    }

    @Test
    void aChainCutByTheRedirectLimitIsContinuedWhenALinkReachesIntoIt() {
        CrawlSettings twoRedirects = settings(5, 100).withMaxRedirects(2);
        CrawlState state = new CrawlState(twoRedirects, S);
        String c3 = S + "c3";
        String c2 = S + "c2";
        String c1 = S + "c1";
        String c0 = S + "c0";
        List<CrawlTask> l1 = state.complete(state.start().get(0), page(S, c3, X));
        List<CrawlTask> t2 = state.complete(task(l1, c3), redirect(c3, c2));
        List<CrawlTask> t1 = state.complete(task(t2, c2), redirect(c2, c1));
        assertThat(state.complete(task(t1, c1), redirect(c1, c0))).as("c0 is a third redirect from c3").isEmpty();
        // X links to c1 itself: from there c0 is one redirect away, so it is due now.
        List<CrawlTask> fromX = state.complete(task(l1, X), page(X, c1));
        assertThat(urls(fromX)).containsExactly(c0);
        List<CrawlTask> toA = state.complete(fromX.get(0), redirect(c0, A));
        state.complete(task(toA, A), page(A));
        CrawlResult result = state.result(null);
        assertThat(result.linkStatus()).containsEntry(c1, "ok 200 via redirect").containsEntry(c3, "more than 2 redirects");
        assertThat(result.brokenLinks()).singleElement().satisfies(b -> assertThat(b.finalUrl()).isEqualTo(c0));
    }

    @Test
    void brokenLinksListEveryPageThatContainsThem() {
        CrawlState state = state(5, 100);
        List<CrawlTask> l1 = state.complete(state.start().get(0), page(S, A, X));
        List<CrawlTask> fromA = state.complete(task(l1, A), page(A, D));
        state.complete(task(l1, X), page(X, D));
        state.complete(task(fromA, D), FetchOutcome.problem(D, FetchOutcome.Kind.HTTP_ERROR, 404, "404"));
        CrawlResult result = state.result(null);
        assertThat(result.brokenLinks()).singleElement().satisfies(b -> {
            assertThat(b.url()).isEqualTo(D);
            assertThat(b.reason()).isEqualTo("404");
            assertThat(b.linkedFrom()).containsExactly(A, X);
        });
    }

    @Test
    void aRedirectToABrokenPageMakesTheRedirectingLinkBroken() {
        CrawlState state = state(5, 100);
        List<CrawlTask> l1 = state.complete(state.start().get(0), page(S, R));
        List<CrawlTask> toD = state.complete(task(l1, R), redirect(R, D));
        state.complete(task(toD, D), FetchOutcome.problem(D, FetchOutcome.Kind.HTTP_ERROR, 410, "410"));
        assertThat(state.result(null).brokenLinks()).singleElement()
                .isEqualTo(new CrawlResult.BrokenLink(R, "410", 410, D, List.of(S)));
    }

    // ---- limits and scope ------------------------------------------------------------------------

    @Test
    void admitsNoMoreThanMaxPages() {
        CrawlState state = state(5, 3);
        List<CrawlTask> next = state.complete(state.start().get(0), page(S, A, B, D, X));
        assertThat(next).hasSize(2);
        CrawlResult result = state.result(null);
        assertThat(result.linkStatus().values()).contains("not checked (--max-pages reached)");
    }

    @Test
    void externalLinksAreCheckedOnceAndNeverCrawled() {
        CrawlState state = new CrawlState(settings(5, 100).withCheckExternal(true), S);
        List<CrawlTask> l1 = state.complete(state.start().get(0), page(S, ELSEWHERE, A));
        assertThat(task(l1, ELSEWHERE).purpose()).isEqualTo(CrawlTask.Purpose.CHECK);
        assertThat(task(l1, A).purpose()).isEqualTo(CrawlTask.Purpose.CRAWL);
        assertThat(state.complete(task(l1, ELSEWHERE), page(ELSEWHERE, "https://elsewhere.test/more")))
                .as("links of a checked page are not followed").isEmpty();
        CrawlResult result = state.result(null);
        assertThat(result.linkStatus()).containsEntry(ELSEWHERE, "ok 200");
        assertThat(result.pages()).extracting(Page::url).doesNotContain(ELSEWHERE);
    }

    /** RFC 6454: https on the site's own host and port is another origin, so it is checked, never crawled. */
    @Test
    void httpsOnTheSitesHostAndPortIsAnotherOrigin() {
        String site = "http://127.0.0.1:8080/";
        String https = "https://127.0.0.1:8080/x";
        CrawlState state = new CrawlState(CrawlSettings.defaults(site), site);
        List<CrawlTask> next = state.complete(state.start().get(0), page(site, https));
        assertThat(next).containsExactly(new CrawlTask(https, 1, CrawlTask.Purpose.CHECK));
    }

    @Test
    void withoutExternalChecksALinkOutsideTheScopeIsListedOnly() {
        CrawlState state = state(5, 100);
        assertThat(urls(state.complete(state.start().get(0), page(S, ELSEWHERE)))).isEmpty();
        assertThat(state.result(null).linkStatus()).containsEntry(ELSEWHERE, "not checked (out of scope)");
    }

    @Test
    void excludedUrlsAreListedNotFetched() {
        CrawlSettings s = settings(5, 100).withFilter(UrlFilter.of(List.of(), List.of("/x$")));
        CrawlState state = new CrawlState(s, S);
        assertThat(urls(state.complete(state.start().get(0), page(S, A, X)))).containsExactly(A);
        assertThat(state.result(null).linkStatus()).containsEntry(X, "not checked (excluded)");
    }

    @Test
    void theStartUrlTakesTheScopeWhereItsRedirectsLead() {
        CrawlState state = state(5, 100);
        String moved = "https://www.site.test/";
        List<CrawlTask> next = state.complete(state.start().get(0), redirect(S, moved));
        assertThat(next).containsExactly(new CrawlTask(moved, 0, CrawlTask.Purpose.CRAWL));
        List<CrawlTask> links = state.complete(next.get(0), page(moved, "https://www.site.test/about", A));
        assertThat(links).extracting(CrawlTask::url).containsExactly("https://www.site.test/about", A);
    }
}
