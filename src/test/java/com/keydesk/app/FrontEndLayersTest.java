package com.keydesk.app;

import com.keydesk.testing.NamedTypes;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Front ends know services, never the store: only the composition root (app) may name
 * {@code com.keydesk.store} or jOOQ, so that the command line and the desktop app cannot bypass a
 * service's rules or tell one engine from the other. Read from the compiled classes' constant
 * pools, as UiPackageCyclesTest does: every class a class names counts, imports or not (a fully
 * qualified name in code, a field or method type, a generic signature).
 */
class FrontEndLayersTest {
    private static final List<String> FRONT_ENDS = List.of("com/keydesk/cli", "com/keydesk/ui");
    private static final List<String> FORBIDDEN = List.of("com/keydesk/store/", "org/jooq/");

    @Test
    void noFrontEndClassNamesTheStoreOrJooq() throws IOException, URISyntaxException {
        Path root = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Set<String> found = new TreeSet<>();
        int classes = 0;
        for (String frontEnd : FRONT_ENDS) {
            try (Stream<Path> files = Files.walk(root.resolve(frontEnd))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                    classes++;
                    ClassModel model = ClassFile.of().parse(file);
                    String self = model.thisClass().asInternalName().replace('/', '.');
                    NamedTypes.in(model, FORBIDDEN).forEach(used -> found.add(self + " -> " + used.replace('/', '.')));
                }
            }
        }
        assertThat(classes).as("front-end classes read").isGreaterThan(50);
        assertThat(found).as("front-end classes that name the store or jOOQ (wire them in app/ instead)").isEmpty();
    }
}
