package edu.ute.concurrency.examples.tour;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the command that starts another JVM like this one: same {@code java} executable, same class
 * path, a main class of this project. Used by the worker pool of Tour01 and by Tour04, which measures
 * each mode in a fresh JVM so that one mode's memory does not hide in the other's.
 *
 * <pre>{@code
 * Process p = new ProcessBuilder(ChildJvm.command(WorkerProcessMain.class, List.of("-Xmx256m"), List.of()))
 *         .redirectError(ProcessBuilder.Redirect.INHERIT)
 *         .start();
 * }</pre>
 *
 * <p><b>Thread safety.</b> Stateless.
 */
public final class ChildJvm {
    private ChildJvm() {
    }

    /** {@code java JVM_ARGS -cp CLASSPATH MAIN ARGS} for the running JVM's executable and class path. */
    public static List<String> command(Class<?> main, List<String> jvmArgs, List<String> args) {
        List<String> command = new ArrayList<>();
        // The executable of *this* JVM: the default `java` on PATH may be older (here it is 17) and
        // would reject classes compiled for 21.
        command.add(ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmArgs);
        command.add("-cp");
        // Under Maven Surefire this is a single jar whose manifest lists the real class path; a child
        // JVM honours that manifest, so passing it on works there too.
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(args);
        return command;
    }
}
