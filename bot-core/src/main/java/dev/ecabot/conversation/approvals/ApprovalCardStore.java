package dev.ecabot.conversation.approvals;

import dev.ecabot.conversation.ChatAddress;
import dev.ecabot.conversation.ChatPlace;
import dev.ecabot.conversation.ChatUser;
import dev.ecabot.conversation.MessageRef;
import dev.ecabot.store.SqlTime;
import dev.ecabot.store.SqlWork;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The {@code approval_cards} table: where each card of a request was posted, and the fingerprint it showed. */
final class ApprovalCardStore {

    /** One posted card: the message to edit later and the fingerprint it showed. */
    record PostedCard(MessageRef ref, String fingerprint) { }

    private final DataSource dataSource;

    ApprovalCardStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Records a posted card, replacing an earlier card of the same request in the same place. */
    void save(String requestId, MessageRef ref, String fingerprint, Instant at) {
        ChatAddress to = ref.address();
        SqlWork.inTransaction(dataSource, "record an approval card", c -> {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM approval_cards WHERE request_id = ? "
                    + "AND platform = ? AND user_id = ? AND channel_id = ?")) {
                del.setString(1, requestId);
                del.setString(2, to.user().platform());
                del.setString(3, to.user().id());
                del.setString(4, to.place().channelId());
                del.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO approval_cards (request_id, platform, user_id, "
                    + "user_name, channel_id, thread_key, message_id, fingerprint, posted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, requestId);
                ps.setString(2, to.user().platform());
                ps.setString(3, to.user().id());
                ps.setString(4, to.user().displayName());
                ps.setString(5, to.place().channelId());
                ps.setString(6, to.place().threadKey());
                ps.setString(7, ref.id());
                ps.setString(8, fingerprint);
                SqlTime.set(ps, 9, at);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Every card posted for the request, oldest first. */
    List<PostedCard> of(String requestId) {
        return SqlWork.inTransaction(dataSource, "read approval cards", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT platform, user_id, user_name, channel_id, thread_key, "
                    + "message_id, fingerprint FROM approval_cards WHERE request_id = ? ORDER BY posted_at")) {
                ps.setString(1, requestId);
                List<PostedCard> cards = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ChatUser user = new ChatUser(rs.getString(1), rs.getString(2), rs.getString(3), null);
                        ChatAddress to = new ChatAddress(user, new ChatPlace(rs.getString(4), rs.getString(5)));
                        cards.add(new PostedCard(new MessageRef(to, rs.getString(6)), rs.getString(7)));
                    }
                }
                return cards;
            }
        });
    }
}
