/**
 * Durable reminders on Quartz's JDBC job store in the bot's database: {@link dev.ecabot.reminders.Reminders}
 * schedules, lists and cancels them and delivers each once through a {@link dev.ecabot.reminders.ReminderDelivery};
 * {@link dev.ecabot.reminders.ReminderPlans} works out when each kind is due and what it says.
 */
package dev.ecabot.reminders;
