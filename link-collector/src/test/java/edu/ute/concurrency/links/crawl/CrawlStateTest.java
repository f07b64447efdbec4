package edu.ute.concurrency.links.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import edu.ute.concurrency.links.crawl.CrawlResult.Page;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shared core without a network: outcomes are fed by hand, in the order a concurrent crawl
 * may produce them, to show that the result does not depend on that order.
 */
class CrawlStateTest {

    private static final String S = "http://site.test/";
    private static final String A = "http://site.test/a";
    private static final String B = "http://site.test/b";
    private static final String D = "http://site.test/d";
    private static final String R = "http://site.test/r";
    private static final String X = "http://site.test/x";

    private static FetchOutcome page(String url, String... links) {
        return new FetchOutcome(url, url, FetchOutcome.Kind.PAGE, 200, "text/html", 10, false, List.of(links), List.of(), "200");
    }

    private static FetchOutcome redirectedPage(String from, String to, String... links) {
        return new FetchOutcome(from, to, FetchOutcome.Kind.PAGE, 200, "text/html", 10, false, List.of(links), List.of(), "200");
    }

    private static CrawlState state(int maxDepth, int maxPages) {
        CrawlSettings settings = CrawlSettings.defaults(S).withMaxDepth(maxDepth).withMaxPages(maxPages);
        return new CrawlState(settings, url -> url.startsWith("http://site.test/"), S);
    }

    private static CrawlTask task(List<CrawlTask> tasks, String url) {
        return tasks.stream().filter(t -> t.url().equals(url)).findFirst().orElseThrow();
    }

    @Test
    void aPageFirstFoundTooDeepIsFetchedWhenAShorterPathTurnsUp() {
        CrawlState state = state(2, 100);
        CrawlTask s = state.start().get(0);
        List<CrawlTask> level1 = state.complete(s, page(S, A, X));
        // A finishes before X (possible under concurrency): B at depth 2, and D at depth 3 is too deep.
        List<CrawlTask> fromA = state.complete(task(level1, A), page(A, B));
        assertThat(state.complete(task(fromA, B), page(B, D))).isEmpty();
        // X links to D directly: depth 2, now within the limit.
        List<CrawlTask> fromX = state.complete(task(level1, X), page(X, D));
        assertThat(fromX).containsExactly(new CrawlTask(D, 2));
    }

    @Test
    void aShorterPathToAFetchedPagePropagatesToItsLinks() {
        CrawlState state = state(2, 100);
        CrawlTask s = state.start().get(0);
        List<CrawlTask> level1 = state.complete(s, page(S, A, R));
        List<CrawlTask> fromA = state.complete(task(level1, A), page(A, B));
        assertThat(state.complete(task(fromA, B), page(B, D))).as("D at depth 3 is too deep").isEmpty();
        // R (depth 1) redirects to B: B is at depth 1 after all, so D is at depth 2.
        List<CrawlTask> fromR = state.complete(task(level1, R), redirectedPage(R, B, D));
        assertThat(fromR).containsExactly(new CrawlTask(D, 2));
        state.complete(fromR.get(0), page(D));
        CrawlResult result = state.result(null);
        assertThat(result.pages()).extracting(Page::url, Page::depth).containsExactly(
                org.assertj.core.groups.Tuple.tuple(S, 0), org.assertj.core.groups.Tuple.tuple(A, 1),
                org.assertj.core.groups.Tuple.tuple(B, 1), org.assertj.core.groups.Tuple.tuple(D, 2));
        assertThat(result.redirects()).containsEntry(R, B);
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

    @Test
    void admitsNoMoreThanMaxPages() {
        CrawlState state = state(5, 3);
        List<CrawlTask> next = state.complete(state.start().get(0), page(S, A, B, D, X));
        assertThat(next).hasSize(2);
        CrawlResult result = state.result(null);
        assertThat(result.linkStatus().values()).contains("not checked (--max-pages reached)");
    }

    @Test
    void brokenLinksListEveryPageThatContainsThem() {
        CrawlState state = state(5, 100);
        List<CrawlTask> l1 = state.complete(state.start().get(0), page(S, A, X));
        List<CrawlTask> fromA = state.complete(task(l1, A), page(A, D));
        state.complete(task(l1, X), page(X, D));
        state.complete(task(fromA, D), FetchOutcome.problem(D, D, FetchOutcome.Kind.HTTP_ERROR, 404, "404"));
        CrawlResult result = state.result(null);
        assertThat(result.brokenLinks()).singleElement().satisfies(b -> {
            assertThat(b.url()).isEqualTo(D);
            assertThat(b.reason()).isEqualTo("404");
            assertThat(b.linkedFrom()).containsExactly(A, X);
        });
    }
}
