package dev.ecabot.vault;

import dev.ecabot.store.SqlTime;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;

/**
 * The check at start that the master key is the one that sealed this database's secrets: a known value sealed
 * once (migration V95) and opened at every start. A database from before the canary gets one when its first
 * sealed secret still opens with the key (or it has none). Thread-safe; instances on one database agree.
 */
public final class VaultCanary {

    private static final String BOUND_TO = "vault-canary";
    private static final byte[] VALUE = "ecabot vault canary v1".getBytes(StandardCharsets.UTF_8);

    private VaultCanary() {
    }

    /**
     * Returns {@code keyFile}, unless the key would come from it, it is missing, and this database already has
     * secrets sealed under some key: then a new key must not be made next to them.
     * @throws WrongMasterKeyException in that case, saying to restore the key
     */
    public static java.nio.file.Path refuseNewKeyFile(DataSource db, java.util.Map<String, String> env,
                                                      java.nio.file.Path keyFile) {
        String fromEnv = env.get(MasterKey.ENV_VAR);
        if ((fromEnv == null || fromEnv.isBlank()) && java.nio.file.Files.notExists(keyFile) && present(db)) {
            throw new WrongMasterKeyException("The master key file " + keyFile.toAbsolutePath() + " is missing, but "
                    + "this database holds secrets sealed under a master key: a new key would never open them. Put the "
                    + "backed-up key file back (owner-only, chmod 600) or set " + MasterKey.ENV_VAR + " to the backed-up "
                    + "key, and start again; see docs/operations.md, \"Back up the key\".");
        }
        return keyFile;
    }

    /** Whether this database already has a canary, i.e. secrets were sealed under some key. */
    public static boolean present(DataSource db) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM vault_canary")) {
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getInt(1) > 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the vault canary: " + e.getMessage(), e);
        }
    }

    /**
     * Opens the canary with {@code key} (from {@code keySource}, e.g. "ECABOT_MASTER_KEY"), creating it when the
     * database has none yet.
     * @throws WrongMasterKeyException when the key does not open it; the message says what to do
     */
    public static void check(DataSource db, MasterKey key, String keySource) {
        try (Connection c = db.getConnection()) {
            String sealed = canary(c);
            if (sealed == null) {
                String[] oldest = oldestSealedOffer(c);
                if (oldest != null && !opens(key, oldest[1], oldest[0])) {
                    throw wrongKey(keySource);
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO vault_canary (canary_id, sealed, created_at) VALUES (1, ?, ?)")) {
                    ps.setString(1, SealedSecret.seal(key, VALUE, BOUND_TO).encoded());
                    SqlTime.set(ps, 2, Instant.now());
                    ps.executeUpdate();
                    return;
                } catch (SQLException raced) {
                    sealed = canary(c); // another instance created it first: check against theirs
                    if (sealed == null) throw raced;
                }
            }
            if (!opens(key, sealed, BOUND_TO)) throw wrongKey(keySource);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not check the master key against the vault: " + e.getMessage(), e);
        }
    }

    private static boolean opens(MasterKey key, String sealed, String boundTo) {
        try {
            byte[] plain = SealedSecret.decode(sealed).open(key, boundTo);
            boolean ok = !BOUND_TO.equals(boundTo) || Arrays.equals(plain, VALUE);
            Arrays.fill(plain, (byte) 0);
            return ok;
        } catch (SealBrokenException e) {
            return false;
        }
    }

    private static String canary(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT sealed FROM vault_canary WHERE canary_id = 1");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** {offerId, sealed} of the oldest offer still holding a sealed secret, or null. */
    private static String[] oldestSealedOffer(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT offer_id, sealed_credentials FROM reveal_offers "
                + "WHERE sealed_credentials IS NOT NULL ORDER BY created_at FETCH FIRST 1 ROWS ONLY");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? new String[] {rs.getString(1), rs.getString(2)} : null;
        }
    }

    private static WrongMasterKeyException wrongKey(String keySource) {
        return new WrongMasterKeyException("The master key from " + keySource + " does not open this database's vault: "
                + "it is not the key the waiting secrets were sealed with, so they could never be revealed. Set "
                + MasterKey.ENV_VAR + " to the key you backed up (or put the backed-up key file back) and start again; "
                + "see docs/operations.md, \"Back up the key\".");
    }

    /** The master key does not open the vault: the bot must not start with it. */
    public static final class WrongMasterKeyException extends dev.ecabot.settings.error.StartRefusedException {
        public WrongMasterKeyException(String message) {
            super(message);
        }
    }
}
