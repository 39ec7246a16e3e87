package dev.ecabot.reminders;

/**
 * Sends a due reminder to its recipient; the conversation engine implements it over its chat ports.
 * {@code late} is true when the reminder fires well after its due time (the bot was down): say so.
 * Throwing means "not delivered": the reminder is retried later, never dropped.
 */
@FunctionalInterface
public interface ReminderDelivery {
    void deliver(Reminder reminder, boolean late) throws Exception;
}
