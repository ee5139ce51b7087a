package com.keydesk.ui;

import com.keydesk.testing.NamedTypes;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ui packages depend on each other one way only: a screen's package may use the shared
 * {@code ui} package and the dialogs it opens, never the reverse, so each can be read, changed and
 * tested without the ones above it. Read from the compiled classes' constant pools: every class a
 * class names (in code, field and method types, generic signatures) counts, imports or not.
 */
class UiPackageCyclesTest {
    private static final String UI = "com/keydesk/ui";

    @Test
    void noTwoUiPackagesDependOnEachOther() throws IOException, URISyntaxException {
        Map<String, Map<String, String>> uses = dependencies(classes());

        assertThat(uses).as("ui packages found").containsKeys(UI, UI + "/keys", UI + "/keys/copy");
        List<String> cycles = new ArrayList<>();
        for (Set<String> cycle : new Cycles(uses).find()) {
            StringBuilder why = new StringBuilder(String.join(" <-> ", cycle).replace('/', '.'));
            for (String from : cycle) {
                uses.get(from).forEach((to, example) -> {
                    if (cycle.contains(to)) {
                        why.append("\n  ").append(example.replace('/', '.'));
                    }
                });
            }
            cycles.add(why.toString());
        }
        assertThat(cycles).as("cycles among ui packages, with one class of each dependency").isEmpty();
    }

    private static Path classes() throws URISyntaxException {
        return Path.of(SignedIn.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    /** For each ui package: the other ui packages it uses, each with one "A -> B" class pair as an example. */
    private static Map<String, Map<String, String>> dependencies(Path root) throws IOException {
        Map<String, Map<String, String>> uses = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root.resolve(UI))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                ClassModel model = ClassFile.of().parse(file);
                String self = model.thisClass().asInternalName();
                Map<String, String> from = uses.computeIfAbsent(packageOf(self), p -> new TreeMap<>());
                for (String used : NamedTypes.in(model, List.of(UI + "/"))) {
                    String target = packageOf(used);
                    if (!target.equals(packageOf(self))) {
                        from.putIfAbsent(target, self + " -> " + used);
                    }
                }
            }
        }
        return uses;
    }

    private static String packageOf(String internalName) {
        return internalName.substring(0, internalName.lastIndexOf('/'));
    }

    /** Tarjan's strongly connected components: every set of packages that reach each other. */
    private static final class Cycles {
        private final Map<String, Map<String, String>> edges;
        private final Map<String, Integer> index = new TreeMap<>();
        private final Map<String, Integer> low = new TreeMap<>();
        private final List<String> stack = new ArrayList<>();
        private final List<Set<String>> found = new ArrayList<>();

        Cycles(Map<String, Map<String, String>> edges) {
            this.edges = edges;
        }

        List<Set<String>> find() {
            for (String node : edges.keySet()) {
                if (!index.containsKey(node)) {
                    visit(node);
                }
            }
            return found;
        }

        private void visit(String node) {
            index.put(node, index.size());
            low.put(node, index.get(node));
            stack.add(node);
            for (String next : edges.getOrDefault(node, Map.of()).keySet()) {
                if (!index.containsKey(next)) {
                    visit(next);
                    low.put(node, Math.min(low.get(node), low.get(next)));
                } else if (stack.contains(next)) {
                    low.put(node, Math.min(low.get(node), index.get(next)));
                }
            }
            if (low.get(node).equals(index.get(node))) {
                Set<String> component = new TreeSet<>();
                String member;
                do {
                    member = stack.removeLast();
                    component.add(member);
                } while (!member.equals(node));
                if (component.size() > 1) {
                    found.add(component);
                }
            }
        }
    }
}
