package dev.ecabot.conversation.home;

import dev.ecabot.conversation.message.HomeView;
import dev.ecabot.access.AccessPolicy;
import dev.ecabot.access.Action;
import dev.ecabot.access.ChatUserRef;
import dev.ecabot.approval.Approvals;
import dev.ecabot.conversation.ChatUser;
import dev.ecabot.duration.HumanTime;
import dev.ecabot.conversation.approvals.ApprovalCards;
import dev.ecabot.conversation.approvals.PendingApprovals;
import dev.ecabot.conversation.message.ApprovalCard;
import dev.ecabot.conversation.message.Fact;
import dev.ecabot.conversation.message.InlineText;
import dev.ecabot.conversation.message.RevealOffer;
import dev.ecabot.inventory.AppStatus;
import dev.ecabot.inventory.InventoryApp;
import dev.ecabot.inventory.InventoryAppRepository;
import dev.ecabot.reminders.Reminders;
import dev.ecabot.vault.RevealOffers;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Builds a person's {@link HomeView} from the stores, showing only what their roles let them act on: their own
 * apps and reminders, approval requests only to those who may decide them, reveal offers only to their requester.
 * Thread-safe.
 */
public final class HomeViews {

    /** A home lists this many apps a page; "More" shows the next ones ("inventory" and "show" reach all). */
    public static final int APPS_SHOWN = 10;
    /**
     * And this many approval cards a page: a card is up to a dozen Slack blocks, and a Home tab holds 100 with the
     * offers, apps and reminders.
     */
    public static final int APPROVALS_SHOWN = 4;
    /** And at most this many offers and reminders. */
    static final int EACH_SHOWN = 10;

    private final InventoryAppRepository inventory;
    private final PendingApprovals pending;
    private final RevealOffers offers;
    private final Reminders reminders;
    private final AccessPolicy access;
    private final Clock clock;

    /** {@code reminders} may be null (no scheduler: none listed). */
    public HomeViews(InventoryAppRepository inventory, Approvals approvals, RevealOffers offers, Reminders reminders,
                     AccessPolicy access, Clock clock) {
        this.inventory = inventory;
        this.pending = new PendingApprovals(approvals);
        this.offers = offers;
        this.reminders = reminders;
        this.access = access;
        this.clock = clock;
    }

    public HomeView of(ChatUser user) {
        return of(user, 0, 0);
    }

    /** {@code user}'s home with the apps from the {@code appsFrom}th and the approvals from the {@code approvalsFrom}th. */
    public HomeView of(ChatUser user, int appsFrom, int approvalsFrom) {
        ChatUserRef ref = user.ref();
        List<InventoryApp> mine = access.check(ref, Action.INVENTORY).allowed() ? inventory.all().stream()
                .filter(a -> ref.toString().equals(a.requester()) && a.status() != AppStatus.DELETED)
                .sorted(Comparator.comparing(InventoryApp::createdAt).reversed()).toList() : List.of();
        int firstApp = Math.max(0, Math.min(appsFrom, Math.max(0, mine.size() - 1)));
        List<Fact> apps = mine.stream().skip(firstApp).limit(APPS_SHOWN).map(a -> new Fact(a.org(), a.apiName(),
                a.label() + " | " + a.status().label() + " | created " + InlineText.moment(a.createdAt()))).toList();
        List<dev.ecabot.approval.ApprovalRequest> waiting = access.check(ref, Action.APPROVE).allowed()
                ? pending.of(ref) : List.of();
        int firstApproval = Math.max(0, Math.min(approvalsFrom, Math.max(0, waiting.size() - 1)));
        List<ApprovalCard> cards = waiting.stream().skip(firstApproval).limit(APPROVALS_SHOWN)
                .map(ApprovalCards::cardOf).toList();
        List<RevealOffer> open = access.check(ref, Action.REVEAL).allowed() ? offers.openFor(ref).stream().limit(EACH_SHOWN)
                .map(o -> new RevealOffer(o.offerId(), "Consumer key and secret of " + o.apiName() + " in " + o.org(),
                        o.expiresAt())).toList() : List.of();
        Instant now = clock.instant();
        List<Fact> due = reminders == null ? List.of() : reminders.forUser(ref).stream().limit(EACH_SHOWN)
                .map(r -> new Fact("", HumanTime.fromNow(r.dueAt(), now), kind(r.kind().name())
                        + (r.apiName() == null ? "" : " (" + r.apiName() + " in " + r.org() + ")"))).toList();
        return new HomeView(apps, Math.max(0, mine.size() - firstApp - apps.size()), cards, open, due, firstApp,
                firstApproval, Math.max(0, waiting.size() - firstApproval - cards.size()));
    }

    private static String kind(String name) {
        String words = name.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
