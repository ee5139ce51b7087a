package com.keydesk.testing;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PgClusterTest {

    @Test
    void startsAServerThatAnswersOnLoopback() throws SQLException {
        PgCluster pg = PgCluster.get();
        String url = pg.newDatabase();

        assertThat(url).matches("postgresql://postgres@127\\.0\\.0\\.1:" + pg.port() + "/kd_\\d+");
        try (Connection c = pg.connect(PgCluster.databaseOf(url)); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select current_database(), inet_server_addr()::text")) {
            r.next();
            assertThat(r.getString(1)).isEqualTo(PgCluster.databaseOf(url));
            assertThat(r.getString(2)).startsWith("127.0.0.1");
        }
    }

    @Test
    void twoNewDatabasesShareNothing() throws SQLException {
        PgCluster pg = PgCluster.get();
        String one = PgCluster.databaseOf(pg.newDatabase());
        String two = PgCluster.databaseOf(pg.newDatabase());

        assertThat(one).isNotEqualTo(two);
        pg.psql(one, "create table only_here(x int); insert into only_here values (1)");
        assertThat(pg.psql(one, "select count(*) from only_here")).isEqualTo("1");
        assertThat(pg.psql(two, "select count(*) from pg_tables where tablename = 'only_here'")).isEqualTo("0");
    }

    @Test
    void restartKeepsCommitsAndCutsOpenSessions() throws SQLException {
        PgCluster pg = PgCluster.get();
        String db = PgCluster.databaseOf(pg.newDatabase());
        pg.psql(db, "create table kept(x int); insert into kept values (42)");

        try (Connection before = pg.connect(db)) {
            pg.restart();
            assertThatThrownBy(() -> before.createStatement().execute("select 1")).isInstanceOf(SQLException.class);
        }
        assertThat(pg.psql(db, "select x from kept")).isEqualTo("42");
        assertThat(PgCluster.databaseOf(pg.newDatabase())).startsWith("kd_");
    }

    @Test
    void whileStoppedNobodyConnectsAndAfterStartEveryoneCan() throws SQLException {
        PgCluster pg = PgCluster.get();
        String db = PgCluster.databaseOf(pg.newDatabase());

        pg.stop();
        try {
            assertThatThrownBy(() -> pg.connect(db).close()).isInstanceOf(SQLException.class);
        } finally {
            pg.start();
        }
        try (Connection c = pg.connect(db)) {
            assertThat(c.isValid(5)).isTrue();
        }
    }

    @Test
    void engineDefaultsToH2() {
        String saved = System.getProperty(TestEngine.PROPERTY);
        try {
            System.clearProperty(TestEngine.PROPERTY);
            assertThat(TestEngine.current()).isEqualTo(TestEngine.H2);
            System.setProperty(TestEngine.PROPERTY, "postgresql");
            assertThat(TestEngine.postgresql()).isTrue();
        } finally {
            if (saved == null) {
                System.clearProperty(TestEngine.PROPERTY);
            } else {
                System.setProperty(TestEngine.PROPERTY, saved);
            }
        }
    }
}
