package dev.ecabot.conversation.outbox;

import dev.failsafe.Failsafe;
import dev.failsafe.RetryPolicy;
import dev.ecabot.conversation.ChatAddress;
import dev.ecabot.conversation.ChatDeliveryException;
import dev.ecabot.conversation.ChatPort;
import dev.ecabot.conversation.ForwardingChatPort;
import dev.ecabot.conversation.ChatUser;
import dev.ecabot.duration.HumanTime;
import dev.ecabot.conversation.MessageRef;
import dev.ecabot.conversation.message.ApprovalCard;
import dev.ecabot.conversation.message.FileMessage;
import dev.ecabot.conversation.message.ChatMessage;
import dev.ecabot.conversation.message.PlainText;
import dev.ecabot.conversation.message.RevealOffer;
import dev.ecabot.conversation.message.SecretReveal;
import dev.ecabot.conversation.message.TextMessage;
import dev.ecabot.store.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The durable outbox in front of the chat platforms: the engine's {@link ChatPort}. Every {@link #post} and
 * {@link #edit} becomes a row in the database (table chat_outbox) before the call returns, and a worker sends the
 * rows through the platform's port:
 * <ul>
 *   <li>one destination (platform + channel) at a time, in the order the rows were written;</li>
 *   <li>a send the platform refused for now (HTTP 429, 5xx, a timeout: {@link ChatDeliveryException#retryable()})
 *       is tried again with exponential backoff and jitter, waiting at least the platform's Retry-After
 *       (Failsafe's retry policy); later rows of that destination wait, other destinations go on;</li>
 *   <li>an edit names the message it replaces; pending older edits of it are dropped (the newest wins), and an edit
 *       that arrives twice changes nothing;</li>
 *   <li>after {@link Settings#deadAfter} (or at once when the platform refused the payload itself) the row is DEAD:
 *       the addressee and every admin are told in words what did not arrive and what to do.</li>
 * </ul>
 * What a turn must show at once (a form from a click, field errors, a secret) never reaches the outbox: the engine
 * returns it to the adapter in its {@code TurnAnswer}, so it never waits behind queued sends (trigger ids last 3
 * seconds); {@link #reveal} (a port that shows secrets anywhere, the terminal) goes straight to the platform, so a
 * secret is never written down. Rows left by a stopped instance are sent by any instance once their claim ends.
 * Inside a {@link UnitOfWork} (a chat turn) a row commits with the turn's state change, or not at all. Thread-safe.
 */
public final class Outbox extends ForwardingChatPort implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
    static final String REF_PREFIX = "outbox:";

    /** How the outbox retries and when it gives up. */
    public record Settings(Duration firstDelay, Duration maxDelay, double jitter, Duration deadAfter,
                           Duration noticeDeadAfter, Duration pollInterval, int threads, Clock clock,
                           Supplier<List<ChatUser>> admins, Duration claim) {
        public Settings {
            Objects.requireNonNull(claim, "claim");
            Objects.requireNonNull(firstDelay, "firstDelay");
            Objects.requireNonNull(maxDelay, "maxDelay");
            Objects.requireNonNull(deadAfter, "deadAfter");
            Objects.requireNonNull(noticeDeadAfter, "noticeDeadAfter");
            Objects.requireNonNull(pollInterval, "pollInterval");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(admins, "admins");
            if (threads < 1) throw new IllegalArgumentException("the outbox needs at least one thread");
        }

        /** 1 s doubling to 5 min with 25 % jitter, dead after 30 min (notices after 10 min), nobody to tell. */
        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(1), Duration.ofMinutes(5), 0.25, Duration.ofMinutes(30),
                    Duration.ofMinutes(10), Duration.ofMillis(500), 4, Clock.systemUTC(), List::of, Duration.ofMinutes(2));
        }

        public Settings withDeadAfter(Duration deadAfter) {
            return new Settings(firstDelay, maxDelay, jitter, deadAfter, noticeDeadAfter, pollInterval, threads, clock, admins, claim);
        }

        public Settings withFirstDelay(Duration firstDelay) {
            return new Settings(firstDelay, maxDelay, jitter, deadAfter, noticeDeadAfter, pollInterval, threads, clock, admins, claim);
        }

        /**
         * How long an instance holds a message it is sending (renewed before each attempt and to cover each wait):
         * after a crash, another instance sends it this long after the last renewal. Long enough for one send;
         * default 2 minutes.
         */
        public Settings withClaim(Duration claim) {
            return new Settings(firstDelay, maxDelay, jitter, deadAfter, noticeDeadAfter, pollInterval, threads, clock, admins, claim);
        }

        /** Who hears of a message given up on (besides its addressee): the bot's admins, reached in their DMs. */
        public Settings withAdmins(Supplier<List<ChatUser>> admins) {
            return new Settings(firstDelay, maxDelay, jitter, deadAfter, noticeDeadAfter, pollInterval, threads, clock, admins, claim);
        }
    }

    private final ChatPort platform;
    private final OutboxStore store;
    private final Settings settings;
    private final String instance = UUID.randomUUID().toString();
    private final ScheduledExecutorService workers;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean pollQueued = new AtomicBoolean();
    private final AtomicInteger running = new AtomicInteger();
    private volatile boolean closed;
    /** Nothing is sent before {@link #start()}: a queued row waits for this instance (or another) to start sending. */
    private volatile boolean started;

    public Outbox(ChatPort platform, DataSource dataSource, Settings settings) {
        super(Objects.requireNonNull(platform, "platform"));
        this.platform = platform;
        this.store = new OutboxStore(Objects.requireNonNull(dataSource, "dataSource"));
        this.settings = Objects.requireNonNull(settings, "settings");
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newScheduledThreadPool(settings.threads(), r -> {
            Thread t = new Thread(r, "ecabot-outbox-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts sending: at once, then every poll interval (rows of other instances, retries after a restart). */
    public Outbox start() {
        started = true;
        long every = settings.pollInterval().toMillis();
        workers.scheduleWithFixedDelay(this::pollSafely, 0, every, TimeUnit.MILLISECONDS);
        return this;
    }

    @Override
    public MessageRef post(ChatAddress to, ChatMessage message) {
        return new MessageRef(to, REF_PREFIX + queue(OutboxStore.Kind.POST, to, message, null, null, false));
    }

    @Override
    public void edit(MessageRef ref, ChatMessage message) {
        if (ref.id().startsWith(REF_PREFIX)) {
            long target = Long.parseLong(ref.id().substring(REF_PREFIX.length()));
            queue(OutboxStore.Kind.EDIT, ref.address(), message, target, null, false);
        } else {
            queue(OutboxStore.Kind.EDIT, ref.address(), message, null, ref.id(), false);
        }
    }

    /**
     * A row that shows {@code user}'s home surface again once sent, when their platform has one: its own destination
     * (a slow home never holds up their messages), only the newest pending one kept, and never a notice when it fails
     * (the tab is shown again when they open it anyway).
     */
    @Override
    public void refreshHome(ChatUser user) {
        if (!platform.hasHomes(user.platform())) return;
        Instant now = settings.clock().instant();
        try {
            store.add(homeOf(user), OutboxStore.Kind.HOME, ChatAddress.directTo(user), HOME_ROW, null, null, true, now,
                    now.plus(settings.noticeDeadAfter()));
        } catch (RuntimeException e) {
            // a tab shown again later (when they open it) never fails what changed it: a decision, a new app
            LOG.warn("Could not queue a refresh of {}'s home: {}", user.key(), e.getMessage());
            return;
        }
        UnitOfWork.afterCommit(this::wake);
    }

    /** What a home row holds as its message (the view is built when it is sent, from what is current then). */
    private static final TextMessage HOME_ROW = TextMessage.info("(home surface shown again)");

    static String homeOf(ChatUser user) {
        return user.platform() + "|home:" + user.id();
    }

    /** Straight to the platform, never written down: the secret shows in the dialog the person's click opened. */
    @Override
    public void reveal(ChatAddress to, SecretReveal reveal) {
        super.reveal(to, reveal);
    }

    /** Rows waiting to be sent, sent, given up on: for tests, health and the closing figures. */
    public int count(String status) {
        return store.count(OutboxStore.Status.valueOf(status));
    }

    /** True when nothing is waiting and nothing is being sent by this instance. */
    public boolean idle() {
        return running.get() == 0 && store.count(OutboxStore.Status.PENDING) == 0;
    }

    private long queue(OutboxStore.Kind kind, ChatAddress to, ChatMessage message, Long targetId, String targetRef,
                       boolean notice) {
        Instant now = settings.clock().instant();
        Instant deadAfter = now.plus(notice ? settings.noticeDeadAfter() : settings.deadAfter());
        // Inside a chat turn (a UnitOfWork) the row commits with the turn's state change, or not at all; the sender
        // is woken once it is committed (it could not see the row before).
        long id = store.add(destinationOf(to), kind, to, message, targetId, targetRef, notice, now, deadAfter);
        UnitOfWork.afterCommit(this::wake);
        return id;
    }

    /** Messages of one destination keep their order; a thread is part of its channel. */
    static String destinationOf(ChatAddress to) {
        return to.user().platform() + "|" + to.place().channelId();
    }

    private void wake() {
        if (closed || !started || !pollQueued.compareAndSet(false, true)) return;
        try {
            workers.execute(() -> {
                pollQueued.set(false);
                pollSafely();
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            pollQueued.set(false);
        }
    }

    private void pollSafely() {
        if (closed) return;
        try {
            poll();
        } catch (RuntimeException e) {
            LOG.warn("Reading the outbox failed; will look again shortly: {}", e.getMessage());
        }
    }

    private void poll() {
        Instant now = settings.clock().instant();
        for (OutboxStore.Row head : store.headsDue(now, 200)) {
            if (closed) return;
            if (!inFlight.add(head.destination())) continue;
            if (!store.claim(head.id(), instance, now, claimUntil(now, head))) {
                inFlight.remove(head.destination());
                continue;
            }
            running.incrementAndGet();
            send(head);
        }
    }

    /** Long enough for one send (HTTP timeouts are shorter); renewed before each attempt and for each wait. */
    private Instant claimUntil(Instant now, OutboxStore.Row row) {
        return now.plus(settings.claim());
    }

    /**
     * Frees every claim: call it at start when no other process can have the database open (embedded H2), so what
     * a killed process was sending goes out at once instead of after its claim ends.
     */
    public void forgetClaimsOfEarlierProcesses() {
        store.releaseAll();
    }

    private void send(OutboxStore.Row row) {
        Duration left = Duration.between(settings.clock().instant(), row.deadAfter());
        if (left.isNegative() || left.isZero()) left = Duration.ofMillis(1);
        RetryPolicy<String> retry = RetryPolicy.<String>builder()
                .handleIf(Outbox::worthRetrying)
                .withBackoff(settings.firstDelay(), settings.maxDelay())
                .withJitter(settings.jitter())
                // The platform's Retry-After, when it named one, is the least we wait; else the backoff's delay.
                .withDelayFnOn(ctx -> retryAfterOf(ctx.getLastException(), settings.jitter()), ChatDeliveryException.class)
                .withMaxRetries(-1)
                .withMaxDuration(left)
                .onRetryScheduled(e -> {
                    Instant now = settings.clock().instant();
                    Instant next = now.plus(e.getDelay());
                    store.retryLater(row.id(), instance, errorOf(e.getLastException()), next,
                            next.plus(settings.claim()));
                    LOG.info("Outbox message {} to {}: {}; trying again in {} ms (attempt {})", row.id(),
                            row.destination(), errorOf(e.getLastException()), e.getDelay().toMillis(), e.getAttemptCount() + 1);
                })
                .build();
        Failsafe.with(retry).with(workers).getAsync(() -> deliver(row)).whenComplete((platformRef, failure) -> {
            try {
                if (failure == null) {
                    store.markSent(row.id(), platformRef, settings.clock().instant());
                } else if (closed) {
                    store.release(row.id(), instance);
                } else if (unwrap(failure) instanceof ClaimLost) {
                    LOG.info("Outbox message {} to {} is another instance's now (or done); this one leaves it",
                            row.id(), row.destination());
                } else {
                    giveUp(row, failure);
                }
            } catch (RuntimeException e) {
                LOG.warn("Recording the outcome of outbox message {} failed: {}", row.id(), e.getMessage());
            } finally {
                inFlight.remove(row.destination());
                running.decrementAndGet();
                wake();
            }
        });
    }

    /** Sends one row; returns the platform's id of the message (for later edits). */
    private String deliver(OutboxStore.Row row) {
        if (closed) throw new IllegalStateException("the outbox is stopping");
        // Each attempt first renews this instance's claim, for one send's time: after a wait for Retry-After or
        // backoff whose renewal was lost (a database error in the retry listener, a pause longer than the claim),
        // another instance may have taken the row and sent it; then this attempt is dropped, never sent twice.
        Instant now = settings.clock().instant();
        if (!store.claim(row.id(), instance, now, now.plus(settings.claim()))) throw new ClaimLost(row.id());
        if (row.kind() == OutboxStore.Kind.HOME) {
            platform.refreshHome(row.address().user());
            return "home";
        }
        if (row.kind() == OutboxStore.Kind.POST) {
            return platform.post(row.address(), row.message()).id();
        }
        String target = row.targetRef();
        if (row.targetId() != null) {
            OutboxStore.Row original = store.find(row.targetId()).orElse(null);
            if (original == null || original.status() == OutboxStore.Status.DEAD
                    || original.status() == OutboxStore.Status.SUPERSEDED) {
                // The message it replaces never arrived: show the new version as a message of its own.
                return platform.post(row.address(), row.message()).id();
            }
            if (original.status() != OutboxStore.Status.SENT) {
                throw new ChatDeliveryException("the message this edit replaces is not sent yet", true, null, null);
            }
            target = original.platformRef();
        }
        platform.edit(new MessageRef(row.address(), target), row.message());
        return target;
    }

    private void giveUp(OutboxStore.Row row, Throwable failure) {
        String error = errorOf(failure);
        if (!store.markDead(row.id(), error)) return;
        LOG.error("Outbox message {} to {} given up after {}: {}", row.id(), row.destination(),
                HumanTime.duration(Duration.between(row.createdAt(), settings.clock().instant())), error);
        if (row.notice()) return; // a notice that cannot arrive does not start another one
        String what = describe(row.message());
        ChatUser addressee = row.address().user();
        boolean person = !addressee.displayName().startsWith("#");
        if (person) {
            queue(OutboxStore.Kind.POST, ChatAddress.directTo(addressee), TextMessage.warning(
                    "I could not deliver " + what + " to you (the chat platform said: " + error + "). "
                            + adviceFor(row.message())), null, null, true);
        }
        if (row.message() instanceof ApprovalCard card && card.requester().contains(":")) {
            // The requester was told the card is on its way to the approvers: say that one of them did not get it.
            // Whether any other approver has it is not known here (their cards may still be on their way): no claim.
            String[] who = card.requester().split(":", 2);
            queue(OutboxStore.Kind.POST, ChatAddress.directTo(ChatUser.of(who[0], who[1])), TextMessage.warning(
                    "Your request " + card.requestId() + " (" + card.title() + ") could not be shown to "
                            + addressee.displayName() + ": the chat platform refused it (" + error + "). The request "
                            + "still waits: an approver can decide it by saying \"approve " + card.requestId()
                            + "\"; the bot's admins were told."), null, null, true);
        }
        for (ChatUser admin : settings.admins().get()) {
            if (!admin.platform().equals(addressee.platform())) continue;
            queue(OutboxStore.Kind.POST, ChatAddress.directTo(admin), TextMessage.warning(
                    "For the bot's admins: I gave up delivering " + what + " to " + addressee.displayName() + " ("
                            + addressee.key() + ", in " + row.address().place().channelId() + ") after trying since "
                            + row.createdAt() + ": " + error + ". Check the bot's permissions in that place; "
                            + (person ? "the person was told." : "nobody else was told.")), null, null, true);
        }
    }

    private static String describe(ChatMessage message) {
        if (message instanceof RevealOffer offer) return "the Reveal button for " + offer.label();
        if (message instanceof ApprovalCard card) return "the approval card \"" + card.title() + "\"";
        if (message instanceof FileMessage file) return "the file " + file.fileName();
        String text = PlainText.render(message).strip().replaceAll("\\s+", " ");
        return "a message (\"" + (text.length() <= 80 ? text : text.substring(0, 77) + "...") + "\")";
    }

    private static String adviceFor(ChatMessage message) {
        if (message instanceof RevealOffer) {
            return "Your credentials are safe in the vault until the offer expires: say \"reveal\" to get the button again.";
        }
        if (message instanceof FileMessage) {
            return "Ask for it again in a while; if it keeps failing, a bot admin can run `ecabot export` on the bot's host"
                    + " for the same file.";
        }
        if (message instanceof ApprovalCard card) {
            return "Say \"approve " + card.requestId() + "\" or \"deny " + card.requestId() + " <reason>\" to decide.";
        }
        return "Say \"status\" to see where your request stands.";
    }

    private static boolean worthRetrying(Throwable failure) {
        // Unknown failures (a timeout the client did not classify) are tried again; a refusal of the payload is not,
        // nor a row another instance holds now.
        if (failure instanceof ClaimLost) return false;
        return !(failure instanceof ChatDeliveryException d) || d.retryable();
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable f = failure;
        while (f instanceof java.util.concurrent.CompletionException && f.getCause() != null) f = f.getCause();
        return f;
    }

    /** This instance no longer holds the row (another instance took it over, or it is done): do not send it. */
    private static final class ClaimLost extends RuntimeException {
        ClaimLost(long id) {
            super("outbox message " + id + " is claimed by another instance", null, false, false);
        }
    }

    /** Jitter spreads a delay both ways: the Retry-After is stretched so that even the shortest wait honours it. */
    private static Duration retryAfterOf(Throwable failure, double jitter) {
        if (failure instanceof ChatDeliveryException d && d.retryAfter().isPresent()) {
            return Duration.ofMillis((long) Math.ceil(d.retryAfter().get().toMillis() / (1 - Math.min(jitter, 0.5))));
        }
        return Duration.ofMillis(-1); // none named: Failsafe uses the backoff's delay
    }

    private static String errorOf(Throwable failure) {
        Throwable f = unwrap(failure);
        String message = f == null ? "unknown" : f.getMessage();
        return message == null ? f.getClass().getSimpleName() : message;
    }

    /** Stops sending; rows not sent stay in the database for the next start or another instance. */
    @Override
    public void close() {
        closed = true;
        workers.shutdownNow();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
