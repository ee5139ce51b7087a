package com.keydesk.testing;

import com.keydesk.store.Database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;

/** Changes a closed store the way anyone with an H2 client and the file could: plain SQL, no KeyDesk. */
public final class OutsideEdit {
    private OutsideEdit() {
    }

    /** Runs the statements on the store in {@code folder} as its database user, then closes it. */
    public static void run(Path folder, String... statements) {
        String url = "jdbc:h2:file:" + folder.resolve("keydesk").toAbsolutePath() + ";IFEXISTS=TRUE;TRACE_LEVEL_FILE=0";
        try (Connection c = DriverManager.getConnection(url, "keydesk", ""); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the outside edit itself failed: " + e.getMessage(), e);
        }
    }

    /** The store file's bytes and modification time, to prove a refused open wrote nothing. */
    public record FileState(byte[] bytes, FileTime modified) {
        public static FileState of(Path folder) {
            Path file = Database.dataFile(folder);
            try {
                return new FileState(Files.readAllBytes(file), Files.getLastModifiedTime(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof FileState that && Arrays.equals(bytes, that.bytes) && modified.equals(that.modified);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes) * 31 + modified.hashCode();
        }

        @Override
        public String toString() {
            return bytes.length + " bytes, modified " + modified;
        }
    }
}
