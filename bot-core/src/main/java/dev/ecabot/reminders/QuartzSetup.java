package dev.ecabot.reminders;

import dev.ecabot.store.Database;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.DBConnectionManager;

import java.util.Properties;
import java.util.UUID;

/**
 * Builds the Quartz scheduler on the bot's database: JDBC job store (JobStoreTX) over the bot's pool, the
 * delegate for the database, clustered on PostgreSQL, instance id AUTO, triggers acquired in batches (inside
 * the lock, so a batch is never fired twice in a cluster).
 */
final class QuartzSetup {

    /** One name for every node: Quartz's SCHED_NAME, shared by the cluster. */
    static final String SCHEDULER_NAME = "ecabot";

    private QuartzSetup() {
    }

    static Scheduler create(Database database, RemindersSettings settings) throws SchedulerException {
        // Quartz finds data sources by name in a JVM-wide registry; a unique name per scheduler keeps two
        // schedulers (tests, or two databases) apart.
        String dataSourceName = "ecabot-" + UUID.randomUUID();
        DBConnectionManager.getInstance().addConnectionProvider(dataSourceName,
                new DataSourceConnectionProvider(database.independentDataSource()));
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", SCHEDULER_NAME);
        p.setProperty("org.quartz.scheduler.instanceId", "AUTO");
        p.setProperty("org.quartz.scheduler.instanceIdGenerator.class", NodeInstanceIdGenerator.class.getName());
        p.setProperty("org.quartz.scheduler.batchTriggerAcquisitionMaxCount", String.valueOf(settings.acquireBatchSize()));
        p.setProperty("org.quartz.scheduler.idleWaitTime", String.valueOf(settings.idleWaitTime().toMillis()));
        p.setProperty("org.quartz.scheduler.makeSchedulerThreadDaemon", "true");
        p.setProperty("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
        p.setProperty("org.quartz.threadPool.threadCount", String.valueOf(settings.threadCount()));
        p.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
        p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.setProperty("org.quartz.jobStore.driverDelegateClass", delegateFor(database.vendor()));
        p.setProperty("org.quartz.jobStore.dataSource", dataSourceName);
        p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        p.setProperty("org.quartz.jobStore.useProperties", "true");
        p.setProperty("org.quartz.jobStore.misfireThreshold", String.valueOf(settings.misfireThreshold().toMillis()));
        p.setProperty("org.quartz.jobStore.isClustered", String.valueOf(settings.clusteredOn(database.vendor())));
        p.setProperty("org.quartz.jobStore.clusterCheckinInterval", String.valueOf(settings.clusterCheckinInterval().toMillis()));
        p.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        p.setProperty("org.quartz.jobStore.makeThreadsDaemons", "true");
        synchronized (QuartzSetup.class) {
            Scheduler scheduler = new StdSchedulerFactory(p).getScheduler();
            // StdSchedulerFactory hands out one scheduler per name per JVM; we hold our own reference, so take it
            // out of the registry and let the next Reminders (a test, a second database) build its own.
            SchedulerRepository.getInstance().remove(SCHEDULER_NAME);
            return scheduler;
        }
    }

    static String delegateFor(String vendor) {
        return switch (vendor) {
            case "postgresql" -> "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate";
            case "h2" -> "org.quartz.impl.jdbcjobstore.StdJDBCDelegate";
            default -> throw new IllegalArgumentException("Reminders run on H2 or PostgreSQL, not " + vendor);
        };
    }
}
