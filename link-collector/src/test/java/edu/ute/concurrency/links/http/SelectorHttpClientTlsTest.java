package edu.ute.concurrency.links.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import edu.ute.concurrency.links.http.ScriptedServer.After;
import edu.ute.concurrency.links.http.ScriptedServer.Reply;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS through {@code SSLEngine}, against the JDK's own HTTPS server (a peer this project did not
 * write) with a self-signed certificate made by {@code keytool} for the test.
 */
class SelectorHttpClientTlsTest {

    private static final BodyLimit ONE_MIB = (status, headers) -> 1 << 20;
    private static final long FIVE_SECONDS = TimeUnit.SECONDS.toNanos(5);

    @TempDir
    static Path dir;
    private static HttpsServer server;
    private static final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();

    @BeforeAll
    static void startHttpsServer() throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        assumeTrue(Files.isExecutable(keytool), "keytool not found at " + keytool);
        Path store = dir.resolve("site.p12");
        Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "site", "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-validity", "2", "-keystore", store.toString(), "-storetype", "PKCS12",
                "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assumeTrue(p.exitValue() == 0, "keytool failed: " + output);

        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(context));
        server.createContext("/", exchange -> {
            clientPorts.add(exchange.getRemoteAddress().getPort());
            byte[] body = ("secure " + exchange.getRequestURI()).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterAll
    static void stopHttpsServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static String url(String target) {
        return "https://127.0.0.1:" + server.getAddress().getPort() + target;
    }

    @Test
    void readsResponsesOverTlsAndReusesTheConnection() throws Exception {
        try (SelectorHttpClient client = SelectorHttpClient.open(List.of(), SelectorHttpClient.Tls.TRUST_ANY)) {
            clientPorts.clear();
            for (String target : List.of("/a", "/b?", "/c")) {
                HttpResponse r = client.get(url(target), ONE_MIB, FIVE_SECONDS).get(10, TimeUnit.SECONDS);
                assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("secure " + target);
            }
            assertThat(clientPorts).as("one connection, kept alive").hasSize(1);
        }
    }

    @Test
    void refusesACertificateItCannotTrust() throws Exception {
        try (SelectorHttpClient client = SelectorHttpClient.open(List.of(), SelectorHttpClient.Tls.VERIFY)) {
            ExecutionException e = catchThrowableOfType(ExecutionException.class,
                    () -> client.get(url("/"), ONE_MIB, FIVE_SECONDS).get(10, TimeUnit.SECONDS));
            assertThat(e.getCause()).hasMessage("TLS failure: certificate not trusted");
        }
    }

    /** A plain-HTTP server waits for a request line and never answers a TLS handshake: the deadline says where it stopped. */
    @Test
    void aHandshakeThatIsNeverAnsweredTimesOutAtTheHandshake() throws Exception {
        try (ScriptedServer plain = new ScriptedServer((c, r, head) -> Reply.of("HTTP/1.1 400 Bad Request\r\n\r\n", After.CLOSE));
             SelectorHttpClient client = SelectorHttpClient.open(List.of(), SelectorHttpClient.Tls.TRUST_ANY)) {
            String https = plain.url("/").replaceFirst("^http:", "https:");
            ExecutionException e = catchThrowableOfType(ExecutionException.class,
                    () -> client.get(https, ONE_MIB, TimeUnit.MILLISECONDS.toNanos(500)).get(10, TimeUnit.SECONDS));
            assertThat(e.getCause()).hasMessage("timeout (TLS handshake)");
        }
    }
}
