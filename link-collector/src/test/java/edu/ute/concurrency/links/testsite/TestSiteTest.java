package edu.ute.concurrency.links.testsite;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class TestSiteTest {

    private static HttpClient client(ExecutorService executor) {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).proxy(HttpClient.Builder.NO_PROXY)
                .executor(executor).build();
    }

    /** Latency is a scheduled response, not a blocked thread: 12 waiting requests overlap. */
    @Test
    void latencyDoesNotBlockOtherRequests() throws Exception {
        // The client gets its own executor: its internal work must not queue behind 12 blocked callers.
        try (TestSite site = TestSite.start(new GeneratedSite(SiteSpec.standard()));
             ExecutorService callers = Executors.newFixedThreadPool(12);
             ExecutorService clientExecutor = Executors.newFixedThreadPool(2);
             HttpClient client = client(clientExecutor)) {
            site.setLatency(Duration.ofMillis(300));
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 1; i <= 12; i++) {
                HttpRequest request = HttpRequest.newBuilder(URI.create(site.url(GeneratedSite.pagePath(i)))).build();
                answers.add(callers.submit(() -> client.send(request, HttpResponse.BodyHandlers.ofString())));
            }
            for (Future<HttpResponse<String>> answer : answers) {
                assertThat(answer.get(30, java.util.concurrent.TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            }
            // 4 server threads, 12 requests in flight at once: only possible if no thread waits out the latency.
            assertThat(site.maxInFlight()).isEqualTo(12);
            assertThat(site.requestCount()).isEqualTo(12);
        }
    }

    @Test
    void generatesTheSamePagesEveryTime() {
        GeneratedSite a = new GeneratedSite(SiteSpec.standard());
        GeneratedSite b = new GeneratedSite(SiteSpec.standard());
        for (int i = 0; i < 300; i += 7) {
            String path = GeneratedSite.pagePath(i);
            assertThat(new String(a.respond(path, null, "http://h:1").body()))
                    .isEqualTo(new String(b.respond(path, null, "http://h:1").body()));
        }
    }

    @Test
    void everyPageIsInTheTreeBelowTheIndex() {
        GeneratedSite site = new GeneratedSite(SiteSpec.standard().withPages(500));
        boolean[] reached = new boolean[500];
        reached[0] = true;
        for (int i = 0; i < 500; i++) {
            for (int child : site.children(i)) {
                assertThat(reached[i]).isTrue();
                reached[child] = true;
            }
        }
        for (boolean r : reached) {
            assertThat(r).isTrue();
        }
    }

    @Test
    void answersRedirectsAndErrorsAsSpecified() {
        GeneratedSite site = new GeneratedSite(SiteSpec.standard());
        assertThat(site.respond("/redirect/chain/2", null, "").status()).isEqualTo(303);
        assertThat(site.respond("/redirect/chain/2", null, "").location()).isEqualTo("1");
        assertThat(site.respond("/redirect/loop/a", null, "").location()).isEqualTo("b");
        assertThat(site.respond("/nope", null, "").status()).isEqualTo(404);
        assertThat(site.respond("/page/0300.html", null, "").status()).isEqualTo(404);
        assertThat(site.respond("/error/500.html", null, "").status()).isEqualTo(500);
    }
}
