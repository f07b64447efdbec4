package edu.ute.concurrency.links.crawl;

import edu.ute.concurrency.links.html.LinkExtractor;
import edu.ute.concurrency.links.robots.RobotsRules;
import edu.ute.concurrency.links.url.UriReference;
import edu.ute.concurrency.links.url.UrlNormalizer;
import edu.ute.concurrency.links.url.UrlNormalizer.LinkKind;
import edu.ute.concurrency.links.url.UrlNormalizer.LinkTarget;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

/**
 * Fetches one URL the way every scheduler needs it: robots.txt checked, politeness delay kept,
 * redirects followed (with a limit and loop detection), the body capped and bounded by the request
 * deadline, links extracted from HTML. The schedulers differ only in <em>when</em> they call it.
 *
 * <p>Two entry points: {@link #fetchAsync(String)} returns at once with a future (the async
 * scheduler composes it); {@link #fetch(String)} blocks the calling thread until the outcome is
 * there (the sequential, threads, futures and virtual-thread schedulers). Both never fail for
 * network reasons: a timeout or a refused connection is a {@link FetchOutcome} of kind
 * {@code FAILED}. Cancelling the future (or interrupting a thread blocked in {@code fetch}) aborts
 * the request in flight.
 *
 * <pre>{@code
 * try (PageFetcher fetcher = PageFetcher.open(settings)) {
 *     FetchOutcome o = fetcher.fetch("http://127.0.0.1:8080/");
 * }
 * }</pre>
 *
 * <p>Threads: the fetcher owns one {@link HttpClient} with an explicit executor of two threads and
 * one timer thread. An explicit executor matters here: on a 2-CPU machine the common pool has
 * parallelism 1, so up to JDK 21 {@code CompletableFuture}'s default async executor starts a new
 * thread per task, and {@code HttpClient} would route every completion through it (hundreds of
 * thread starts per crawl). {@code sendAsync} still completes its future there (a deliberate no-op
 * hop in the JDK's {@code HttpClientImpl}); every stage of ours names {@code httpExecutor}, so no
 * crawler code runs on the default executor. {@link #close()} shuts all of them down and waits for
 * them. Thread-safe.
 */
public final class PageFetcher implements AutoCloseable {

    /** Bodies that are not parsed (redirects, errors, images...) are read at most this far. */
    static final int UNPARSED_BODY_CAP = 64 * 1024;
    private static final int ROBOTS_MAX_REDIRECTS = 5;

    private final CrawlSettings settings;
    private final String startUrl;
    /**
     * Where the start URL's redirects led, if they left the start host ({@code http://example.org/}
     * to {@code https://www.example.org/} is common): that site is in scope too. Written once, by
     * the start URL's fetch, before any other URL is known; volatile for the readers after it.
     */
    private volatile String startRedirectedTo;
    private final Predicate<String> inScope;
    private final ExecutorService httpExecutor;
    private final ScheduledExecutorService timer;
    private final HttpClient client;
    private final HostPacer pacer;
    private final ConcurrentHashMap<String, CompletableFuture<RobotsRules>> robotsByOrigin = new ConcurrentHashMap<>();

    private PageFetcher(CrawlSettings settings) {
        this.settings = settings;
        this.startUrl = UrlNormalizer.normalize(settings.startUrl());
        this.inScope = candidate -> settings.scope().contains(startUrl, candidate)
                || (startRedirectedTo != null && settings.scope().contains(startRedirectedTo, candidate));
        this.httpExecutor = Executors.newFixedThreadPool(2, named("links-http-"));
        ScheduledThreadPoolExecutor timerPool = new ScheduledThreadPoolExecutor(1, named("links-timer-"));
        // Every request schedules its deadline and almost always cancels it: drop cancelled tasks at
        // once instead of keeping them queued until their (10 s later) due time.
        timerPool.setRemoveOnCancelPolicy(true);
        this.timer = timerPool;
        this.pacer = new HostPacer(settings.politenessDelay());
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)      // the default tries an h2c upgrade on http://
                .proxy(HttpClient.Builder.NO_PROXY)
                .followRedirects(HttpClient.Redirect.NEVER) // we follow them ourselves, with loop detection
                .connectTimeout(settings.requestTimeout())
                .executor(httpExecutor)
                .build();
    }

    /** Creates a fetcher (HTTP client, its executor and timer) for one crawl. */
    public static PageFetcher open(CrawlSettings settings) {
        return new PageFetcher(settings);
    }

    /** Daemon threads with a recognisable name prefix (a leak shows up in a thread dump by name). */
    static ThreadFactory named(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** The timer thread shared by this crawl (deadlines, politeness delays, progress). */
    public ScheduledExecutorService timer() {
        return timer;
    }

    /** True when {@code url} may be fetched in this crawl's scope. */
    public boolean inScope(String url) {
        return inScope.test(url);
    }

    /**
     * Fetches {@code url} (normalised, in scope) and blocks until its outcome is known. The
     * per-request deadline bounds the wait for each request of the redirect chain.
     *
     * @throws InterruptedException if the thread is interrupted; the request is aborted first
     */
    public FetchOutcome fetch(String url) throws InterruptedException {
        CompletableFuture<FetchOutcome> outcome = fetchAsync(url);
        try {
            return outcome.get();
        } catch (InterruptedException e) {
            outcome.cancel(true);   // aborts the exchange in flight, then we report the interrupt
            throw e;
        } catch (ExecutionException e) {
            return FetchOutcome.problem(url, url, FetchOutcome.Kind.FAILED, 0, describe(e.getCause()));
        }
    }

    /** Starts fetching {@code url}; the future completes with the outcome and never exceptionally. */
    public CompletableFuture<FetchOutcome> fetchAsync(String url) {
        Chain chain = new Chain(url);
        hop(chain, url);
        return chain.result;
    }

    /** One URL's redirect chain: the hops are made one after another, never concurrently. */
    private static final class Chain {
        final String requestUrl;
        final CompletableFuture<FetchOutcome> result = new CompletableFuture<>();
        // Written by one hop, read by the next: each hop starts from the completion of the previous
        // one, and CompletableFuture completion orders the writes before the reads.
        final Set<String> visited = new HashSet<>();
        final AtomicReference<Runnable> abortCurrent = new AtomicReference<>(() -> { });

        Chain(String requestUrl) {
            this.requestUrl = requestUrl;
            result.whenComplete((o, e) -> {
                if (result.isCancelled()) {
                    abortCurrent.get().run();
                }
            });
        }

        void finish(FetchOutcome outcome) {
            result.complete(outcome);
        }

        void finish(String finalUrl, FetchOutcome.Kind kind, int status, String detail) {
            result.complete(FetchOutcome.problem(requestUrl, finalUrl, kind, status, detail));
        }
    }

    private void hop(Chain chain, String url) {
        if (chain.result.isDone()) {
            return;
        }
        chain.visited.add(url);
        robotsFor(url).whenComplete((rules, error) -> {
            try {
                if (rules != null && !rules.allows(UrlNormalizer.pathAndQuery(url))) {
                    chain.finish(url, FetchOutcome.Kind.BLOCKED_BY_ROBOTS, 0, "disallowed by robots.txt");
                    return;
                }
                long waitNanos = pacer.reserve(UrlNormalizer.hostAndPort(url));
                if (waitNanos > 0) {
                    timer.schedule(() -> send(chain, url), waitNanos, TimeUnit.NANOSECONDS);
                } else {
                    send(chain, url);
                }
            } catch (RejectedExecutionException e) {
                chain.finish(url, FetchOutcome.Kind.FAILED, 0, "crawl stopped");
            } catch (RuntimeException e) {
                chain.finish(url, FetchOutcome.Kind.FAILED, 0, "internal error: " + e);
            }
        });
    }

    private void send(Chain chain, String url) {
        if (chain.result.isDone()) {
            return;
        }
        exchange(url, this::pageBodyCap, chain).whenComplete((response, error) -> {
            try {
                onResponse(chain, url, response, error);
            } catch (RuntimeException e) {
                chain.finish(url, FetchOutcome.Kind.FAILED, 0, "internal error: " + e);
            }
        });
    }

    private void onResponse(Chain chain, String url, HttpResponse<CappedBodySubscriber.CappedBody> response,
                            Throwable error) {
        if (error != null) {
            chain.finish(url, FetchOutcome.Kind.FAILED, 0, describe(error));
            return;
        }
        int status = response.statusCode();
        if (isRedirect(status)) {
            followRedirect(chain, url, response);
        } else if (status >= 200 && status < 300) {
            chain.finish(page(chain.requestUrl, url, response));
        } else {
            chain.finish(url, FetchOutcome.Kind.HTTP_ERROR, status, String.valueOf(status));
        }
    }

    private void followRedirect(Chain chain, String url, HttpResponse<?> response) {
        int status = response.statusCode();
        String location = response.headers().firstValue("Location").orElse(null);
        if (location == null) {
            chain.finish(url, FetchOutcome.Kind.HTTP_ERROR, status, status + " without Location");
            return;
        }
        // RFC 9110 10.2.2: a relative Location is resolved against the URL of the request.
        LinkTarget target = UrlNormalizer.resolveLink(UriReference.parse(url), location);
        if (target.kind() != LinkKind.RESOLVED || !UrlNormalizer.isHttp(target.url())) {
            chain.finish(url, FetchOutcome.Kind.HTTP_ERROR, status, status + " with unusable Location");
            return;
        }
        String next = target.url();
        if (chain.visited.contains(next)) {
            chain.finish(next, FetchOutcome.Kind.REDIRECT_LOOP, status, "redirect loop");
        } else if (chain.visited.size() > settings.maxRedirects()) {
            chain.finish(next, FetchOutcome.Kind.TOO_MANY_REDIRECTS, status,
                    "more than " + settings.maxRedirects() + " redirects");
        } else if (!inScope.test(next) && chain.requestUrl.equals(startUrl) && UrlNormalizer.isHttp(next)) {
            startRedirectedTo = next;   // the site the user asked for lives elsewhere: follow it there
            hop(chain, next);
        } else if (!inScope.test(next)) {
            chain.finish(next, FetchOutcome.Kind.LEFT_SCOPE, status, "redirects out of scope");
        } else {
            hop(chain, next);
        }
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    /** Only successful HTML responses are read up to the (large) page cap; everything else a little. */
    private int pageBodyCap(HttpResponse.ResponseInfo info) {
        boolean success = info.statusCode() >= 200 && info.statusCode() < 300;
        String type = mediaType(info.headers().firstValue("Content-Type").orElse(""));
        return success && (isHtml(type) || type.isEmpty()) ? settings.maxBodyBytes() : UNPARSED_BODY_CAP;
    }

    private FetchOutcome page(String requestUrl, String url, HttpResponse<CappedBodySubscriber.CappedBody> response) {
        String contentTypeHeader = response.headers().firstValue("Content-Type").orElse("");
        String type = mediaType(contentTypeHeader);
        CappedBodySubscriber.CappedBody body = response.body();
        byte[] bytes = body.bytes();
        boolean parse = isHtml(type) || (type.isEmpty() && looksLikeHtml(bytes));
        List<String> links = new ArrayList<>();
        List<String> malformed = new ArrayList<>();
        if (parse) {
            String html = new String(bytes, charsetOf(contentTypeHeader));
            LinkExtractor.ExtractedLinks found = LinkExtractor.extract(html);
            UriReference base = UriReference.parse(url);
            if (found.baseHref() != null) {
                LinkTarget b = UrlNormalizer.resolveLink(base, found.baseHref());
                if (b.kind() == LinkKind.RESOLVED) {
                    base = UriReference.parse(b.url());
                }
            }
            Set<String> distinct = new LinkedHashSet<>();
            Set<String> distinctMalformed = new LinkedHashSet<>();
            for (String href : found.links()) {
                LinkTarget t = UrlNormalizer.resolveLink(base, href);
                switch (t.kind()) {
                    case RESOLVED -> distinct.add(t.url());
                    case MALFORMED -> distinctMalformed.add(t.url());
                    case SKIPPED -> { }   // mailto:, javascript:, tel:, data: are not resources
                }
            }
            links.addAll(distinct);
            malformed.addAll(distinctMalformed);
        }
        return new FetchOutcome(requestUrl, url, FetchOutcome.Kind.PAGE, response.statusCode(), type,
                bytes.length, body.truncated(), links, malformed, String.valueOf(response.statusCode()));
    }

    private static String mediaType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    private static boolean isHtml(String mediaType) {
        return mediaType.equals("text/html") || mediaType.equals("application/xhtml+xml");
    }

    private static boolean looksLikeHtml(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 256), StandardCharsets.ISO_8859_1)
                .stripLeading().toLowerCase(Locale.ROOT);
        return head.startsWith("<!doctype html") || head.startsWith("<html");
    }

    private static Charset charsetOf(String contentType) {
        for (String param : contentType.split(";")) {
            String p = param.trim();
            if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                String name = p.substring(8).replace("\"", "").trim();
                try {
                    return Charset.forName(name);
                } catch (IllegalArgumentException e) {
                    return StandardCharsets.UTF_8;   // unknown charset: URLs are ASCII anyway
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    // ---- robots.txt -------------------------------------------------------------------------

    private CompletableFuture<RobotsRules> robotsFor(String url) {
        if (!settings.obeyRobots()) {
            return CompletableFuture.completedFuture(RobotsRules.allowAll());
        }
        // One request per origin, even when many workers ask at once: the first creates the future.
        return robotsByOrigin.computeIfAbsent(UrlNormalizer.origin(url),
                origin -> loadRobots(origin + "/robots.txt", ROBOTS_MAX_REDIRECTS));
    }

    private CompletableFuture<RobotsRules> loadRobots(String robotsUrl, int redirectsLeft) {
        return exchange(robotsUrl, info -> RobotsRules.MAX_PARSED_BYTES, null).handle((response, error) -> {
            if (error != null) {
                return CompletableFuture.completedFuture(RobotsRules.disallowAll());   // RFC 9309 2.3.1.4
            }
            int status = response.statusCode();
            if (isRedirect(status) && redirectsLeft > 0) {
                String location = response.headers().firstValue("Location").orElse(null);
                if (location != null) {
                    LinkTarget t = UrlNormalizer.resolveLink(UriReference.parse(robotsUrl), location);
                    if (t.kind() == LinkKind.RESOLVED && UrlNormalizer.isHttp(t.url())) {
                        return loadRobots(t.url(), redirectsLeft - 1);
                    }
                }
                return CompletableFuture.completedFuture(RobotsRules.allowAll());
            }
            if (status >= 200 && status < 300) {
                String text = new String(response.body().bytes(), StandardCharsets.UTF_8);
                return CompletableFuture.completedFuture(RobotsRules.parse(text, settings.userAgent()));
            }
            if (status >= 500) {
                return CompletableFuture.completedFuture(RobotsRules.disallowAll());
            }
            return CompletableFuture.completedFuture(RobotsRules.allowAll());   // 4xx: "unavailable"
        }).thenCompose(f -> f);
    }

    // ---- one HTTP exchange with a deadline ---------------------------------------------------

    /**
     * Sends one GET and completes when the (capped) body is in, or exceptionally at the request
     * deadline. {@code HttpRequest.timeout} alone would not do: it stops at the response headers and
     * a body that trickles in would hold the request forever.
     */
    private CompletableFuture<HttpResponse<CappedBodySubscriber.CappedBody>> exchange(
            String url, ToIntFunction<HttpResponse.ResponseInfo> capFor, Chain chain) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("URL not accepted by HttpClient"));
        }
        Duration timeout = settings.requestTimeout();
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(uri)
                    .timeout(timeout)
                    .header("User-Agent", settings.userAgent() + "/1.0")
                    .GET()
                    .build();
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("URL not accepted by HttpClient"));
        }
        AtomicReference<CappedBodySubscriber> body = new AtomicReference<>();
        HttpResponse.BodyHandler<CappedBodySubscriber.CappedBody> handler = info -> {
            CappedBodySubscriber s = new CappedBodySubscriber(capFor.applyAsInt(info));
            body.set(s);
            return s;
        };
        CompletableFuture<HttpResponse<CappedBodySubscriber.CappedBody>> response = client.sendAsync(request, handler);
        CompletableFuture<HttpResponse<CappedBodySubscriber.CappedBody>> result = new CompletableFuture<>();
        Runnable abort = () -> {
            response.cancel(true);   // JDK 16+: cancelling the sendAsync future aborts the exchange
            CappedBodySubscriber s = body.get();
            if (s != null) {
                s.abort();
            }
        };
        if (chain != null) {
            chain.abortCurrent.set(abort);
            if (chain.result.isDone()) {
                abort.run();   // cancelled while we were setting up
            }
        }
        ScheduledFuture<?> deadline;
        try {
            deadline = timer.schedule(() -> {
                if (result.completeExceptionally(new HttpTimeoutException("request timed out"))) {
                    abort.run();
                }
            }, timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            abort.run();
            return CompletableFuture.failedFuture(new CancellationException("crawl stopped"));
        }
        // sendAsync completes its future on CompletableFuture's default executor (the JDK hops there
        // on purpose); hop straight back to our own executor so no crawler code runs on it.
        response.whenCompleteAsync((r, e) -> {
            deadline.cancel(false);
            if (e != null) {
                result.completeExceptionally(e);
            } else {
                result.complete(r);
            }
        }, httpExecutor);
        return result;
    }

    /** A short, deterministic description of a failure (the same in every mode and run). */
    static String describe(Throwable error) {
        Throwable e = error;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        if (e instanceof HttpTimeoutException) {
            return "timeout";
        }
        if (e instanceof CancellationException) {
            return "cancelled";
        }
        if (e instanceof ConnectException) {
            return "connection failed";
        }
        if (e instanceof IllegalArgumentException) {
            return e.getMessage();
        }
        if (e instanceof IOException) {
            return "I/O error (" + e.getClass().getSimpleName() + ")";
        }
        return "error (" + e.getClass().getSimpleName() + ")";
    }

    /** Stops the HTTP client, its executor and the timer, and waits for their threads to end. */
    @Override
    public void close() {
        client.shutdownNow();
        timer.shutdownNow();
        // Wait even if this thread was interrupted (a cancelled crawl must still leave no threads
        // behind), then restore the flag: closing is not a reason to lose the interrupt.
        boolean interrupted = Thread.interrupted();
        try {
            client.awaitTermination(Duration.ofSeconds(5));
            httpExecutor.shutdownNow();
            httpExecutor.awaitTermination(5, TimeUnit.SECONDS);
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            interrupted = true;
            httpExecutor.shutdownNow();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
