package com.keydesk.ui.robot;

import com.keydesk.store.Database;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FirstStartRobotTest extends AppRobotTest {
    @Override
    protected boolean createStore() {
        return false;
    }

    @Test
    void anEmptyFolderAsksForTheSiteAndItsFirstAdministratorThenSignsIn() {
        assertThat(stage.getTitle()).contains("KeyDesk");
        clickOn("#siteNameField").write("Acme Files");
        clickOn("#usernameField").write("alice");
        clickOn("#passwordField").write("short");
        assertThat(lookup("#strengthHint").queryAs(Label.class).getText()).isEqualTo("7 more characters needed.");
        write(" but now much longer");
        clickOn("#repeatField").write("short but now much longer");
        clickOn("#createStoreButton");

        assertThat(Database.exists(folder)).isTrue();
        assertThat(lookup("#signedInUser").queryAs(Label.class).getText()).isEqualTo("Signed in as alice (administrator)");
        assertThat(lookup("#siteName").queryAs(Label.class).getText()).isEqualTo("Acme Files");
        assertThat(lookup("#storeLocation").queryAs(Label.class).getText()).contains(folder.toString());
        assertThat(lookup("#nav-SITE_KEYS").tryQuery()).isPresent();
        assertThat(lookup("#nav-AUDIT").tryQuery()).isPresent();
        assertThat(stage.getTitle()).isEqualTo("Acme Files — KeyDesk");
    }
}
