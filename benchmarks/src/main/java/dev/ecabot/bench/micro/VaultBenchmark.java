package dev.ecabot.bench.micro;

import dev.ecabot.vault.MasterKey;
import dev.ecabot.vault.SealedSecret;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** JMH: the vault sealing and opening one consumer secret (AES-GCM, bound to its offer), as a reveal does. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class VaultBenchmark {

    private static final String BOUND_TO = "reveal-offer:0f8c6c9e-4b1e-4d6a-9a57-1f2e3d4c5b6a";
    private MasterKey key;
    private final byte[] secret = "A1B2C3D4E5F60718293A4B5C6D7E8F90A1B2C3D4E5F60718293A4B5C6D7E8F90".getBytes(StandardCharsets.UTF_8);
    private SealedSecret sealed;

    @Setup
    public void setUp() {
        key = MasterKey.generate();
        sealed = SealedSecret.seal(key, secret, BOUND_TO);
    }

    @Benchmark
    public Object seal() {
        return SealedSecret.seal(key, secret, BOUND_TO);
    }

    @Benchmark
    public Object open() {
        return sealed.open(key, BOUND_TO);
    }
}
