package dev.ecabot.conversation.approvals;

import dev.ecabot.access.ChatUserRef;
import dev.ecabot.access.Grantee;
import dev.ecabot.approval.ApprovalRequest;
import dev.ecabot.approval.Approvals;
import dev.ecabot.conversation.ChatAddress;
import dev.ecabot.conversation.ChatPort;
import dev.ecabot.conversation.ChatUser;
import dev.ecabot.conversation.MessageRef;
import dev.ecabot.conversation.message.ApprovalCard;
import dev.ecabot.conversation.message.Fact;
import dev.ecabot.conversation.message.Person;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Approval cards: posts a pending request's card to the people who may decide it (each listed approver's direct
 * messages, never the requester's, plus the approvers' channel when configured), remembers where (so a restarted
 * bot can still edit them), and after a decision, expiry or withdrawal edits every card to say who decided and when.
 * Thread-safe.
 */
public final class ApprovalCards {

    /** Separates a setting's section from its label in a request's stored settings ("OAuth / Callback URLs"). */
    public static final String SECTION_SEPARATOR = " / ";
    /**
     * The setting of a change request (rotate, delete) naming who created the app, stored as "platform:id" like every
     * person in the request; the card shows that person as a mention / name.
     */
    public static final String CREATED_BY = "Created by";

    private static final Logger LOG = LoggerFactory.getLogger(ApprovalCards.class);

    private final ChatPort port;
    private final Approvals approvals;
    private final ApprovalCardStore store;
    private final Clock clock;

    public ApprovalCards(DataSource dataSource, ChatPort port, Approvals approvals, Clock clock) {
        this.port = port;
        this.approvals = approvals;
        this.store = new ApprovalCardStore(dataSource);
        this.clock = clock;
    }

    /** Posts the card of a pending request to everyone who should decide it; returns how many places got it. */
    public int post(ApprovalRequest request) {
        List<ChatAddress> places = new ArrayList<>();
        for (Grantee g : approvals.approversToTell(request.org())) {
            if (g.kind() != Grantee.Kind.USER) continue; // groups and whole platforms: reached through the channel
            ChatUserRef ref = new ChatUserRef(g.platform(), g.id());
            if (ref.equals(request.requester())) continue; // they can never decide their own request
            places.add(ChatAddress.directTo(ChatUser.of(g.platform(), g.id())));
        }
        String channel = approvals.policy().channel();
        if (channel != null) {
            ChatUserRef c = ChatUserRef.parse(channel);
            places.add(ChatAddress.channel(c.platform(), c.id()));
        }
        if (places.isEmpty()) {
            LOG.warn("Approval request {} for org {} has nobody to show it to: configure roles.approvers (users) or "
                    + "approvals.channel", request.id(), request.org());
        }
        for (ChatAddress to : places) show(request, to);
        return places.size();
    }

    /** What to tell a requester when {@link #post} reached nobody, and how to fix it. */
    public String nobodyToldAdvice(String org) {
        if (approvals.approversToTell(org).isEmpty()) {
            return "No approver is configured for org " + org + ": ask a bot admin to list approvers (roles.approvers).";
        }
        return "The approvers of org " + org + " are configured as groups or a whole platform, so no card went to anyone "
                + "in person: an approver sees the requests waiting for them by saying \"approve\". (A bot admin can add "
                + "an approvers' channel: approvals.channel.)";
    }

    /** Shows the card to one place (e.g. an approver who typed "approve" without having seen it). */
    public void show(ApprovalRequest request, ChatAddress to) {
        try {
            MessageRef ref = port.post(to, cardOf(request));
            store.save(request.id(), ref, request.fingerprint(), clock.instant());
            port.refreshHome(to.user()); // the request waits for them on their home too
        } catch (RuntimeException e) {
            LOG.warn("Could not post the card of approval request {} to {}: {}", request.id(), to.user().key(), e.toString());
        }
    }

    /**
     * The fingerprint of the card {@code user} was shown: their own, else any posted card of the request (an approver
     * reached through the approvers' channel saw that one); empty when no card was ever posted.
     */
    public Optional<String> fingerprintShownTo(String requestId, ChatUser user) {
        List<ApprovalCardStore.PostedCard> cards = store.of(requestId);
        return cards.stream().filter(c -> c.ref().address().user().key().equals(user.key())).findFirst()
                .or(() -> cards.stream().findFirst())
                .map(ApprovalCardStore.PostedCard::fingerprint);
    }

    /** Edits every card of the request: no buttons any more, who decided (or what happened) and when. */
    public void close(ApprovalRequest request, ApprovalCard.Status status, String by, Instant at, String note) {
        ApprovalCard closed = cardOf(request).decided(status, by, at, note);
        for (ApprovalCardStore.PostedCard card : store.of(request.id())) {
            try {
                port.edit(card.ref(), closed);
                port.refreshHome(card.ref().address().user()); // no longer waiting for them
            } catch (RuntimeException e) {
                LOG.warn("Could not update the card of approval request {} for {}: {}", request.id(),
                        card.ref().address().user().key(), e.toString());
            }
        }
    }


    /** The card approvers see for {@code request}: every stored setting, grouped by section. */
    public static ApprovalCard cardOf(ApprovalRequest request) {
        List<Fact> facts = new ArrayList<>();
        for (Map.Entry<String, String> s : request.draft().settings().entrySet()) {
            String key = s.getKey();
            String value = CREATED_BY.equals(key) ? Person.inTextOrAsIs(s.getValue()) : s.getValue();
            int split = key.indexOf(SECTION_SEPARATOR);
            facts.add(split < 0 ? new Fact("", key, value)
                    : new Fact(key.substring(0, split), key.substring(split + SECTION_SEPARATOR.length()), value));
        }
        int needed = request.requiredApprovals();
        String title = "Approval needed (" + needed + (needed == 1 ? " approval" : " approvals") + "): " + PurposeWords.verb(request.draft().purpose())
                + " " + (request.apiName() == null ? "an External Client App" : request.apiName()) + " in org " + request.org();
        return new ApprovalCard(request.id(), title, request.org(), request.playbook(), facts,
                request.requester().toString(), request.draft().reason(), request.expiresAt(), request.fingerprint(),
                ApprovalCard.Status.PENDING, null, null, null);
    }
}
