package com.keydesk.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * When closing the store compacts its file. H2 compacts on every close by default, for up to
 * MAX_COMPACT_TIME: at 100,000 keys that rewrote about 12 MB and took half a second on each
 * command, even one that only read, and the file swung between 30 and 43 MB from run to run.
 * Under WRITE_DELAY=0 H2 has no background writer that could compact instead, so the store's URL
 * turns the per-close compaction off and {@link Database#close} asks here: only when at least
 * half the file, and at least {@link #WORTH_COMPACTING} bytes, is dead space (after a restore, a
 * demo-data fill or many edits) does it close with SHUTDOWN COMPACT, which rewrites the file
 * with its live pages only. So the file stays below about twice its live data.
 */
final class DeadSpace {
    /** Below this much dead space a compaction saves less disk than it costs time. */
    static final long WORTH_COMPACTING = 4L << 20;

    private static final String FIGURES = "SELECT SETTING_NAME, SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
            + " WHERE SETTING_NAME IN ('info.FILE_SIZE', 'info.FILL_RATE', 'info.CHUNKS_FILL_RATE')";

    private DeadSpace() {
    }

    /** True when at least half the file, and at least {@link #WORTH_COMPACTING}, holds no live data. */
    static boolean worthCompacting(Connection connection) throws SQLException {
        long fileSize = 0;
        long fillRate = 100;
        long chunksFillRate = 100;
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(FIGURES)) {
            while (rows.next()) {
                long value = Long.parseLong(rows.getString(2).replace("%", "").trim());
                switch (rows.getString(1)) {
                    case "info.FILE_SIZE" -> fileSize = value;
                    case "info.FILL_RATE" -> fillRate = value;        // share of the file in use by chunks
                    default -> chunksFillRate = value;                // share of those chunks' pages still live
                }
            }
        }
        return worthCompacting(fileSize, fillRate, chunksFillRate);
    }

    /** The rule itself, on H2's figures: the file's size in bytes and its two fill rates in percent. */
    static boolean worthCompacting(long fileSize, long fillRate, long chunksFillRate) {
        long dead = fileSize - fileSize * fillRate / 100 * chunksFillRate / 100;
        return dead >= WORTH_COMPACTING && dead * 2 >= fileSize;
    }

    /** Closes the database for every connection, rewriting its file with the live pages only. */
    static void closeCompacted(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN COMPACT");
        }
    }
}
