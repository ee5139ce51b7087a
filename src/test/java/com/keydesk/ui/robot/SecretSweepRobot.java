package com.keydesk.ui.robot;

import javafx.scene.control.TextField;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not a test by itself: drives the desktop app over an existing store for
 * {@code com.keydesk.proof.SecretSweepTest}, creating site keys through the create dialog and
 * capturing each secret from the copy-now dialog's {@code #secretField}.
 */
public final class SecretSweepRobot extends AppRobotTest {
    private final Path store;

    private SecretSweepRobot(Path store) {
        this.store = store;
        // the child processes that later use these keys run on the real clock (the dialog's default expiry)
        clock.set(java.time.Instant.now());
    }

    @Override
    protected Path storeFolder() {
        return store;
    }

    @Override
    protected boolean createStore() {
        return false;
    }

    /** Opens the app on the store, signs in as the administrator, creates one key per name, and shuts the app down. */
    public static List<String> createSiteKeys(Path store, List<String> names) throws Exception {
        SecretSweepRobot robot = new SecretSweepRobot(store);
        List<String> secrets = new ArrayList<>();
        robot.startApp();
        try {
            robot.signInAsAdmin();
            for (String name : names) {
                secrets.add(robot.createSiteKey(name));
            }
            assertThat(robot.visibleKeys()).extracting(r -> r.name()).containsAll(names);
        } finally {
            robot.closeApp();
        }
        return secrets;
    }

    private String createSiteKey(String name) {
        clickOn("#newKeyButton");
        clickOn("#nameField").write(name);
        clickOn("#createButton");
        WaitForAsyncUtils.waitForFxEvents();
        String secret = lookup("#secretField").queryAs(TextField.class).getText();
        assertThat(secret).startsWith("kd");
        clickOn("#acknowledge");
        clickOn("#doneButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup("#doneButton").tryQuery()).isEmpty();
        return secret;
    }
}
