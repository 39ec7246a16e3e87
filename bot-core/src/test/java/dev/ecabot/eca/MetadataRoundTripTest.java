package dev.ecabot.eca;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the writer produces, the reader reads back unchanged: the basis of drift checks. */
class MetadataRoundTripTest {

    private final EcaMetadataReader reader = new EcaMetadataReader();

    static List<EcaSpec> specs() {
        return SampleSpecs.all();
    }

    @ParameterizedTest
    @MethodSource("specs")
    void aWrittenFolderReadsBackAsTheSameSpec(EcaSpec spec, @TempDir Path dir) {
        new EcaMetadataWriter().writeFolder(spec, dir.resolve("deploy"));

        List<RetrievedEca> read = reader.readFolder(dir.resolve("deploy"));

        assertThat(read).singleElement().satisfies(r -> {
            assertThat(r.spec()).isEqualTo(spec);
            assertThat(r.consumerKey()).isEmpty();
        });
    }

    @ParameterizedTest
    @MethodSource("specs")
    void aWrittenZipReadsBackAsTheSameSpec(EcaSpec spec) {
        byte[] zip = new EcaMetadataWriter().writeZip(spec);

        assertThat(reader.readZip(zip)).extracting(RetrievedEca::spec).containsExactly(spec);
    }

    @ParameterizedTest
    @EnumSource(MetadataFormat.class)
    void bothFileFormatsReadBack(MetadataFormat format) {
        EcaSpec spec = SampleSpecs.everythingSet();

        MetadataPackage pkg = new EcaMetadataWriter("64.0", format).write(spec);

        assertThat(reader.read(pkg)).extracting(RetrievedEca::spec).containsExactly(spec);
    }
}
