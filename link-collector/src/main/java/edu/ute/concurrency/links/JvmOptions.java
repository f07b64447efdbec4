package edu.ute.concurrency.links;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * How one crawl runs as a command: a short process that spends its life waiting on the network,
 * so the JVM is started for that, as {@code docs/link-collector.md} tells users to start it and as
 * {@code --compare} starts every Java row.
 *
 * <ul>
 *   <li>{@code -XX:TieredStopAtLevel=1}: only the quick C1 compiler. C2's optimised code pays off
 *       in long runs; in a crawl of a few seconds its compile time is never paid back.</li>
 *   <li>{@code -XX:+UseSerialGC}: a crawl's heap is small and short-lived; a collector with no
 *       threads of its own costs least to start.</li>
 *   <li>A class-data archive of the collector's own classes, so they are mapped, not loaded and
 *       verified, at each start: the JDK's AOT cache where the running JDK has it (JDK 25:
 *       {@code -XX:AOTCacheOutput} records it during one run, {@code -XX:AOTCache} uses it; it
 *       also keeps linked call sites and method profiles), else a dynamic CDS archive that the
 *       JVM writes at the end of the first run and maps in the next ones (JDK 19+, so 21:
 *       {@code -XX:+AutoCreateSharedArchive}). Either needs the classes in a jar.</li>
 * </ul>
 * The archive is made at first run, never committed: it belongs to one JDK build and one jar.
 * Stateless.
 */
final class JvmOptions {

    /** The JDK release from which {@code -XX:AOTCacheOutput} records an AOT cache in one run (JEP 514). */
    private static final int AOT_CACHE_RELEASE = 25;

    private JvmOptions() {
    }

    /** True when the running JDK can make and use an AOT cache in the one-step way. */
    static boolean aotCache() {
        return Runtime.version().feature() >= AOT_CACHE_RELEASE;
    }

    /** Options for a short-lived crawl whose classes are in {@code jar}. */
    static List<String> forCrawl(Path jar) {
        List<String> options = new ArrayList<>(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        if (aotCache()) {
            options.add("-XX:AOTCache=" + archive(jar));
        } else {
            options.add("-XX:SharedArchiveFile=" + archive(jar));
            options.add("-XX:+AutoCreateSharedArchive");
        }
        return options;
    }

    /** Options for the first run, which records the archive (AOT cache) or writes it at exit (CDS). */
    static List<String> forFirstRun(Path jar) {
        if (!aotCache()) {
            return forCrawl(jar);
        }
        return List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:AOTCacheOutput=" + archive(jar));
    }

    /** True when the archive for {@code jar} has been made (and is not older than the jar). */
    static boolean archiveReady(Path jar) throws IOException {
        Path a = archive(jar);
        return Files.exists(a) && Files.getLastModifiedTime(a).compareTo(Files.getLastModifiedTime(jar)) >= 0;
    }

    static Path archive(Path jar) {
        String name = jar.getFileName().toString().replaceFirst("\\.jar$", "");
        return jar.resolveSibling(name + (aotCache() ? ".aot" : ".jsa"));
    }

    /**
     * The collector's classes as one jar (class-data archives refuse directories on the class
     * path): the jar they were loaded from, or their directory packed into {@code dir/link-collector.jar}.
     * The collector needs nothing but the JDK, so nothing else goes on a crawl's class path.
     */
    static Path crawlJar(Path dir) throws IOException {
        Path classes;
        try {
            classes = Path.of(LinkCollector.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException | RuntimeException e) {
            throw new IOException("cannot tell where the collector's classes are", e);
        }
        if (Files.isRegularFile(classes)) {
            return classes;
        }
        Path jar = dir.resolve("link-collector.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, LinkCollector.class.getName());
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            Files.walkFileTree(classes, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                    out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                    Files.copy(f, out);
                    out.closeEntry();
                    return FileVisitResult.CONTINUE;
                }
            });
        }
        return jar;
    }
}
