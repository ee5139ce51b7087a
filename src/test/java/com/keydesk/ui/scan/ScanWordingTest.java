package com.keydesk.ui.scan;

import com.keydesk.ui.Messages;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The scan's counts read as English: "1 file", not "1 files". */
class ScanWordingTest {
    @Test
    void oneFileAndOneKeyAreSingular() {
        assertThat(Messages.format("scan.summary", 1, 0, "/project"))
                .isEqualTo("1 file scanned in /project: no KeyDesk key was found.");
        assertThat(Messages.format("scan.summary", 12, 2, "/project"))
                .isEqualTo("12 files scanned in /project: 2 KeyDesk keys were found.");
        assertThat(Messages.format("scan.progress", 1, 1, "a.env")).isEqualTo("1 file scanned, 1 key found so far: a.env");
        assertThat(Messages.format("scan.progress", 0, 0, "a.env")).isEqualTo("0 files scanned, 0 keys found so far: a.env");
    }
}
