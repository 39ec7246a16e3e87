package dev.ecabot.conversation;

/**
 * One delivery of something a person did, as its platform identifies it (Slack's {@code event_id}, a Teams activity
 * id), and how the adapter records it as processed. The engine calls {@link #recordOnce()} inside the turn's own
 * unit of work ({@code store.UnitOfWork}), before the turn changes anything: the "processed" row commits together with
 * the turn's state change and the outbox rows of its replies, or not at all. So a crash before the commit leaves the
 * delivery unrecorded and the platform's retry runs the turn (once); a crash after it leaves both, and the retry is
 * dropped. The adapter owns the table (its own migrations) and must write through the bot's joining data source
 * ({@code Database.dataSource()}), so the row joins the unit.
 */
@FunctionalInterface
public interface InboundDelivery {

    /** A delivery nobody retries (a button click, the terminal): nothing to record. */
    InboundDelivery UNTRACKED = () -> true;

    /**
     * Records this delivery in the unit of work open on the calling thread; true for the first delivery, false when
     * it was recorded before (a retry, a restart, another instance): the turn is then not run again.
     */
    boolean recordOnce();
}
