package com.keydesk.bench;

import com.keydesk.ui.keys.create.OwnerNames;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The owner picker of "New user key" answering one keystroke on a site of 10,000 users: the
 * names offered for a common prefix (stops early), a rare infix and no match (both a full pass).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class OwnerPickerBench {
    @Param({"10000"})
    public int users;

    @Param({"b", "ella.9", "zzz"})
    public String typed;

    private final OwnerNames names = new OwnerNames();

    @Setup
    public void fill() {
        names.setAll(usernames(users));
    }

    @Benchmark
    public List<String> matching() {
        return names.matching(typed);
    }

    /** Plausible usernames, sorted as the view model sorts them. */
    public static List<String> usernames(int count) {
        String[] first = {"anna", "bella", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan"};
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(first[i % first.length] + "." + i + "@example.com");
        }
        out.sort(String.CASE_INSENSITIVE_ORDER);
        return out;
    }
}
