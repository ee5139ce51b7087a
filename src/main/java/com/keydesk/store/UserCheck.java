package com.keydesk.store;

import com.keydesk.domain.User;
import org.jooq.DSLContext;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Optional;

/**
 * A user as {@link UserRepository} reads one, with what binding it to the audit chain needs: the
 * row's canonical state ({@link RowStates#user}) and the newest digest the chain holds for it. One
 * statement in plain JDBC with a fixed SQL text, where the user, its state and its digest were three
 * jOOQ statements: every signed-in call reads its actor so (and a create its key's owner), and on a
 * team store each statement is a round trip.
 *
 * @param bound null when no entry binds the row
 */
public record UserCheck(User user, String state, String bound) {
    private static final String SELECT = "SELECT u.id, u.username, u.username_key, u.display_name, u.is_admin,"
            + " u.active, u.password_hash, u.created_at, u.must_change_password,"
            + " (SELECT COUNT(*) FROM api_key k WHERE k.user_id = u.id), "
            + BoundDigest.of("CONCAT('user:', u.id)") + " FROM app_user u";
    static final String BY_ID = SELECT + " WHERE u.id = ?";
    static final String BY_USERNAME = SELECT + " WHERE u.username_key = ?";

    public static Optional<UserCheck> byId(DSLContext tx, long id) {
        return one(tx, BY_ID, query -> query.setLong(1, id));
    }

    /** By username, in any case (as {@link UserRepository#findByUsername}). */
    public static Optional<UserCheck> byUsername(DSLContext tx, String username) {
        return one(tx, BY_USERNAME, query -> query.setString(1, UserRepository.usernameKey(username)));
    }

    private interface Parameters {
        void set(PreparedStatement query) throws SQLException;
    }

    private static Optional<UserCheck> one(DSLContext tx, String sql, Parameters parameters) {
        return tx.connectionResult(connection -> {
            try (PreparedStatement query = connection.prepareStatement(sql)) {
                parameters.set(query);
                try (ResultSet r = query.executeQuery()) {
                    return r.next() ? Optional.of(read(r)) : Optional.empty();
                }
            }
        });
    }

    /** The row in RowStates' order for app_user, read as the types jOOQ gives them, so the states agree. */
    private static UserCheck read(ResultSet r) throws SQLException {
        Object[] row = {r.getObject(1, Long.class), r.getString(2), r.getString(3), r.getString(4),
                r.getObject(5, Boolean.class), r.getObject(6, Boolean.class), r.getString(7),
                r.getObject(8, LocalDateTime.class)};
        User user = new User((Long) row[0], (String) row[1], (String) row[3], (Boolean) row[4], (Boolean) row[5],
                Times.fromDb((LocalDateTime) row[7]), r.getInt(10), r.getBoolean(9));
        return new UserCheck(user, RowStates.canonical(row), r.getString(11));
    }

    @Override
    public String toString() {
        return "UserCheck[user=" + user.id() + ", state and digest hidden]";
    }
}
