package dev.ecabot.vault;

import dev.ecabot.access.ChatUserRef;
import dev.ecabot.audit.AuditEvent;
import dev.ecabot.audit.AuditKind;
import dev.ecabot.audit.AuditTrail;
import dev.ecabot.store.SqlTime;
import dev.ecabot.store.SqlWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One-time delivery of an app's consumer key and secret: an offer holds them sealed for one requester; the
 * requester reveals them once, after which the ciphertext is destroyed; an offer not revealed in its window
 * (default 24 h) is destroyed by {@link #expireDue()}. The database only ever holds ciphertext. Reveals,
 * refused reveals and expiries are written to the audit trail in the same transaction. Thread-safe.
 */
public final class RevealOffers {

    public static final Duration DEFAULT_WINDOW = Duration.ofHours(24);
    /** How long released credentials wait for the window showing them (a crash in between: revealable after). */
    public static final Duration SHOWING = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger(RevealOffers.class);
    private static final String COLUMNS =
            "offer_id, requester, org, api_name, state, created_at, expires_at, closed_at, revealed_by";

    private final DataSource dataSource;
    private final MasterKey key;
    private final AuditTrail audit;
    private final Clock clock;
    private final Duration window;

    public RevealOffers(DataSource dataSource, MasterKey key, AuditTrail audit, Clock clock, Duration window) {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("The reveal window must be positive (e.g. 24h); got " + window);
        }
        this.dataSource = dataSource;
        this.key = key;
        this.audit = audit;
        this.clock = clock;
        this.window = window;
    }

    public RevealOffers(DataSource dataSource, MasterKey key, AuditTrail audit) {
        this(dataSource, key, audit, Clock.systemUTC(), DEFAULT_WINDOW);
    }

    /** Seals {@code credentials} in a new offer that only {@code requester} can reveal, until the window ends. */
    public RevealOffer create(ChatUserRef requester, String org, String apiName, ConsumerCredentials credentials) {
        return create(requester, org, apiName, credentials, null);
    }

    /**
     * Seals the credentials of app request {@code requestId} in an offer that only {@code requester} can reveal; at
     * most one offer per request: when the request has one already (an attempt a crash stopped sealed it), that
     * one is returned and nothing is sealed again.
     */
    public RevealOffer create(ChatUserRef requester, String org, String apiName, ConsumerCredentials credentials,
                              String requestId) {
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(org, "org");
        Objects.requireNonNull(apiName, "apiName");
        Objects.requireNonNull(credentials, "credentials");
        String offerId = UUID.randomUUID().toString();
        Instant now = clock.instant();
        RevealOffer offer = new RevealOffer(offerId, requester, org, apiName, RevealOffer.State.OPEN, now,
                now.plus(window), null, null);
        byte[] plaintext = credentials.toBytes();
        String sealed;
        try {
            sealed = SealedSecret.seal(key, plaintext, offerId).encoded();
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
        return SqlWork.inTransaction(dataSource, "create a reveal offer", c -> {
            Optional<RevealOffer> earlier = requestId == null ? Optional.empty() : ofRequest(c, requestId);
            if (earlier.isPresent()) return earlier.get();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO reveal_offers (offer_id, requester, org, api_name, "
                    + "sealed_credentials, state, created_at, expires_at, request_id) VALUES (?, ?, ?, ?, ?, 'OPEN', ?, ?, ?)")) {
                ps.setString(1, offerId);
                ps.setString(2, requester.toString());
                ps.setString(3, org);
                ps.setString(4, apiName);
                ps.setString(5, sealed);
                SqlTime.set(ps, 6, offer.createdAt());
                SqlTime.set(ps, 7, offer.expiresAt());
                ps.setString(8, requestId);
                ps.executeUpdate();
            }
            return offer;
        });
    }

    /** Reveals the credentials to {@code user} if they are the requester and the offer is still open; once. */
    public RevealResult reveal(String offerId, ChatUserRef user) {
        return open(offerId, user, true);
    }

    /**
     * Releases the credentials to {@code user} for a window about to show them, without destroying them yet: the
     * caller then says {@link #shown} (destroyed now) or {@link #notShown} (the offer stays revealable). Meanwhile,
     * for {@link #SHOWING} at most, another click is answered {@link RevealResult.BeingShown}, so they are shown once.
     */
    public RevealResult release(String offerId, ChatUserRef user) {
        return open(offerId, user, false);
    }

    /** The window showing the released credentials was accepted by the platform: they are destroyed now. */
    public void shown(String offerId, ChatUserRef user) {
        SqlWork.inTransaction(dataSource, "destroy shown credentials", c -> {
            Optional<OfferRow> found = lock(c, offerId);
            if (found.isEmpty() || found.get().offer.state() != RevealOffer.State.OPEN) return null;
            Instant now = clock.instant();
            close(c, offerId, RevealOffer.State.REVEALED, now, user);
            audit.record(c, event(now, user, found.get().offer, "credentials revealed to the requester (values not recorded)"));
            return null;
        });
    }

    /** The platform refused the window meant to show the released credentials: the offer stays revealable. */
    public void notShown(String offerId, ChatUserRef user, String why) {
        SqlWork.inTransaction(dataSource, "reopen a reveal offer", c -> {
            Optional<OfferRow> found = lock(c, offerId);
            if (found.isEmpty() || found.get().offer.state() != RevealOffer.State.OPEN) return null;
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE reveal_offers SET showing_until = NULL WHERE offer_id = ? AND state = 'OPEN'")) {
                ps.setString(1, offerId);
                ps.executeUpdate();
            }
            log.warn("Reveal offer {}: the chat platform did not show the credentials ({}); still revealable", offerId, why);
            audit.record(c, event(clock.instant(), user, found.get().offer, "reveal not shown by the chat platform ("
                    + why + "); offer still open"));
            return null;
        });
    }

    private RevealResult open(String offerId, ChatUserRef user, boolean destroyNow) {
        return SqlWork.inTransaction(dataSource, "reveal credentials", c -> {
            Optional<OfferRow> found = lock(c, offerId);
            if (found.isEmpty()) return new RevealResult.NoSuchOffer(offerId);
            RevealOffer offer = found.get().offer;
            Instant now = clock.instant();
            if (!offer.requester().equals(user)) {
                log.warn("Refused to reveal offer {} to {}: not the requester", offerId, user);
                audit.record(c, event(now, user, offer, "reveal refused: " + user + " is not the requester"));
                return new RevealResult.NotTheRequester(offerId);
            }
            switch (offer.state()) {
                case REVEALED:
                    return new RevealResult.AlreadyRevealed(offer);
                case EXPIRED:
                    return new RevealResult.Expired(offer);
                case OPEN:
                    break;
            }
            if (!now.isBefore(offer.expiresAt())) {
                return new RevealResult.Expired(destroyExpired(c, offer, now));
            }
            if (found.get().showingUntil != null && now.isBefore(found.get().showingUntil)) {
                return new RevealResult.BeingShown(offer);
            }
            byte[] plaintext;
            try {
                plaintext = SealedSecret.decode(found.get().sealed).open(key, offerId);
            } catch (SealBrokenException e) {
                log.error("Reveal offer {} for {} in {}: {}", offerId, offer.apiName(), offer.org(), e.getMessage());
                return new RevealResult.Unreadable(offer);
            }
            ConsumerCredentials credentials;
            try {
                credentials = ConsumerCredentials.fromBytes(plaintext);
            } finally {
                Arrays.fill(plaintext, (byte) 0);
            }
            if (!destroyNow) {
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE reveal_offers SET showing_until = ? WHERE offer_id = ? AND state = 'OPEN'")) {
                    SqlTime.set(ps, 1, now.plus(SHOWING));
                    ps.setString(2, offerId);
                    ps.executeUpdate();
                }
                return new RevealResult.Revealed(offer, credentials);
            }
            close(c, offerId, RevealOffer.State.REVEALED, now, user);
            audit.record(c, event(now, user, offer, "credentials revealed to the requester (values not recorded)"));
            RevealOffer revealed = new RevealOffer(offerId, offer.requester(), offer.org(), offer.apiName(),
                    RevealOffer.State.REVEALED, offer.createdAt(), offer.expiresAt(), now, user);
            return new RevealResult.Revealed(revealed, credentials);
        });
    }

    /** Destroys every open offer past its window; returns them so each requester can be told. */
    public List<ExpiredOffer> expireDue() {
        return SqlWork.inTransaction(dataSource, "expire reveal offers", c -> {
            Instant now = clock.instant();
            List<String> due = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT offer_id FROM reveal_offers WHERE state = 'OPEN' AND expires_at <= ?")) {
                SqlTime.set(ps, 1, now);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) due.add(rs.getString(1));
                }
            }
            List<ExpiredOffer> expired = new ArrayList<>();
            for (String id : due) {
                Optional<OfferRow> row = lock(c, id);
                if (row.isPresent() && row.get().offer.state() == RevealOffer.State.OPEN) {
                    expired.add(new ExpiredOffer(destroyExpired(c, row.get().offer, now)));
                }
            }
            return expired;
        });
    }

    /** The offer, without its credentials. */
    public Optional<RevealOffer> find(String offerId) {
        return SqlWork.inTransaction(dataSource, "read a reveal offer", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM reveal_offers WHERE offer_id = ?")) {
                ps.setString(1, offerId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.empty();
                }
            }
        });
    }

    /** The offer of app request {@code requestId} (open, revealed or expired), if one was made. */
    public Optional<RevealOffer> ofRequest(String requestId) {
        return SqlWork.inTransaction(dataSource, "read a request's reveal offer", c -> ofRequest(c, requestId));
    }

    /** The offers {@code requester} can still reveal, oldest first (expired ones are not listed). */
    public List<RevealOffer> openFor(ChatUserRef requester) {
        return SqlWork.inTransaction(dataSource, "list open reveal offers", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM reveal_offers WHERE requester = ?"
                    + " AND state = 'OPEN' AND expires_at > ? ORDER BY created_at")) {
                ps.setString(1, requester.toString());
                SqlTime.set(ps, 2, clock.instant());
                List<RevealOffer> open = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) open.add(read(rs));
                }
                return open;
            }
        });
    }

    private static Optional<RevealOffer> ofRequest(Connection c, String requestId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM reveal_offers WHERE request_id = ?")) {
            ps.setString(1, requestId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    private RevealOffer destroyExpired(Connection c, RevealOffer offer, Instant now) throws SQLException {
        close(c, offer.offerId(), RevealOffer.State.EXPIRED, now, null);
        audit.record(c, AuditEvent.of(now, AuditKind.EXPIRY, null, offer.org(), offer.apiName(),
                "reveal offer for " + offer.requester() + " expired unrevealed; credentials destroyed")
                .withReference(offer.offerId()));
        return new RevealOffer(offer.offerId(), offer.requester(), offer.org(), offer.apiName(),
                RevealOffer.State.EXPIRED, offer.createdAt(), offer.expiresAt(), now, null);
    }

    private static void close(Connection c, String offerId, RevealOffer.State state, Instant now, ChatUserRef by)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE reveal_offers SET sealed_credentials = NULL, state = ?, "
                + "closed_at = ?, revealed_by = ? WHERE offer_id = ? AND state = 'OPEN'")) {
            ps.setString(1, state.name());
            SqlTime.set(ps, 2, now);
            ps.setString(3, by == null ? null : by.toString());
            ps.setString(4, offerId);
            if (ps.executeUpdate() != 1) throw new SQLException("offer " + offerId + " was closed concurrently");
        }
    }

    private static AuditEvent event(Instant now, ChatUserRef actor, RevealOffer offer, String detail) {
        return AuditEvent.of(now, AuditKind.REVEAL, actor, offer.org(), offer.apiName(), detail).withReference(offer.offerId());
    }

    private record OfferRow(RevealOffer offer, String sealed, Instant showingUntil) {
    }

    /** Reads and row-locks the offer, so two reveals of one offer run one after the other. */
    private static Optional<OfferRow> lock(Connection c, String offerId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + ", sealed_credentials, showing_until FROM "
                + "reveal_offers WHERE offer_id = ? FOR UPDATE")) {
            ps.setString(1, offerId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new OfferRow(read(rs), rs.getString("sealed_credentials"),
                        SqlTime.get(rs, "showing_until"))) : Optional.empty();
            }
        }
    }

    private static RevealOffer read(ResultSet rs) throws SQLException {
        String revealedBy = rs.getString("revealed_by");
        return new RevealOffer(rs.getString("offer_id"), ChatUserRef.parse(rs.getString("requester")),
                rs.getString("org"), rs.getString("api_name"), RevealOffer.State.valueOf(rs.getString("state")),
                SqlTime.get(rs, "created_at"), SqlTime.get(rs, "expires_at"), SqlTime.get(rs, "closed_at"),
                revealedBy == null ? null : ChatUserRef.parse(revealedBy));
    }
}
