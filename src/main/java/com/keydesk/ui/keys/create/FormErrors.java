package com.keydesk.ui.keys.create;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The sentences shown beside a key form's fields; empty means no problem. */
public final class FormErrors {
    public final StringProperty name = new SimpleStringProperty("");
    public final StringProperty description = new SimpleStringProperty("");
    public final StringProperty owner = new SimpleStringProperty("");
    public final StringProperty permission = new SimpleStringProperty("");
    public final StringProperty expiry = new SimpleStringProperty("");
    public final StringProperty form = new SimpleStringProperty("");

    /** Puts a service's sentence beside the field it names; false when no field here matches. */
    public boolean show(String field, String sentence) {
        StringProperty target = switch (field == null ? "" : field) {
            case "name" -> name;
            case "description" -> description;
            case "owner", "username" -> owner;
            case "permission" -> permission;
            case "expires" -> expiry;
            default -> null;
        };
        if (target == null) {
            return false;
        }
        target.set(sentence);
        return true;
    }

    public void clearAll() {
        name.set("");
        description.set("");
        owner.set("");
        permission.set("");
        expiry.set("");
        form.set("");
    }
}
