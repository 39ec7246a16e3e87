package dev.ecabot.reminders;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * The Quartz job behind {@link Reminders#every}: runs the named task as registered on the node it fires on.
 * Never two runs of one task at once, cluster-wide.
 */
@DisallowConcurrentExecution
public final class HousekeepingJob implements Job {

    static final String TASK_NAME = "task";
    static final String CONTEXT_KEY = "ecabot.housekeeping";

    private static final Logger log = LoggerFactory.getLogger(HousekeepingJob.class);

    @Override
    @SuppressWarnings("unchecked")
    public void execute(JobExecutionContext context) {
        String name = context.getMergedJobDataMap().getString(TASK_NAME);
        try {
            Map<String, Runnable> tasks = (Map<String, Runnable>) context.getScheduler().getContext().get(CONTEXT_KEY);
            Runnable task = tasks == null ? null : tasks.get(name);
            if (task == null) {
                log.warn("Housekeeping task '{}' is not registered on this node; skipped this run", name);
                return;
            }
            task.run();
        } catch (SchedulerException | RuntimeException e) {
            log.error("Housekeeping task '{}' failed; it runs again at its next interval", name, e);
        }
    }
}
