package com.keydesk.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Starts a class from the test class path in a fresh JVM, the way the launcher starts KeyDesk. */
public final class ChildJvm {
    private ChildJvm() {
    }

    public static ProcessBuilder builder(Class<?> mainClass, Map<String, String> env, String... args) {
        return builder(mainClass, List.of(), env, args);
    }

    /** As above, with extra JVM options (e.g. {@code -Djava.io.tmpdir=...}) placed before the main class. */
    public static ProcessBuilder builder(Class<?> mainClass, List<String> jvmOptions, Map<String, String> env,
                                         String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path")));
        command.addAll(jvmOptions);
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("KEYDESK_HOME");
        builder.environment().remove("KEYDESK_USER");
        builder.environment().remove("KEYDESK_PASSWORD");
        builder.environment().put("LC_ALL", "C.UTF-8");
        builder.environment().putAll(env);
        return builder;
    }

    public static Process start(Class<?> mainClass, Map<String, String> env, String... args) throws IOException {
        return builder(mainClass, env, args).start();
    }
}
