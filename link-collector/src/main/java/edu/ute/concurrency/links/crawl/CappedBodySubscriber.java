package edu.ute.concurrency.links.crawl;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * An {@link HttpResponse.BodySubscriber} that keeps at most {@code cap} bytes of a body and cancels
 * the rest of the transfer instead of reading it: a 6 GiB "page" costs the crawler {@code cap} bytes
 * of memory and one closed connection.
 *
 * <p>It asks for one buffer at a time ({@code request(1)}), so the HTTP client never buffers far
 * ahead of the cap. {@link #abort()} lets the fetcher's per-request deadline stop a body that
 * trickles in ({@code HttpRequest.timeout} only covers the wait for the response headers).
 *
 * <p>Thread-safety: the HTTP client calls the {@code on*} methods serially; {@link #abort()} may be
 * called from any thread, so every use of the subscription is synchronized.
 */
final class CappedBodySubscriber implements HttpResponse.BodySubscriber<CappedBodySubscriber.CappedBody> {

    /** The bytes kept and whether more were sent. */
    record CappedBody(byte[] bytes, boolean truncated) {
    }

    private final int cap;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final CompletableFuture<CappedBody> body = new CompletableFuture<>();
    private Flow.Subscription subscription;   // guarded by this
    private boolean aborted;                  // guarded by this

    CappedBodySubscriber(int cap) {
        this.cap = cap;
    }

    @Override
    public synchronized void onSubscribe(Flow.Subscription s) {
        if (aborted) {
            s.cancel();
            return;
        }
        subscription = s;
        s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        for (ByteBuffer buffer : buffers) {
            int room = cap - kept.size();
            int take = Math.min(room, buffer.remaining());
            byte[] chunk = new byte[take];
            buffer.get(chunk);
            kept.write(chunk, 0, take);
            if (buffer.hasRemaining()) {
                // More than the cap was sent: keep what we have, stop the transfer.
                body.complete(new CappedBody(kept.toByteArray(), true));
                cancelSubscription();
                return;
            }
        }
        synchronized (this) {
            if (!aborted) {
                subscription.request(1);
            }
        }
    }

    @Override
    public void onError(Throwable error) {
        body.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        body.complete(new CappedBody(kept.toByteArray(), false));
    }

    @Override
    public CompletionStage<CappedBody> getBody() {
        return body;
    }

    /** Stops the transfer because the request's deadline passed. */
    void abort() {
        body.completeExceptionally(new HttpTimeoutException("body not complete before the request deadline"));
        cancelSubscription();
    }

    private synchronized void cancelSubscription() {
        aborted = true;
        if (subscription != null) {
            subscription.cancel();
        }
    }
}
