package dev.ecabot.reminders;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A chat stand-in that records every reminder delivered to it; can be told to fail the first attempts. */
final class RecordingDelivery implements ReminderDelivery {

    record Delivered(String node, Reminder reminder, boolean late) {
    }

    private final String node;
    private final List<Delivered> sink;
    private final AtomicInteger failuresLeft = new AtomicInteger();

    RecordingDelivery(String node, List<Delivered> sink) {
        this.node = node;
        this.sink = sink;
    }

    RecordingDelivery() {
        this("node", new CopyOnWriteArrayList<>());
    }

    void failNext(int attempts) {
        failuresLeft.set(attempts);
    }

    List<Delivered> delivered() {
        return sink;
    }

    long countOf(String reminderId) {
        return sink.stream().filter(d -> d.reminder().id().equals(reminderId)).count();
    }

    @Override
    public void deliver(Reminder reminder, boolean late) {
        if (failuresLeft.getAndDecrement() > 0) throw new IllegalStateException("chat platform unreachable");
        sink.add(new Delivered(node, reminder, late));
    }
}
