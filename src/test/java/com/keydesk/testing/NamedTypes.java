package com.keydesk.testing;

import java.lang.classfile.ClassModel;
import java.lang.classfile.constantpool.ClassEntry;
import java.lang.classfile.constantpool.PoolEntry;
import java.lang.classfile.constantpool.Utf8Entry;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The types a compiled class names whose internal names start with one of some prefixes: as class
 * constants (what it calls, creates, casts to) and inside descriptors and signatures (what its
 * fields, parameters and generics mention), for the tests that keep packages apart.
 */
public final class NamedTypes {
    private NamedTypes() {
    }

    /** @param prefixes internal-name prefixes such as {@code "com/keydesk/store/"} */
    public static Set<String> in(ClassModel model, List<String> prefixes) {
        String alternatives = String.join("|", prefixes.stream().map(Pattern::quote).toList());
        Pattern inText = Pattern.compile("L((?:" + alternatives + ")[\\w/$]*);");
        Set<String> names = new TreeSet<>();
        for (PoolEntry entry : model.constantPool()) {
            if (entry instanceof ClassEntry c && prefixes.stream().anyMatch(c.asInternalName()::startsWith)) {
                names.add(c.asInternalName());
            } else if (entry instanceof Utf8Entry text) {
                Matcher m = inText.matcher(text.stringValue());
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
        }
        return names;
    }
}
