package com.keydesk.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import static org.assertj.core.api.Assertions.assertThat;

class MallocArenasTest {

    @Test
    @EnabledOnOs(OS.LINUX)
    void glibcTakesTheCap() {
        // the build machines and the .deb's users run glibc: a false here means the call is wrong
        assertThat(MallocArenas.cap(2)).isTrue();
    }
}
