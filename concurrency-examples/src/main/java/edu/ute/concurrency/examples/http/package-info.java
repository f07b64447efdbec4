/**
 * Exercise 3: an HTTP/1.1 server for {@code GET} and {@code HEAD}, written three ways that serve the
 * same {@link edu.ute.concurrency.examples.http.DemoSite} with the same protocol code:
 * <ul>
 *   <li>the protocol: {@link edu.ute.concurrency.examples.http.HttpRequestParser} (incremental,
 *       RFC 9112), {@link edu.ute.concurrency.examples.http.HttpResponseWriter}, their records and
 *       {@link edu.ute.concurrency.examples.http.HttpServerConfig} (every limit and timeout);</li>
 *   <li>the servers, chosen by {@link edu.ute.concurrency.examples.http.ServerMode}:
 *       {@link edu.ute.concurrency.examples.http.NioHttpServer} (one thread, one {@code Selector}: the
 *       asyncio counterpart), {@link edu.ute.concurrency.examples.http.VirtualThreadHttpServer} and
 *       {@link edu.ute.concurrency.examples.http.ThreadPoolHttpServer} (blocking sockets, a thread per
 *       connection, on {@link edu.ute.concurrency.examples.http.BlockingHttpServer});</li>
 *   <li>{@link edu.ute.concurrency.examples.http.JdkHttpServerBaseline}: the JDK's own server on the same
 *       page, the baseline to compare with;</li>
 *   <li>{@link edu.ute.concurrency.examples.http.HttpServerMain}: the program that starts one.</li>
 * </ul>
 *
 * <p>How to read it: {@code HttpServer}, then {@code NioHttpServer} beside {@code BlockingHttpServer}:
 * the same per-connection steps (parse what is there, answer, write, restart the right clock) as an
 * event loop and as a blocking loop. The two stand side by side on purpose, down to the shape of
 * their small methods ({@code port}, {@code config}, {@code stats}, the start of {@code stop}), so
 * that the difference is the threading model and nothing else; likewise
 * {@code VirtualThreadHttpServer} and {@code ThreadPoolHttpServer} answer {@code BlockingHttpServer}'s
 * three questions in the same few lines, because where a connection's thread comes from is all that
 * differs between them. Every thread a server starts belongs to an executor that {@code stop()}
 * closes.
 *
 * <p>This package imports {@code support} only. The load generator, the load comparison and the
 * robustness probe measure it from {@code http.load}, which this package never imports.
 */
package edu.ute.concurrency.examples.http;
