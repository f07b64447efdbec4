package edu.ute.concurrency.examples.http;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The classic design: a fixed pool of platform threads, one per open connection, plain blocking
 * sockets. Simple and fast while connections are fewer than threads; its limit is that a keep-alive
 * connection holds its thread even while idle, so {@code poolThreads} idle clients exhaust the pool.
 * Connections beyond the pool wait in a bounded queue ({@code poolQueue}); beyond that they are
 * answered 503 at once rather than left hanging.
 *
 * <pre>{@code
 * HttpServerConfig config = HttpServerConfig.defaults().withPort(0).withPool(200, 100);
 * try (HttpServer server = new ThreadPoolHttpServer(config)) {
 *     server.start();
 *     System.out.println(server.url());
 * }
 * }</pre>
 *
 * <p>This is what Python's {@code socketserver.ThreadingMixIn} would be with a thread cap, and what
 * servlet containers did before NIO connectors.
 *
 * <p>Thread-safe; see {@link BlockingHttpServer} for how connections are served and timed out.
 */
public final class ThreadPoolHttpServer extends BlockingHttpServer {

    private final Set<Thread> workers = ConcurrentHashMap.newKeySet();
    private final ThreadPoolExecutor pool;

    /** A server that will listen as {@code config} says once started. */
    public ThreadPoolHttpServer(HttpServerConfig config) {
        super("pool", config);
        AtomicInteger number = new AtomicInteger();
        BlockingQueue<Runnable> queue = config.poolQueue() == 0
                ? new SynchronousQueue<>()
                : new ArrayBlockingQueue<>(config.poolQueue());
        this.pool = new ThreadPoolExecutor(config.poolThreads(), config.poolThreads(), 0, TimeUnit.SECONDS, queue,
                task -> {
                    Thread worker = Thread.ofPlatform().name("http-pool-worker-" + number.incrementAndGet())
                            .unstarted(task);
                    workers.add(worker);
                    return worker;
                },
                new ThreadPoolExecutor.AbortPolicy());
    }

    @Override
    boolean dispatch(Runnable connection) {
        try {
            pool.execute(connection);
            return true;
        } catch (RejectedExecutionException e) {
            return false; // every worker busy and the queue full: the caller answers 503
        }
    }

    @Override
    ExecutorService connectionExecutor() {
        return pool;
    }

    @Override
    List<Thread> liveConnectionThreads() {
        return workers.stream().filter(Thread::isAlive).toList();
    }
}
