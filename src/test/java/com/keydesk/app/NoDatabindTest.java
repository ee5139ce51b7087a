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
 * KeyDesk's JSON goes through Jackson's streaming core alone (parser and generator): databind is
 * 433 classes that {@code keydesk serve} loaded for a tree per body and a map per answer, and the
 * installers no longer carry it (nor its annotations). Read from the compiled classes' constant
 * pools, as FrontEndLayersTest does.
 */
class NoDatabindTest {
    private static final List<String> FORBIDDEN = List.of("tools/jackson/databind/", "com/fasterxml/jackson/annotation/");

    @Test
    void noClassOfTheApplicationNamesDatabind() throws IOException, URISyntaxException {
        Path root = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Set<String> found = new TreeSet<>();
        int classes = 0;
        try (Stream<Path> files = Files.walk(root.resolve("com/keydesk"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                classes++;
                ClassModel model = ClassFile.of().parse(file);
                String self = model.thisClass().asInternalName().replace('/', '.');
                NamedTypes.in(model, FORBIDDEN).forEach(used -> found.add(self + " -> " + used.replace('/', '.')));
            }
        }
        assertThat(classes).as("application classes read").isGreaterThan(300);
        assertThat(found).as("classes that name Jackson's databind (write JSON with the streaming generator)").isEmpty();
    }
}
