package com.keydesk.app;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * On a Linux machine without a GPU (a virtual machine, a jump host, a remote desktop, Xvfb) the
 * desktop draws with JavaFX's own software pipeline instead of OpenGL.
 * <p>
 * Why: without a GPU, the OpenGL JavaFX finds is Mesa's llvmpipe, itself a software rasteriser,
 * which maps LLVM and its driver into the process (about 48 MB resident); GTK maps them as well
 * when it looks for OpenGL visuals as the display opens, unless {@code GDK_GL=disable}. With both
 * turned off the desktop's peak resident memory under Xvfb fell from 330 to 271 MB at 1,000 keys
 * and from 383–399 to 320–329 MB at 100,000, with first rows and keystrokes the same
 * (docs/PERFORMANCE.md, "Drawing without a GPU"). JavaFX's software pipeline draws the same
 * scene; what is lost is only what a GPU would have given, and there is none.
 * <p>
 * With a GPU device (a DRM node under /dev/dri, or NVIDIA's /dev/nvidiactl) nothing changes. A
 * person's own {@code -Dprism.order} (lib/app/keydesk-desktop.cfg, keydesk.cfg) or {@code GDK_GL} wins. Must run before
 * the JavaFX toolkit starts: JavaFX reads prism.order, and GTK reads GDK_GL, once.
 */
final class SoftwareRendering {
    /** JavaFX's choice of pipeline (es2 then sw by default on Linux). */
    static final String PIPELINE_PROPERTY = "prism.order";
    /** GTK 3's switch for its own OpenGL, which it otherwise sets up as the display opens. */
    static final String GTK_GL_VARIABLE = "GDK_GL";

    private SoftwareRendering() {
    }

    /** For the desktop app, as it starts: software drawing when this Linux machine has no GPU. */
    static void chooseBeforeToolkitStarts() {
        if (isLinux()) {
            chooseBeforeToolkitStarts(Path.of("/dev"));
        }
    }

    /**
     * @param dev where the machine's device nodes are ({@code /dev}; a test passes its own)
     * @return true when software drawing was chosen
     */
    static boolean chooseBeforeToolkitStarts(Path dev) {
        if (System.getProperty(PIPELINE_PROPERTY) != null || hasGpu(dev)) {
            return false;
        }
        System.setProperty(PIPELINE_PROPERTY, "sw");
        setEnvUnlessSet(GTK_GL_VARIABLE, "disable");
        return true;
    }

    /** A GPU the kernel drives: a DRM node (card0, renderD128, …) or NVIDIA's own driver's control node. */
    static boolean hasGpu(Path dev) {
        if (Files.exists(dev.resolve("nvidiactl"))) {
            return true;
        }
        try (Stream<Path> nodes = Files.list(dev.resolve("dri"))) {
            return nodes.map(node -> node.getFileName().toString())
                    .anyMatch(name -> name.startsWith("card") || name.startsWith("renderD"));
        } catch (IOException | SecurityException noDriNodes) {
            return false;
        }
    }

    /**
     * setenv(3) through the FFM API: a Java program cannot change its own environment, and GTK
     * reads GDK_GL with getenv(3) when JavaFX opens the display. Does nothing where libc has no
     * setenv; the pipeline choice above holds either way (only the memory GTK's probe maps stays).
     */
    private static void setEnvUnlessSet(String name, String value) {
        try (Arena arena = Arena.ofConfined()) {
            Optional<MethodHandle> setenv = Libc.function("setenv", FunctionDescriptor.of(ValueLayout.JAVA_INT,
                    ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.JAVA_INT));
            if (setenv.isPresent()) {
                int keepExisting = 0;   // a person's own GDK_GL wins
                int ignored = (int) setenv.get().invokeExact(arena.allocateFrom(name), arena.allocateFrom(value), keepExisting);
            }
        } catch (Throwable e) {
            // an optimisation only: KeyDesk draws the same without it
        }
    }

    private static boolean isLinux() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux");
    }
}
