package com.keydesk.cli;

import com.keydesk.domain.Texts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The words after a command: positional arguments and {@code --option value} / {@code --flag}.
 * Every command declares what it accepts, so a typo is a usage error rather than ignored.
 */
final class Args {
    private final List<String> positional = new ArrayList<>();
    private final Map<String, String> options = new HashMap<>();
    private final Set<String> presentFlags = new HashSet<>();

    /**
     * @param valued options that take a value
     * @param flags  options that stand alone
     */
    static Args parse(List<String> words, Set<String> valued, Set<String> flags) {
        Args args = new Args();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (word.startsWith("--")) {
                if (valued.contains(word)) {
                    if (i + 1 >= words.size()) {
                        throw new UsageException(word + " needs a value.");
                    }
                    if (args.options.put(word, words.get(++i)) != null) {
                        throw new UsageException(word + " was given twice.");
                    }
                } else if (flags.contains(word)) {
                    args.presentFlags.add(word);
                } else {
                    throw new UsageException("Unknown option " + Texts.printable(word) + ".");
                }
            } else {
                args.positional.add(word);
            }
        }
        return args;
    }

    String option(String name) {
        return options.get(name);
    }

    boolean has(String name) {
        return presentFlags.contains(name) || options.containsKey(name);
    }

    String required(String name, String what) {
        String value = options.get(name);
        if (value == null) {
            throw new UsageException("Missing " + name + " " + what + ".");
        }
        return value;
    }

    /** Every positional argument, however many. */
    List<String> positionals() {
        return List.copyOf(positional);
    }

    /** Exactly {@code count} positional arguments, named for the error message. */
    List<String> positional(int count, String usage) {
        if (positional.size() != count) {
            throw new UsageException("Usage: " + usage);
        }
        return positional;
    }
}
