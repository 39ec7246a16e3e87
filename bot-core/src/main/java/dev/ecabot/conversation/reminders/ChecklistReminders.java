package dev.ecabot.conversation.reminders;

import dev.ecabot.inventory.AppStatus;
import dev.ecabot.inventory.Checklist;
import dev.ecabot.inventory.InventoryApp;
import dev.ecabot.inventory.InventoryAppRepository;
import dev.ecabot.reminders.Recurrence;
import dev.ecabot.reminders.Reminder;
import dev.ecabot.reminders.ReminderPlans;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The reminder of an app's open manual steps, as a {@link Recurrence}: each time it fires it lists the steps still
 * open then (by their number in {@code show}), and it stops by itself once every step is ticked off or the app is
 * deleted or gone from its org. Weekly after the first (see {@link ReminderPlans#nextChecklist}). Thread-safe.
 */
public final class ChecklistReminders implements Recurrence {

    private final Checklist checklist;
    private final InventoryAppRepository inventory;

    public ChecklistReminders(InventoryAppRepository inventory) {
        this.inventory = inventory;
        this.checklist = inventory.checklist();
    }

    @Override
    public Optional<Reminder> now(Reminder due) {
        Optional<InventoryApp> app = inventory.find(due.org(), due.apiName());
        if (app.isEmpty() || app.get().status() == AppStatus.DELETED || app.get().status() == AppStatus.MISSING) {
            return Optional.empty();
        }
        List<Checklist.Step> open = checklist.steps(due.org(), due.apiName()).stream().filter(s -> !s.done()).toList();
        if (open.isEmpty()) return Optional.empty();
        String steps = "still to do: " + open.stream().map(s -> "(" + s.number() + ") " + s.text().strip())
                .collect(Collectors.joining(" "));
        return Optional.of(new Reminder(due.id(), due.kind(), due.recipient(), due.org(), due.apiName(), due.reference(),
                due.dueAt(), ReminderPlans.checklistText(due.org(), due.apiName(), steps)));
    }

    @Override
    public Reminder next(Reminder delivered, Instant firedAt) {
        return ReminderPlans.nextChecklist(delivered, firedAt);
    }
}
