package com.keydesk.testing;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A stream of mixed changes by one writer to a shared store: create site keys, disable, enable
 * and revoke them, add users. Each writer touches only keys it made itself, so the state every
 * key must end in follows from what the writer reports. Each change is announced before it runs
 * ({@code START}) and reported after ({@code OK} or {@code FAIL}, with the exit code), one
 * tab-separated line each, flushed at once: a parent that kills the writer knows which change was
 * in flight, and a line {@code OK} means the store acknowledged the change.
 *
 * <p>After a change that failed, the writer leaves that key alone: whether the store made the
 * change (a connection can break after the commit) is for the checker to find out.
 */
public final class MixedChanges {
    /** What actually carries out one change: the command line, or the services in this JVM. */
    public interface Writer {
        /** Runs the change; the exit code (0 = done) and, for a create, "ID SECRET". */
        Result run(String op, String subject);
    }

    public record Result(int exit, String created, String message) {
        public static Result ok(String created) {
            return new Result(0, created, "");
        }
    }

    public static final String CREATE = "create";
    public static final String DISABLE = "disable";
    public static final String ENABLE = "enable";
    public static final String REVOKE = "revoke";
    public static final String ADD_USER = "adduser";

    private final String tag;
    private final Random random;
    private final PrintStream report;
    private final List<Long> active = new ArrayList<>();
    private final List<Long> disabled = new ArrayList<>();
    private int made;

    public MixedChanges(String tag, long seed, PrintStream report) {
        this.tag = tag;
        this.random = new Random(seed);
        this.report = report;
    }

    /** Makes {@code count} changes (or runs until killed, for a huge count). */
    public void run(int count, Writer writer) {
        for (int i = 0; i < count; i++) {
            step(writer);
        }
        line("END", "-", "-", "-", "-", "-");
    }

    private void step(Writer writer) {
        String op = choose();
        String subject = switch (op) {
            case CREATE -> tag + "-key-" + (++made);
            case ADD_USER -> tag + "-user-" + (++made);
            case DISABLE -> String.valueOf(take(active));
            case ENABLE -> String.valueOf(take(disabled));
            default -> String.valueOf(disabled.isEmpty() || !active.isEmpty() && random.nextBoolean()
                    ? take(active) : take(disabled));
        };
        line("START", op, subject, "-", "-", "-");
        long began = System.nanoTime();
        Result result;
        try {
            result = writer.run(op, subject);
        } catch (RuntimeException e) {
            result = new Result(-1, null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        String millis = String.valueOf((System.nanoTime() - began) / 1_000_000);
        if (result.exit() != 0) {
            line("FAIL", op, subject, String.valueOf(result.exit()), millis, oneLine(result.message()));
            return;   // the key taken for it stays out of the working sets
        }
        switch (op) {
            case CREATE -> {
                String[] idAndSecret = result.created().split(" ", 2);
                active.add(Long.parseLong(idAndSecret[0]));
                line("OK", op, subject, "0", millis, result.created());
                return;
            }
            case DISABLE -> disabled.add(Long.parseLong(subject));
            case ENABLE -> active.add(Long.parseLong(subject));
            default -> {
                // revoked: gone; a user added: nothing to keep
            }
        }
        line("OK", op, subject, "0", millis, "-");
    }

    private String choose() {
        if (active.isEmpty() && disabled.isEmpty()) {
            return random.nextInt(4) == 0 ? ADD_USER : CREATE;
        }
        int roll = random.nextInt(100);
        if (roll < 30) {
            return CREATE;
        }
        if (roll < 50) {
            return active.isEmpty() ? ENABLE : DISABLE;
        }
        if (roll < 70) {
            return disabled.isEmpty() ? DISABLE : ENABLE;
        }
        if (roll < 82) {
            return REVOKE;
        }
        return ADD_USER;
    }

    private long take(List<Long> from) {
        return from.remove(random.nextInt(from.size()));
    }

    private void line(String kind, String op, String subject, String exit, String millis, String detail) {
        synchronized (report) {
            report.println(String.join("\t", kind, tag, op, subject, exit, millis, detail));
            report.flush();
        }
    }

    private static String oneLine(String text) {
        return text == null || text.isBlank() ? "-" : text.strip().replaceAll("\\s+", " ");
    }
}
