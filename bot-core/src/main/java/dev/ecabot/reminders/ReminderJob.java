package dev.ecabot.reminders;

import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.SchedulerException;

/** The Quartz job behind every reminder: hands the reminder id to the {@link Reminders} of the node it fires on. */
public final class ReminderJob implements Job {

    static final String REMINDER_ID = "reminderId";
    static final String CONTEXT_KEY = "ecabot.reminders";

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        String reminderId = context.getMergedJobDataMap().getString(REMINDER_ID);
        try {
            Reminders reminders = (Reminders) context.getScheduler().getContext().get(CONTEXT_KEY);
            reminders.fire(reminderId, context.getFireTime().toInstant());
        } catch (SchedulerException e) {
            throw new JobExecutionException("Could not reach the reminders service for " + reminderId, e);
        }
    }
}
