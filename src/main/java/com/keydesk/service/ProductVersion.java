package com.keydesk.service;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** This program's version, from the resource Maven fills in from the pom. */
public final class ProductVersion {
    private ProductVersion() {
    }

    public static String text() {
        try (InputStream in = ProductVersion.class.getResourceAsStream("/keydesk/version.properties")) {
            Properties props = new Properties();
            if (in != null) {
                props.load(in);
            }
            return props.getProperty("version", "development");
        } catch (IOException e) {
            return "development";
        }
    }
}
