package com.keydesk.app;

import com.keydesk.testing.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.io.IOException;
import java.io.InputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.MethodModel;
import java.lang.classfile.instruction.InvokeInstruction;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class MallocArenasTest {
    private static final Linker C = Linker.nativeLinker();
    private static final long ARGON2_BLOCK = 19L << 20;

    @Test
    @EnabledOnOs(OS.LINUX)
    void glibcTakesTheCap() {
        // the build machines and the .deb's users run glibc: a false here means the call is wrong
        assertThat(MallocArenas.cap(2)).isTrue();
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void afterTheDesktopsStartUpStepABlockAsLargeAsArgon2idsIsGivenBackEachTimeItIsFreed() throws Exception {
        // In a fresh JVM, as the desktop's: in this one, earlier tests' hashes may have left a free
        // 19 MiB chunk in an arena, which malloc reuses before it would map a block (seen in CI).
        Process child = ChildJvm.builder(TwoHashes.class, Map.of()).redirectErrorStream(true).start();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(out.strip()).isEqualTo("""
                hash 0: block mapped on its own, given back
                hash 1: block mapped on its own, given back""");
    }

    /** The desktop's start-up step, then two blocks of Argon2id's size allocated and freed in turn. */
    public static final class TwoHashes {
        private TwoHashes() {
        }

        public static void main(String[] args) throws Throwable {
            MallocArenas.returnLargeBlocksSoon().join();   // its own thread: wait for it
            // glibc's default would keep the second block in an arena: the first one freed raises its threshold
            for (int hash = 0; hash < 2; hash++) {
                long mappedBefore = mappedBytes();
                MemorySegment block = (MemorySegment) handle("malloc", FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.JAVA_LONG))
                        .invokeExact(ARGON2_BLOCK);
                boolean mapped = mappedBytes() - mappedBefore >= ARGON2_BLOCK;
                handle("free", FunctionDescriptor.ofVoid(ValueLayout.ADDRESS)).invokeExact(block);
                boolean givenBack = mappedBytes() == mappedBefore;
                System.out.println("hash " + hash + ": block " + (mapped ? "mapped on its own" : "kept in an arena")
                        + ", " + (givenBack ? "given back" : "kept"));
            }
        }
    }

    @Test
    void theDesktopGivesTheBlockBackAndTheServerKeepsIt() throws IOException {
        // the server checks new keys faster with the block kept (docs/PERFORMANCE.md): only Main gives it back
        assertThat(callsIn(Main.class, "main")).contains("Main.prepareDesktopProcess");
        assertThat(callsIn(Main.class, "prepareDesktopProcess")).contains("MallocArenas.returnLargeBlocksSoon")
                .doesNotContain("MallocArenas.cap");
        assertThat(callsIn(ServeMain.class, "main")).contains("MallocArenas.cap")
                .doesNotContain("MallocArenas.returnLargeBlocks", "MallocArenas.returnLargeBlocksSoon");
    }

    @Test
    void theDesktopsStartUpAlsoChoosesHowToDraw() throws IOException {
        // kept beside the check above: both are the desktop process's steps before JavaFX starts
        assertThat(callsIn(Main.class, "prepareDesktopProcess")).contains("SoftwareRendering.chooseBeforeToolkitStarts");
        assertThat(callsIn(ServeMain.class, "main")).doesNotContain("Main.prepareDesktopProcess");
    }

    /** glibc's mallinfo2().hblkhd: the bytes malloc holds in blocks mapped on their own. */
    private static long mappedBytes() throws Throwable {
        StructLayout info = MemoryLayout.structLayout(java.util.stream.IntStream.range(0, 10)
                .mapToObj(i -> ValueLayout.JAVA_LONG).toArray(MemoryLayout[]::new));
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment result = (MemorySegment) handle("mallinfo2", FunctionDescriptor.of(info))
                    .invokeExact((java.lang.foreign.SegmentAllocator) arena);
            return result.getAtIndex(ValueLayout.JAVA_LONG, 4);   // arena, ordblks, smblks, hblks, hblkhd, ...
        }
    }

    private static MethodHandle handle(String name, FunctionDescriptor descriptor) {
        return C.downcallHandle(C.defaultLookup().find(name).orElseThrow(), descriptor);
    }

    /** Owner.method of every call in the class's method of that name. */
    private static List<String> callsIn(Class<?> type, String method) throws IOException {
        try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
            ClassModel model = ClassFile.of().parse(in.readAllBytes());
            MethodModel main = model.methods().stream().filter(m -> m.methodName().equalsString(method)).findFirst().orElseThrow();
            return main.code().orElseThrow().elementStream()
                    .filter(e -> e instanceof InvokeInstruction)
                    .map(e -> (InvokeInstruction) e)
                    .map(i -> i.owner().asSymbol().displayName() + "." + i.name().stringValue())
                    .toList();
        }
    }
}
