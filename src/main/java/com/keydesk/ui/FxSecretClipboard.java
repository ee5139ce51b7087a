package com.keydesk.ui;

import com.keydesk.ui.SecretClipboard;
import javafx.animation.PauseTransition;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The system clipboard for secrets. Marks the copy so password managers and clipboard
 * histories leave it alone, and remembers only a digest of what it copied, so that it can
 * later clear the clipboard if (and only if) it still holds that secret, without keeping the
 * secret itself. Must be used on the JavaFX thread.
 */
public final class FxSecretClipboard implements SecretClipboard {
    private static final Logger LOG = Logger.getLogger(FxSecretClipboard.class.getName());
    /** A DataFormat name can be registered once per process: these live for the whole run. */
    static final DataFormat KDE_HINT = format("x-kde-passwordManagerHint");
    static final DataFormat WINDOWS_EXCLUDE = format("ExcludeClipboardContentFromMonitorProcessing");
    static final DataFormat MAC_CONCEALED = format("org.nspasteboard.ConcealedType");

    private final Supplier<Duration> clearAfter;
    private final String osName;
    private byte[] copiedDigest;
    private PauseTransition pendingClear;
    private Runnable whenClearedOnTime = () -> { };

    public FxSecretClipboard(Supplier<Duration> clearAfter) {
        this(clearAfter, () -> { });
    }

    /** @param whenClearedOnTime runs when the delay ran out and the secret was taken off the clipboard */
    public FxSecretClipboard(Supplier<Duration> clearAfter, Runnable whenClearedOnTime) {
        this(clearAfter, System.getProperty("os.name", ""));
        this.whenClearedOnTime = whenClearedOnTime;
    }

    FxSecretClipboard(Supplier<Duration> clearAfter, String osName) {
        this.clearAfter = clearAfter;
        this.osName = osName.toLowerCase(Locale.ROOT);
    }

    @Override
    public void copySecret(String secret) {
        ClipboardContent content = new ClipboardContent();
        content.putString(secret);
        if (osName.contains("win")) {
            content.put(WINDOWS_EXCLUDE, ByteBuffer.wrap(new byte[4]));
        } else if (osName.contains("mac")) {
            content.put(MAC_CONCEALED, ByteBuffer.wrap(new byte[0]));
        } else {
            content.put(KDE_HINT, ByteBuffer.wrap("secret".getBytes(StandardCharsets.US_ASCII)));
        }
        Clipboard.getSystemClipboard().setContent(content);
        copiedDigest = digest(secret);
        LOG.info("A new key was copied to the clipboard.");
        scheduleClear();
    }

    @Override
    public void clearIfStillHoldsSecret() {
        clear();
    }

    /** True when the clipboard still held the secret and was cleared. */
    private boolean clear() {
        if (pendingClear != null) {
            pendingClear.stop();
            pendingClear = null;
        }
        if (copiedDigest == null) {
            return false;
        }
        boolean cleared = false;
        Clipboard clipboard = Clipboard.getSystemClipboard();
        String now = clipboard.hasString() ? clipboard.getString() : null;
        if (now != null && Arrays.equals(digest(now), copiedDigest)) {
            clipboard.clear();
            LOG.info("The clipboard was cleared of the copied key.");
            cleared = true;
        }
        copiedDigest = null;
        return cleared;
    }

    @Override
    public Duration clearDelay() {
        return clearAfter.get();
    }

    private void scheduleClear() {
        if (pendingClear != null) {
            pendingClear.stop();
        }
        Duration delay = clearAfter.get();
        pendingClear = new PauseTransition(javafx.util.Duration.millis(Math.max(1, delay.toMillis())));
        pendingClear.setOnFinished(e -> {
            if (clear()) {
                whenClearedOnTime.run();
            }
        });
        pendingClear.play();
    }

    private static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DataFormat format(String name) {
        DataFormat existing = DataFormat.lookupMimeType(name);
        return existing != null ? existing : new DataFormat(name);
    }
}
