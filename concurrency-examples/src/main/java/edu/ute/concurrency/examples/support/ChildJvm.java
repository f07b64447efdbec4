package edu.ute.concurrency.examples.support;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command that starts another JVM like this one: the same {@code java} executable, the same class
 * path, a main class of this project. Every example that starts a child JVM builds its command here,
 * and chooses its own pipes and protocol.
 *
 * <pre>{@code
 * Process worker = new ProcessBuilder(ChildJvm.command(Worker.class, List.of("-Xmx256m"), "--verbose"))
 *         .redirectError(ProcessBuilder.Redirect.INHERIT)
 *         .start();
 * }</pre>
 *
 * <p>The executable is this JVM's own, not the first {@code java} on the {@code PATH}: that one may be
 * older and reject classes compiled for Java 21. The class path is passed on as it is; under Maven
 * Surefire it is a single jar whose manifest lists the real class path, which a child JVM honours too.
 *
 * <p><b>Thread safety.</b> Stateless.
 */
public final class ChildJvm {
    private ChildJvm() {
    }

    /** {@code java -cp CLASSPATH MAIN ARGS} with this JVM's executable and class path. */
    public static List<String> command(Class<?> main, String... args) {
        return command(main, List.of(), args);
    }

    /** {@code java JVM_ARGS -cp CLASSPATH MAIN ARGS} with this JVM's executable and class path. */
    public static List<String> command(Class<?> main, List<String> jvmArgs, String... args) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName()); // a nested class's binary name (Outer$Child) is what the launcher wants
        command.addAll(List.of(args));
        return command;
    }

    /** The {@code java} executable running this JVM. */
    public static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
