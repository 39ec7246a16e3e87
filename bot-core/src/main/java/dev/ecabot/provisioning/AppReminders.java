package dev.ecabot.provisioning;

import dev.ecabot.inventory.InventoryApp;

/**
 * Schedules the reminders a new app leaves behind (usable after its activation delay, refresh tokens expiring, the
 * secret's reveal offer expiring, the playbook's own): the saga's last step, recorded like the others, so a run a
 * crash stopped after its app was recorded schedules them when it is resumed. A crash between scheduling and
 * recording the step schedules again: implementations must be idempotent by run (stable reminder ids). A failure it
 * throws stops the run (a retry schedules again); a failure it can live with it logs and swallows.
 */
@FunctionalInterface
public interface AppReminders {

    /** No reminders (the command line, an update of an existing app). */
    AppReminders NONE = (runId, app) -> { };

    void schedule(String runId, InventoryApp app);
}
