package edu.ute.concurrency.examples.http;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

/**
 * One virtual thread per connection, plain blocking sockets (JDK 21+). The code reads like the
 * simplest blocking server, but a thread blocked in {@code read} costs a few hundred bytes instead of
 * a megabyte of stack, so ten thousand idle keep-alive connections are ten thousand cheap parked
 * virtual threads, not ten thousand operating-system threads.
 *
 * <pre>{@code
 * try (HttpServer server = new VirtualThreadHttpServer(HttpServerConfig.defaults().withPort(0))) {
 *     server.start();
 *     System.out.println(server.url());
 * }
 * }</pre>
 *
 * <p>The Python reader's comparison: this is "a thread per connection" without the cost that makes
 * that design a bad idea with OS threads, and without rewriting the code as coroutines.
 *
 * <p>Thread-safe; see {@link BlockingHttpServer} for how connections are served and timed out.
 */
public final class VirtualThreadHttpServer extends BlockingHttpServer {

    private final Set<Thread> connectionThreads = ConcurrentHashMap.newKeySet();
    private final ExecutorService executor;

    /** A server that will listen as {@code config} says once started. */
    public VirtualThreadHttpServer(HttpServerConfig config) {
        super("virtual", config);
        ThreadFactory virtualThreads = Thread.ofVirtual().name("http-virtual-connection-", 0).factory();
        this.executor = Executors.newThreadPerTaskExecutor(virtualThreads);
    }

    @Override
    boolean dispatch(Runnable connection) {
        executor.execute(() -> {
            Thread current = Thread.currentThread();
            connectionThreads.add(current);
            try {
                connection.run();
            } finally {
                connectionThreads.remove(current);
            }
        });
        return true; // bounded by maxConnections, checked by the acceptor, not by a pool size
    }

    @Override
    ExecutorService connectionExecutor() {
        return executor;
    }

    @Override
    List<Thread> liveConnectionThreads() {
        return connectionThreads.stream().filter(Thread::isAlive).toList();
    }
}
