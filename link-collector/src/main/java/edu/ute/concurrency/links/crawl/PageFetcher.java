package edu.ute.concurrency.links.crawl;

import edu.ute.concurrency.links.html.LinkExtractor;
import edu.ute.concurrency.links.http.BodyLimit;
import edu.ute.concurrency.links.http.ContentCoding;
import edu.ute.concurrency.links.http.HttpResponse;
import edu.ute.concurrency.links.http.SelectorHttpClient;
import edu.ute.concurrency.links.robots.RobotsRules;
import edu.ute.concurrency.links.url.UriReference;
import edu.ute.concurrency.links.url.UrlNormalizer;
import edu.ute.concurrency.links.url.UrlNormalizer.LinkKind;
import edu.ute.concurrency.links.url.UrlNormalizer.LinkTarget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fetches one URL the way every scheduler needs it: robots.txt checked, politeness kept, one GET
 * sent, the answer turned into a {@link FetchOutcome} (links extracted from HTML). Redirects are
 * not followed here: a redirect is an outcome, and {@link CrawlState} decides whether its target
 * is fetched, so that a URL reached both by a link and by a redirect is requested once.
 *
 * <p>Two entry points: {@link #fetchAsync} returns at once with a future (the async scheduler
 * composes it); {@link #fetch} blocks the calling thread until the outcome is there and extracts
 * the links on that thread (the sequential, threads, futures and virtual-thread schedulers). Both
 * never fail for network reasons: a timeout or a refused connection is an outcome of kind
 * {@code FAILED} that says so. Cancelling the future (or interrupting a thread blocked in
 * {@code fetch}) aborts the request in flight.
 *
 * <pre>{@code
 * try (PageFetcher fetcher = PageFetcher.open(settings)) {
 *     FetchOutcome o = fetcher.fetch(new CrawlTask("http://127.0.0.1:8080/", 0, CrawlTask.Purpose.CRAWL));
 * }
 * }</pre>
 *
 * <p>What a request carries and how its answer is read:
 * <ul>
 *   <li>{@code Accept-Encoding: gzip, deflate}, and those codings are undone (RFC 9110 sections
 *       8.4 and 12.5.3). Without the header a server may send any coding; a page in a coding the
 *       crawler cannot undo is recorded with that problem, never parsed as if it were HTML.</li>
 *   <li>A {@code Location} with raw non-ASCII bytes is read as UTF-8 when it is valid UTF-8 (what
 *       browsers do), then percent-encoded by the normaliser; relative, it is resolved against
 *       the request URL (RFC 9110 section 10.2.2).</li>
 *   <li>robots.txt (RFC 9309) once per origin, following up to five redirects (2.3.1.2): 4xx allows
 *       everything, 5xx forbids everything (2.3.1.3-4). When robots.txt cannot be reached at all
 *       (refused, unknown host, TLS failure, timeout), nothing on that origin can be: each of its
 *       URLs is reported with that reason. Its {@code Crawl-delay} spaces requests to the origin,
 *       up to {@value #MAX_CRAWL_DELAY_SECONDS} s.</li>
 *   <li>{@code 429 Too Many Requests}, and {@code 503} with {@code Retry-After}: the origin is held
 *       back for the time asked (RFC 9110 section 10.2.3; 1, 2, 4 s when a 429 names none), up to
 *       {@value #MAX_RETRY_AFTER_SECONDS} s, and the request is retried at most
 *       {@value #MAX_RETRIES} times.</li>
 *   <li>External links ({@link CrawlTask.Purpose#CHECK}): one GET each, at most
 *       {@value #EXTERNAL_PER_HOST} in flight per host, the body read to
 *       {@value #CHECK_BODY_CAP} bytes. GET rather than HEAD: enough servers answer HEAD with 405,
 *       403 or 404 where GET works that a HEAD-first checker needs a second request for them.</li>
 * </ul>
 *
 * <p>Threads: the fetcher owns one {@link SelectorHttpClient} (one loop thread, which also runs
 * this class's timers and robots.txt parsing). {@link #close()} stops it and waits. Thread-safe.
 */
public final class PageFetcher implements AutoCloseable {

    /** Bodies that are not parsed (redirects, errors, images...) are read at most this far. */
    static final int UNPARSED_BODY_CAP = 64 * 1024;
    /** External links are checked, not parsed: this much body is enough to keep the connection. */
    static final int CHECK_BODY_CAP = 16 * 1024;
    public static final int EXTERNAL_PER_HOST = 2;
    public static final int MAX_RETRIES = 3;
    public static final int MAX_RETRY_AFTER_SECONDS = 60;
    public static final int MAX_CRAWL_DELAY_SECONDS = 10;
    private static final int ROBOTS_MAX_REDIRECTS = 5;
    private static final String ACCEPT = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8";

    private final CrawlSettings settings;
    private final SelectorHttpClient client;
    private final HostPacer pacer = new HostPacer();
    private final HostLimiter externalHosts = new HostLimiter(EXTERNAL_PER_HOST);
    private final ConcurrentHashMap<String, CompletableFuture<RobotsAccess>> robotsByOrigin = new ConcurrentHashMap<>();

    private PageFetcher(CrawlSettings settings) {
        this.settings = settings;
        try {
            this.client = SelectorHttpClient.open(List.of(
                    new HttpResponse.Header("User-Agent", settings.userAgent()),
                    new HttpResponse.Header("Accept", ACCEPT),
                    new HttpResponse.Header("Accept-Encoding", ContentCoding.ACCEPT_ENCODING)),
                    settings.verifyTls() ? SelectorHttpClient.Tls.VERIFY : SelectorHttpClient.Tls.TRUST_ANY);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a network selector", e);
        }
    }

    /** Creates a fetcher (its HTTP client and loop thread) for one crawl. */
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

    /** Runs {@code action} after {@code delayNanos} on the fetcher's loop thread; it must be short. */
    public SelectorHttpClient.Cancellable schedule(long delayNanos, Runnable action) {
        return client.schedule(delayNanos, action);
    }

    /**
     * Fetches the task's URL and blocks until its outcome is known; the links are extracted on the
     * calling thread.
     *
     * @throws InterruptedException if the thread is interrupted; the request is aborted first
     */
    public FetchOutcome fetch(CrawlTask task) throws InterruptedException {
        try {
            return fetch(task, Long.MAX_VALUE);
        } catch (TimeoutException e) {
            throw new AssertionError("no wait is that long", e);
        }
    }

    /**
     * As {@link #fetch(CrawlTask)}, but waits at most {@code waitNanos} for the network (the crawl's
     * deadline may come before the request's own).
     *
     * @throws TimeoutException if the wait ran out; the request is aborted first
     */
    public FetchOutcome fetch(CrawlTask task, long waitNanos) throws InterruptedException, TimeoutException {
        CompletableFuture<Answer> answer = request(task);
        try {
            return outcome(task, answer.get(waitNanos, TimeUnit.NANOSECONDS));
        } catch (InterruptedException | TimeoutException e) {
            answer.cancel(true);   // aborts the exchange in flight, then we report why
            throw e;
        } catch (ExecutionException e) {
            throw new IllegalStateException("fetch of " + task.url() + " failed", e.getCause());
        }
    }

    /**
     * Starts fetching the task's URL; the future completes with the outcome, computed (links
     * extracted) on {@code parseOn}, and never exceptionally unless {@code parseOn} refuses it.
     */
    public CompletableFuture<FetchOutcome> fetchAsync(CrawlTask task, Executor parseOn) {
        CompletableFuture<Answer> answer = request(task);
        CompletableFuture<FetchOutcome> outcome = answer.thenApplyAsync(a -> outcome(task, a), parseOn);
        outcome.whenComplete((o, e) -> {
            if (outcome.isCancelled()) {
                answer.cancel(true);
            }
        });
        return outcome;
    }

    /** Stops the HTTP client (every request in flight fails) and waits for its thread. */
    @Override
    public void close() {
        client.close();
    }

    // ---- one fetch: robots, politeness, the exchange, retries ----------------------------------

    /** The network's answer to a fetch: a response, or an outcome decided without one. */
    private record Answer(HttpResponse response, FetchOutcome decided, String note) {
    }

    private CompletableFuture<Answer> request(CrawlTask task) {
        Fetch f = new Fetch(task);
        f.start();
        return f.result;
    }

    /**
     * The steps of one fetch, each started by the end of the one before: robots.txt, a host permit
     * (external links), the politeness slot, the exchange, a retry. {@code abort} cancels whichever
     * step is under way when the fetch is cancelled.
     */
    private final class Fetch {
        final CrawlTask task;
        final String origin;
        final CompletableFuture<Answer> result = new CompletableFuture<>();
        private final AtomicBoolean holdsPermit = new AtomicBoolean();
        private volatile Runnable abort = () -> { };
        private long gapNanos;
        private int retries;

        Fetch(CrawlTask task) {
            this.task = task;
            this.origin = UrlNormalizer.origin(task.url());
            result.whenComplete((a, e) -> {
                if (result.isCancelled()) {
                    abort.run();
                }
                releasePermit();
            });
        }

        void start() {
            robotsFor(origin).whenComplete((access, error) -> {
                if (error != null) {
                    decide(FetchOutcome.Kind.FAILED, "internal error: " + error);
                } else if (access.unreachable() != null) {
                    decide(FetchOutcome.Kind.FAILED, access.unreachable());
                } else if (access.blocked() != null) {
                    decide(FetchOutcome.Kind.BLOCKED_BY_ROBOTS, access.blocked());
                } else if (!access.rules().allows(UrlNormalizer.pathAndQuery(task.url()))) {
                    decide(FetchOutcome.Kind.BLOCKED_BY_ROBOTS, "disallowed by robots.txt");
                } else {
                    gapNanos = access.gapNanos();
                    if (task.purpose() == CrawlTask.Purpose.CHECK) {
                        waitForPermit();
                    } else {
                        pace();
                    }
                }
            });
        }

        private void waitForPermit() {
            CompletableFuture<Void> permit = externalHosts.acquire(UrlNormalizer.hostAndPort(task.url()));
            onAbort(() -> permit.cancel(false));
            permit.thenRun(() -> {
                holdsPermit.set(true);
                if (result.isDone()) {
                    releasePermit();   // abandoned while waiting: pass the permit on
                } else {
                    pace();
                }
            });
        }

        private void releasePermit() {
            if (holdsPermit.compareAndSet(true, false)) {
                externalHosts.release(UrlNormalizer.hostAndPort(task.url()));
            }
        }

        private void pace() {
            long wait = pacer.reserve(origin, gapNanos);
            if (wait > 0) {
                SelectorHttpClient.Cancellable timer = client.schedule(wait, this::send);
                onAbort(timer::cancel);
            } else {
                send();
            }
        }

        private void send() {
            if (result.isDone()) {
                return;
            }
            CompletableFuture<HttpResponse> exchange = client.get(task.url(), limitFor(task),
                    settings.requestTimeout().toNanos());
            onAbort(() -> exchange.cancel(true));
            exchange.whenComplete(this::answered);
        }

        /**
         * Makes {@code step} the one a cancellation aborts. If the fetch was cancelled while the step
         * was being set up, the cancellation has already run the previous abort: abort this one now.
         */
        private void onAbort(Runnable step) {
            abort = step;
            if (result.isCancelled()) {
                step.run();
            }
        }

        private void answered(HttpResponse response, Throwable error) {
            if (error != null) {
                decide(FetchOutcome.Kind.FAILED, describe(error));
                return;
            }
            int status = response.status();
            String retryAfter = response.header("Retry-After");
            if (status == 429 || (status == 503 && retryAfter != null)) {
                long waitNanos = retryAfter != null ? retryAfterNanos(retryAfter)
                        : TimeUnit.SECONDS.toNanos(1L << Math.min(retries, 20));
                if (waitNanos < 0) {
                    result.complete(new Answer(response, null, "unreadable Retry-After"));
                } else if (waitNanos > TimeUnit.SECONDS.toNanos(MAX_RETRY_AFTER_SECONDS)) {
                    result.complete(new Answer(response, null, "asked to wait " + TimeUnit.NANOSECONDS.toSeconds(waitNanos)
                            + " s, more than the " + MAX_RETRY_AFTER_SECONDS + " s the crawler waits"));
                } else if (retries >= MAX_RETRIES) {
                    result.complete(new Answer(response, null, "still " + status + " after " + MAX_RETRIES + " retries"));
                } else {
                    retries++;
                    pacer.pause(origin, waitNanos);
                    pace();
                }
                return;
            }
            result.complete(new Answer(response, null, null));
        }

        private void decide(FetchOutcome.Kind kind, String detail) {
            result.complete(new Answer(null, FetchOutcome.problem(task.url(), kind, 0, detail), null));
        }
    }

    /**
     * RFC 9110 section 10.2.3: delay-seconds or an HTTP-date; returns nanoseconds from now (0 for a
     * date in the past), or -1 if the value is neither.
     */
    static long retryAfterNanos(String value) {
        String v = value.strip();
        if (!v.isEmpty() && v.length() <= 9 && v.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return TimeUnit.SECONDS.toNanos(Long.parseLong(v));
        }
        try {
            ZonedDateTime when = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
            long millis = when.toInstant().toEpochMilli() - System.currentTimeMillis();
            return TimeUnit.MILLISECONDS.toNanos(Math.max(0, millis));
        } catch (DateTimeParseException e) {
            return -1;
        }
    }

    /** An HTML page of the site is read up to the page cap; everything else a little. */
    private BodyLimit limitFor(CrawlTask task) {
        if (task.purpose() == CrawlTask.Purpose.CHECK) {
            return (status, headers) -> CHECK_BODY_CAP;
        }
        return (status, headers) -> {
            String type = mediaType(headerValue(headers, "Content-Type"));
            boolean success = status >= 200 && status < 300;
            return success && (isHtml(type) || type.isEmpty()) ? settings.maxBodyBytes() : UNPARSED_BODY_CAP;
        };
    }

    private static String headerValue(List<HttpResponse.Header> headers, String name) {
        for (HttpResponse.Header h : headers) {
            if (h.name().equalsIgnoreCase(name)) {
                return h.value();
            }
        }
        return "";
    }

    // ---- from an answer to an outcome (CPU only: runs on the caller's thread) -------------------

    private FetchOutcome outcome(CrawlTask task, Answer answer) {
        if (answer.decided() != null) {
            return answer.decided();
        }
        HttpResponse r = answer.response();
        int status = r.status();
        if (isRedirect(status)) {
            return redirect(task.url(), r);
        }
        if (status >= 200 && status < 300) {
            return page(task, r);
        }
        String detail = answer.note() == null ? String.valueOf(status) : status + " (" + answer.note() + ")";
        return FetchOutcome.problem(task.url(), FetchOutcome.Kind.HTTP_ERROR, status, detail);
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static FetchOutcome redirect(String url, HttpResponse r) {
        int status = r.status();
        String location = r.header("Location");
        if (location == null) {
            return FetchOutcome.problem(url, FetchOutcome.Kind.HTTP_ERROR, status, status + " without Location");
        }
        LinkTarget target = UrlNormalizer.resolveLink(UriReference.parse(url), headerText(location));
        if (target.kind() != LinkKind.RESOLVED || !UrlNormalizer.isHttp(target.url())) {
            return FetchOutcome.problem(url, FetchOutcome.Kind.HTTP_ERROR, status, status + " with unusable Location");
        }
        return FetchOutcome.redirect(url, status, target.url());
    }

    /**
     * A header value as text: its octets (one char each, as received) read as UTF-8 if they are
     * valid UTF-8, else as ISO-8859-1, the historical charset of HTTP fields (RFC 9110 section 5.5).
     */
    static String headerText(String octets) {
        boolean ascii = true;
        for (int i = 0; i < octets.length() && ascii; i++) {
            ascii = octets.charAt(i) < 0x80;
        }
        if (ascii) {
            return octets;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(octets.getBytes(StandardCharsets.ISO_8859_1)))
                    .toString();
        } catch (CharacterCodingException e) {
            return octets;
        }
    }

    private FetchOutcome page(CrawlTask task, HttpResponse r) {
        String contentTypeHeader = r.header("Content-Type") == null ? "" : r.header("Content-Type");
        String type = mediaType(contentTypeHeader);
        boolean crawl = task.purpose() == CrawlTask.Purpose.CRAWL;
        boolean mayBeHtml = crawl && (isHtml(type) || type.isEmpty());
        byte[] body = r.body();
        boolean truncated = r.truncated();
        String problem = "";
        List<String> codings = r.headerValues("Content-Encoding");
        if (!codings.isEmpty()) {
            try {
                ContentCoding.Decoded decoded = ContentCoding.decode(codings, body, truncated,
                        limitFor(task).bytesFor(r.status(), r.headers()));
                body = decoded.bytes();
                truncated = decoded.truncated();
            } catch (ContentCoding.UnsupportedCodingException e) {
                problem = mayBeHtml ? "Content-Encoding " + e.getMessage() + " not supported: links not read" : "";
            } catch (IOException e) {
                problem = mayBeHtml ? "corrupt " + String.join(", ", codings) + " data: links not read" : "";
            }
        }
        List<String> links = new ArrayList<>();
        List<String> malformed = new ArrayList<>();
        if (problem.isEmpty() && crawl && (isHtml(type) || (type.isEmpty() && looksLikeHtml(body)))) {
            extractLinks(task.url(), new String(body, charsetOf(contentTypeHeader)), links, malformed);
        }
        return new FetchOutcome(task.url(), FetchOutcome.Kind.PAGE, r.status(), type, body.length, truncated,
                links, malformed, "", String.valueOf(r.status()), problem);
    }

    private static void extractLinks(String pageUrl, String html, List<String> links, List<String> malformed) {
        LinkExtractor.ExtractedLinks found = LinkExtractor.extract(html);
        UriReference base = UriReference.parse(pageUrl);
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

    /**
     * What robots.txt says about one origin: its rules and the gap between requests, or why
     * nothing there may be fetched.
     *
     * @param rules       the rules (allow-all when robots.txt is not obeyed or absent)
     * @param unreachable the network failure that kept robots.txt out of reach, or null
     * @param blocked     why everything is disallowed (a 5xx answer), or null
     * @param gapNanos    the politeness gap for this origin
     */
    private record RobotsAccess(RobotsRules rules, String unreachable, String blocked, long gapNanos) {
    }

    private CompletableFuture<RobotsAccess> robotsFor(String origin) {
        long delay = settings.politenessDelay().toNanos();
        if (!settings.obeyRobots()) {
            return CompletableFuture.completedFuture(new RobotsAccess(RobotsRules.allowAll(), null, null, delay));
        }
        // One request per origin, even when many workers ask at once: the first creates the future.
        return robotsByOrigin.computeIfAbsent(origin, o -> {
            CompletableFuture<RobotsAccess> access = new CompletableFuture<>();
            long wait = pacer.reserve(o, delay);
            client.schedule(Math.max(wait, 0), () -> loadRobots(o + "/robots.txt", ROBOTS_MAX_REDIRECTS, access));
            return access;
        });
    }

    private void loadRobots(String robotsUrl, int redirectsLeft, CompletableFuture<RobotsAccess> access) {
        long delay = settings.politenessDelay().toNanos();
        client.get(robotsUrl, (status, headers) -> RobotsRules.MAX_PARSED_BYTES, settings.requestTimeout().toNanos())
                .whenComplete((r, error) -> {
                    try {
                        if (error != null) {
                            access.complete(new RobotsAccess(null, describe(error), null, delay));
                            return;
                        }
                        int status = r.status();
                        if (isRedirect(status) && r.header("Location") != null) {
                            LinkTarget t = UrlNormalizer.resolveLink(UriReference.parse(robotsUrl), headerText(r.header("Location")));
                            if (redirectsLeft > 0 && t.kind() == LinkKind.RESOLVED && UrlNormalizer.isHttp(t.url())) {
                                loadRobots(t.url(), redirectsLeft - 1, access);
                                return;
                            }
                            access.complete(new RobotsAccess(RobotsRules.allowAll(), null, null, delay));   // 2.3.1.2
                        } else if (status >= 200 && status < 300) {
                            RobotsRules rules = RobotsRules.parse(robotsText(r), settings.robotsToken());
                            long crawlDelay = Math.min(rules.crawlDelay().toNanos(),
                                    TimeUnit.SECONDS.toNanos(MAX_CRAWL_DELAY_SECONDS));
                            access.complete(new RobotsAccess(rules, null, null, Math.max(delay, crawlDelay)));
                        } else if (status >= 500) {
                            access.complete(new RobotsAccess(null, null, "robots.txt answered " + status, delay));
                        } else {
                            access.complete(new RobotsAccess(RobotsRules.allowAll(), null, null, delay));   // 4xx: unavailable
                        }
                    } catch (RuntimeException e) {
                        access.complete(new RobotsAccess(null, "robots.txt unreadable: " + e, null, delay));
                    }
                });
    }

    private static String robotsText(HttpResponse r) {
        byte[] body = r.body();
        List<String> codings = r.headerValues("Content-Encoding");
        if (!codings.isEmpty()) {
            try {
                body = ContentCoding.decode(codings, body, r.truncated(), RobotsRules.MAX_PARSED_BYTES).bytes();
            } catch (IOException e) {
                return "";   // unreadable: as if empty, which allows everything (RFC 9309 2.3.1.3 treats it as unavailable)
            }
        }
        return new String(body, StandardCharsets.UTF_8);
    }

    /** A short, deterministic description of a failure (the same in every mode and run). */
    static String describe(Throwable error) {
        Throwable e = error;
        while ((e instanceof java.util.concurrent.CompletionException || e instanceof ExecutionException)
                && e.getCause() != null) {
            e = e.getCause();
        }
        if (e instanceof java.util.concurrent.CancellationException) {
            return "cancelled";
        }
        return e instanceof IOException ? e.getMessage() : "internal error: " + e;
    }
}
