package dev.ecabot.bench;

import dev.ecabot.conversation.ChatUser;
import dev.ecabot.conversation.message.Confirmation;
import dev.ecabot.conversation.message.RevealOffer;
import dev.ecabot.emulator.RecordedCall;
import dev.ecabot.store.Database;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Figure 4: the engine's own time in one provisioning, with the emulator deploying at once (zero delay). From the
 * confirm click to the deployRequest reaching the emulator, and from the emulator answering that the deploy
 * succeeded to the reveal offer posted; in each interval the emulator's own time for the calls it served (read
 * body to answer, as it records them) is the floor, and the bot's overhead is the interval less that floor.
 * Provisionings run one after the other on H2 in memory, each a new app.
 */
public final class ProvisioningBenchmark {

    private ProvisioningBenchmark() {
    }

    public static List<Row> measure(int rounds) throws Exception {
        Samples toDeploy = new Samples();
        Samples toDeployFloor = new Samples();
        Samples toDeployOverhead = new Samples();
        Samples toOffer = new Samples();
        Samples toOfferFloor = new Samples();
        Samples toOfferOverhead = new Samples();
        try (BenchBot bot = new BenchBot(Database.inMemory("bench-prov-" + UUID.randomUUID()), Duration.ZERO)) {
            Map<String, Instant> offered = new ConcurrentHashMap<>();
            Map<String, CountDownLatch> waiting = new ConcurrentHashMap<>();
            bot.listen((to, message) -> {
                if (message instanceof RevealOffer) {
                    offered.putIfAbsent(to.user().id(), Instant.now());
                    CountDownLatch l = waiting.get(to.user().id());
                    if (l != null) l.countDown();
                }
            });
            for (int i = -1; i < rounds; i++) { // round -1 warms up
                ChatUser user = BenchBot.user("prov" + (i + 1));
                Confirmation summary = bot.walkToSummary(user, "altify-mcp",
                        Map.of("app_name", "Bench Prov " + (i + 1)), t -> { });
                CountDownLatch done = new CountDownLatch(1);
                waiting.put(user.id(), done);
                Instant confirmed = Instant.now();
                bot.picks(user, summary.id(), Confirmation.CONFIRM);
                if (!done.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("no reveal offer within 30 s of confirming; last message: "
                            + bot.lastMessageTo(user));
                }
                if (i < 0) continue;
                Instant offer = offered.get(user.id());
                List<RecordedCall> calls = bot.emulated().emulator().org().calls().stream()
                        .filter(c -> !received(c).isBefore(confirmed) && !c.at().isAfter(offer)).toList();
                RecordedCall deploy = calls.stream()
                        .filter(c -> c.method().equals("POST") && c.path().contains("deployRequest")).findFirst()
                        .orElseThrow(() -> new IllegalStateException("no deployRequest among " + calls));
                Instant deployed = calls.stream().filter(c -> c.path().contains("deployRequest") && c.status() < 300)
                        .map(RecordedCall::at).max(Instant::compareTo).orElseThrow();
                long a = nanos(confirmed, received(deploy));
                long aFloor = calls.stream().filter(c -> received(c).isBefore(received(deploy)))
                        .mapToLong(c -> c.took().toNanos()).sum();
                long b = nanos(deployed, offer);
                long bFloor = calls.stream().filter(c -> received(c).isAfter(deployed))
                        .mapToLong(c -> c.took().toNanos()).sum();
                toDeploy.add(a);
                toDeployFloor.add(aFloor);
                toDeployOverhead.add(a - aFloor);
                toOffer.add(b);
                toOfferFloor.add(bFloor);
                toOfferOverhead.add(b - bFloor);
            }
        }
        String note = String.format(Locale.ROOT, "%d provisionings in a row, H2, deploy delay 0; p50 overhead %s / %s",
                toDeploy.count(), Row.ms(toDeployOverhead.p50()), Row.ms(toOfferOverhead.p50()));
        return List.of(
                new Row("Provisioning: confirm to deployRequest p99", Row.ms(toDeploy.p99()),
                        Row.ms(toDeployFloor.p99()) + " (emulator)", Row.ratio(toDeploy.p99(), toDeployFloor.p99()),
                        "overhead <= 50 ms", Row.met(toDeployOverhead.p99() <= 50),
                        "overhead p99 " + Row.ms(toDeployOverhead.p99()) + "; " + note),
                new Row("Provisioning: deploy done to reveal offer p99", Row.ms(toOffer.p99()),
                        Row.ms(toOfferFloor.p99()) + " (emulator)", Row.ratio(toOffer.p99(), toOfferFloor.p99()),
                        "overhead <= 100 ms", Row.met(toOfferOverhead.p99() <= 100),
                        "overhead p99 " + Row.ms(toOfferOverhead.p99())));
    }

    private static Instant received(RecordedCall c) {
        return c.at().minus(c.took());
    }

    private static long nanos(Instant from, Instant to) {
        return Duration.between(from, to).toNanos();
    }
}
