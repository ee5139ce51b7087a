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
    void anEmptySiteNameIsExplainedOnceTheFieldWasTouched() {
        assertThat(siteError()).isEmpty(); // nothing said before the person has done anything
        clickOn("#siteNameField");
        clickOn("#usernameField"); // left empty
        assertThat(siteError()).isEqualTo("A site name is required.");
        clickOn("#siteNameField").write("A");
        assertThat(siteError()).isEmpty();
        type(javafx.scene.input.KeyCode.BACK_SPACE);
        assertThat(siteError()).isEqualTo("A site name is required.");
        assertThat(lookup("#createStoreButton").queryButton().isDisabled()).isTrue();
    }

    /** The visible sentence below the site name field, or "" when none shows. */
    private String siteError() {
        javafx.scene.Node field = lookup("#siteNameField").query();
        javafx.scene.layout.Pane card = (javafx.scene.layout.Pane) field.getParent();
        Label error = (Label) card.getChildren().get(card.getChildren().indexOf(field) + 1);
        return error.isVisible() ? error.getText() : "";
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
        assertThat(stage.getTitle()).as("the title names the store too").isEqualTo("Acme Files — KeyDesk — " + folder);
    }
}
