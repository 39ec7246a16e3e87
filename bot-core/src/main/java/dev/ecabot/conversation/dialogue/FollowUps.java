package dev.ecabot.conversation.dialogue;

import dev.ecabot.conversation.ChatUser;
import dev.ecabot.playbook.Playbook;
import dev.ecabot.playbook.Rendering;
import dev.ecabot.reminders.ReminderPlans;
import dev.ecabot.reminders.Reminders;
import dev.ecabot.reminders.Recipient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;

/**
 * The reminders that follow a new app: when it becomes usable (after the playbook's activation delay) and, for a
 * refresh-token lifetime policy, ahead of its refresh tokens expiring. {@link #NONE} schedules nothing.
 * A failure to schedule is logged, never fails the delivery the requester already has. Thread-safe.
 */
public interface FollowUps {

    FollowUps NONE = (requester, org, playbook, rendering, apiName) -> { };

    void schedule(ChatUser requester, String org, Playbook playbook, Rendering rendering, String apiName);

    /** Schedules on the bot's durable reminders. */
    static FollowUps on(Reminders reminders, ReminderPlans plans, Clock clock) {
        Logger log = LoggerFactory.getLogger(FollowUps.class);
        return (requester, org, playbook, rendering, apiName) -> {
            Instant now = clock.instant();
            try {
                if (!rendering.activationDelay().isZero()) {
                    reminders.schedule(plans.appUsable(UserRefs.of(requester), org, apiName, now,
                            rendering.activationDelay(), "Try it now from " + playbook.vendor() + "."));
                }
                plans.refreshTokenExpiring(Recipient.requester(UserRefs.of(requester)), org, apiName, now,
                        rendering.spec().policies(), "Re-authorise the integration in " + playbook.vendor()
                                + " before then.").ifPresent(reminders::schedule);
            } catch (RuntimeException e) {
                log.warn("Could not schedule the reminders of {} in {}: {}", apiName, org, e.getMessage());
            }
        };
    }
}
