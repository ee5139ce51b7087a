package com.keydesk.app;

import com.keydesk.testing.ChildJvm;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class SoftwareRenderingTest {

    @Test
    void aDrmNodeOrNvidiasControlNodeIsAGpuAndAnEmptyOrMissingDriFolderIsNot(@TempDir Path dev) throws IOException {
        assertThat(SoftwareRendering.hasGpu(dev)).as("no dri folder").isFalse();
        Files.createDirectories(dev.resolve("dri/by-path"));
        assertThat(SoftwareRendering.hasGpu(dev)).as("an empty dri folder").isFalse();
        Files.createFile(dev.resolve("dri/renderD128"));
        assertThat(SoftwareRendering.hasGpu(dev)).as("a render node").isTrue();

        Path other = Files.createDirectory(dev.resolve("other"));
        Files.createDirectories(other.resolve("dri"));
        Files.createFile(other.resolve("dri/card0"));
        assertThat(SoftwareRendering.hasGpu(other)).as("a card node").isTrue();

        Path nvidia = Files.createDirectory(dev.resolve("nvidia"));
        Files.createFile(nvidia.resolve("nvidiactl"));
        assertThat(SoftwareRendering.hasGpu(nvidia)).as("NVIDIA's driver").isTrue();
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void withoutAGpuTheDesktopDrawsInSoftwareAndMapsNoMesa(@TempDir Path dev) throws Exception {
        assertThat(windowShownIn(dev)).isEqualTo("pipeline SWPipeline, chosen true, Mesa mapped false");
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void withAGpuNothingIsChosen(@TempDir Path dev) throws Exception {
        Files.createDirectories(dev.resolve("dri"));
        Files.createFile(dev.resolve("dri/renderD128"));
        // JavaFX then picks as it always has (OpenGL where the machine has it); the line says what it picked
        assertThat(windowShownIn(dev)).contains("chosen false").doesNotContain("SWPipeline, chosen true");
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aPersonsOwnPipelineWins(@TempDir Path dev) throws Exception {
        assertThat(windowShownIn(dev, "-Dprism.order=sw")).startsWith("pipeline SWPipeline, chosen false");
    }

    private static String windowShownIn(Path dev, String... jvmOptions) throws Exception {
        assumeTrue(onPath("Xvfb"), "Xvfb is not installed (apt-get install xvfb)");
        Process xvfb = new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0", "1024x768x24", "-nolisten", "tcp")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            String display = ":" + new String(xvfb.getInputStream().readNBytes(8), StandardCharsets.US_ASCII).strip();
            ProcessBuilder child = ChildJvm.builder(ShowsAWindow.class, List.of(jvmOptions), Map.of("DISPLAY", display),
                    dev.toString());
            child.environment().remove("GDK_GL");
            Process process = child.redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            return out.lines().filter(line -> line.startsWith("pipeline ")).findFirst().orElse(out);
        } finally {
            xvfb.destroy();
            xvfb.waitFor(5, TimeUnit.SECONDS);
        }
    }

    private static boolean onPath(String program) {
        return java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }

    /** The desktop's start-up choice against a given /dev, then a window drawn; prints what drew it. */
    public static final class ShowsAWindow {
        private ShowsAWindow() {
        }

        public static void main(String[] args) throws Exception {
            boolean chosen = SoftwareRendering.chooseBeforeToolkitStarts(Path.of(args[0]));
            CountDownLatch started = new CountDownLatch(1);
            Platform.startup(started::countDown);
            started.await();
            CompletableFuture<Void> drawn = new CompletableFuture<>();
            Platform.runLater(() -> {
                Stage stage = new Stage();
                stage.setScene(new Scene(new Label("KeyDesk"), 320, 200));
                stage.show();
                stage.getScene().addPostLayoutPulseListener(() -> drawn.complete(null));
            });
            drawn.get(30, TimeUnit.SECONDS);
            Thread.sleep(200);   // a pulse or two more: the first frame is on the screen
            Object pipeline = Class.forName("com.sun.prism.GraphicsPipeline").getMethod("getPipeline").invoke(null);
            boolean mesa = Files.readString(Path.of("/proc/self/maps")).lines()
                    .anyMatch(line -> line.contains("libLLVM") || line.contains("_dri.so") || line.contains("libgallium"));
            System.out.println("pipeline " + pipeline.getClass().getSimpleName() + ", chosen " + chosen + ", Mesa mapped " + mesa);
            System.out.flush();
            Runtime.getRuntime().halt(0);   // the JavaFX thread would keep the JVM alive
        }
    }
}
