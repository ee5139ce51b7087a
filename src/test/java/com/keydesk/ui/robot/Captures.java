package com.keydesk.ui.robot;

import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Pictures of what a robot test sees, for a person to look at: only when the system property
 * {@code keydesk.captures} or the environment variable {@code KEYDESK_CAPTURES} names a folder
 * (surefire's fixed argLine passes the environment on: KEYDESK_CAPTURES=/tmp/captures ./mvnw test ...).
 */
final class Captures {
    private Captures() {
    }

    static void save(Scene scene, String name) {
        String folder = System.getProperty("keydesk.captures", System.getenv("KEYDESK_CAPTURES"));
        if (folder == null || folder.isBlank()) {
            return;
        }
        try {
            WritableImage image = WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get();
            int width = (int) image.getWidth();
            int height = (int) image.getHeight();
            BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
            PixelReader pixels = image.getPixelReader();
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    out.setRGB(x, y, pixels.getArgb(x, y));
                }
            }
            Path dir = Files.createDirectories(Path.of(folder));
            ImageIO.write(out, "png", dir.resolve(name + ".png").toFile());
        } catch (Exception e) {
            throw new IllegalStateException("could not save the capture " + name, e);
        }
    }
}
