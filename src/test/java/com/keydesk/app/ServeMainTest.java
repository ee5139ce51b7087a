package com.keydesk.app;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServeMainTest {

    @Test
    void theCommandWordGoesAfterTheGlobalOptionsAndBeforeServesOwn() {
        assertThat(ServeMain.withServe(new String[] {"--store", "postgresql://kd@db/keydesk", "--listen", "0.0.0.0:8443"}))
                .containsExactly("--store", "postgresql://kd@db/keydesk", "serve", "--listen", "0.0.0.0:8443");
        assertThat(ServeMain.withServe(new String[] {"--data", "/srv/keydesk", "--user", "ops"}))
                .containsExactly("--data", "/srv/keydesk", "--user", "ops", "serve");
    }

    @Test
    void withoutArgumentsItIsServeAlone() {
        assertThat(ServeMain.withServe(new String[0])).containsExactly("serve");
        assertThat(ServeMain.withServe(new String[] {"--help"})).containsExactly("serve", "--help");
    }

    @Test
    void aGlobalOptionWithoutItsValueIsLeftForServeToRefuse() {
        assertThat(ServeMain.withServe(new String[] {"--store"})).containsExactly("serve", "--store");
    }
}
