package cloud.aleph.flink.infra.local;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A child JVM launched through {@link ChildProcessGuard}, so it halts when its parent (this JVM
 * unless told otherwise) disappears, with its stdout and stderr appended to one log file.
 */
final class GuardedJvm {

    /** Starts the line written to the log before each launch, so one run's output can be told apart. */
    static final String LOG_HEADER = "==== ";

    private final String name;
    private Path java = JavaRuntimes.current();
    private final List<String> jvmOptions = new ArrayList<>();
    private final List<Path> classpath = new ArrayList<>();
    private String mainClass;
    private final List<String> arguments = new ArrayList<>();
    private Path logFile;
    private Path workingDirectory;
    private long parentPid = ProcessHandle.current().pid();

    private GuardedJvm(String name) {
        this.name = name;
    }

    /** {@code name} identifies the child in logs and errors. */
    static GuardedJvm named(String name) {
        return new GuardedJvm(name);
    }

    GuardedJvm java(Path javaExecutable) {
        this.java = javaExecutable;
        return this;
    }

    GuardedJvm jvmOptions(List<String> options) {
        jvmOptions.addAll(options);
        return this;
    }

    GuardedJvm classpath(List<Path> entries) {
        classpath.addAll(entries);
        return this;
    }

    GuardedJvm mainClass(String className) {
        this.mainClass = className;
        return this;
    }

    GuardedJvm arguments(List<String> args) {
        arguments.addAll(args);
        return this;
    }

    GuardedJvm logFile(Path file) {
        this.logFile = file;
        return this;
    }

    GuardedJvm workingDirectory(Path directory) {
        this.workingDirectory = directory;
        return this;
    }

    /** The process whose end halts the child; this JVM unless set. */
    GuardedJvm parentPid(long pid) {
        this.parentPid = pid;
        return this;
    }

    List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvmOptions);
        command.add(ChildProcessGuard.class.getName());
        command.add(Long.toString(parentPid));
        command.add(mainClass);
        command.addAll(arguments);
        return command;
    }

    /** The guard first, then the server's jars; passed in CLASSPATH so the command line stays readable. */
    String classpath() {
        List<Path> entries = new ArrayList<>();
        entries.add(ServerClasspath.ownLocation());
        entries.addAll(classpath);
        return entries.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }

    Process start() {
        if (mainClass == null || logFile == null) {
            throw new IllegalStateException(name + ": main class and log file are required");
        }
        ProcessBuilder builder = new ProcessBuilder(command())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        if (workingDirectory != null) {
            builder.directory(workingDirectory.toFile());
        }
        // Kept out of the command line, where ~100 jars would hide the main class from ps and
        // ProcessHandle.Info (which cuts long command lines).
        builder.environment().put("CLASSPATH", classpath());
        try {
            Files.createDirectories(logFile.getParent());
            Files.writeString(logFile, String.format("%n%s%s aleph-stack starting %s: %s%n",
                            LOG_HEADER, Instant.now(), name, String.join(" ", builder.command())),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            Process process = builder.start();
            // Nothing is ever sent to a server's stdin.
            process.getOutputStream().close();
            return process;
        } catch (IOException e) {
            throw new StackException("cannot start " + name + " (log: " + logFile + ")", e);
        }
    }
}
