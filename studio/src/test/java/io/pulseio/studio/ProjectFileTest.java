package io.pulseio.studio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pulseio.logic.ProjectLoader;
import io.pulseio.studio.internal.ProjectFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectFileTest {
    @TempDir
    Path dir;

    @Test
    void aMissingFileIsCreatedAsAnEmptyProjectThatTheLoaderAccepts() throws Exception {
        Path file = dir.resolve("sub/new-thing.pulseio.json");
        ProjectFile opened = ProjectFile.open(file);
        assertThat(Files.readString(file))
                .isEqualTo("{\n  \"format\": 1,\n  \"name\": \"new-thing\",\n  \"logic\": {}\n}\n");
        assertThat(opened.text()).isEqualTo(Files.readString(file));
        assertThat(ProjectLoader.builder().build().load(file).isValid()).isTrue();
    }

    @Test
    void aSaveWritesTheProjectDeterministically() throws Exception {
        Path file = dir.resolve("p.json");
        ProjectFile opened = ProjectFile.open(file);
        ProjectFile.Saved saved = opened.save("{\"logic\":{},\"name\":\"p\",\"format\":1}", false);
        assertThat(saved.written()).isTrue();
        assertThat(Files.readString(file)).isEqualTo("{\n  \"format\": 1,\n  \"name\": \"p\",\n  \"logic\": {}\n}\n");
        assertThat(opened.save("{\"format\":1,\"name\":\"q\",\"logic\":{}}", false)
                        .written())
                .as("a second save after our own first")
                .isTrue();
    }

    @Test
    void aFileChangedOnDiskSinceItWasOpenedIsNotOverwrittenUnlessForced() throws Exception {
        Path file = dir.resolve("p.json");
        ProjectFile opened = ProjectFile.open(file);
        Files.writeString(file, "{\"format\":1,\"name\":\"edited elsewhere\",\"logic\":{}}");
        ProjectFile.Saved refused = opened.save("{\"format\":1,\"name\":\"mine\",\"logic\":{}}", false);
        assertThat(refused.written()).isFalse();
        assertThat(refused.conflict())
                .isEqualTo(file + " changed on disk since it was opened (by another program or another tab)");
        assertThat(Files.readString(file)).contains("edited elsewhere");
        assertThat(opened.save("{\"format\":1,\"name\":\"mine\",\"logic\":{}}", true)
                        .written())
                .isTrue();
        assertThat(Files.readString(file)).contains("\"mine\"");
    }

    @Test
    void twoEditorsOfOneFileCannotOverwriteEachOtherWithoutBeingAsked() throws Exception {
        Path file = dir.resolve("p.json");
        ProjectFile opened = ProjectFile.open(file);
        ProjectFile.Snapshot first = opened.read();
        ProjectFile.Snapshot second = opened.read();
        assertThat(second.version()).isEqualTo(first.version()).hasSize(64);

        ProjectFile.Saved firstSave =
                opened.save("{\"format\":1,\"name\":\"first\",\"logic\":{}}", first.version(), false);
        assertThat(firstSave.written()).isTrue();
        assertThat(firstSave.version()).isEqualTo(ProjectFile.version(Files.readAllBytes(file)));

        ProjectFile.Saved secondSave =
                opened.save("{\"format\":1,\"name\":\"second\",\"logic\":{}}", second.version(), false);
        assertThat(secondSave.written())
                .as("the second tab edited the file as it was before the first's save")
                .isFalse();
        assertThat(secondSave.conflict())
                .isEqualTo(file + " changed on disk since it was opened (by another program or another tab)");
        assertThat(Files.readString(file)).contains("\"first\"");

        ProjectFile.Saved again =
                opened.save("{\"format\":1,\"name\":\"first again\",\"logic\":{}}", firstSave.version(), false);
        assertThat(again.written())
                .as("the first tab saves on top of its own save")
                .isTrue();
        assertThat(opened.read().text()).contains("first again");
    }

    @Test
    void readingAfterAnOutsideChangeGivesTheNewTextAndVersion() throws Exception {
        Path file = dir.resolve("p.json");
        ProjectFile opened = ProjectFile.open(file);
        String before = opened.read().version();
        Files.writeString(file, "{\"format\":1,\"name\":\"outside\",\"logic\":{}}");
        ProjectFile.Snapshot now = opened.read();
        assertThat(now.text()).contains("outside");
        assertThat(now.version()).isNotEqualTo(before);
        Files.delete(file);
        assertThat(opened.read()).isEqualTo(new ProjectFile.Snapshot(now.text(), ProjectFile.DELETED));
    }

    @Test
    void aFileDeletedSinceItWasOpenedIsAConflictToo() throws Exception {
        Path file = dir.resolve("p.json");
        ProjectFile opened = ProjectFile.open(file);
        Files.delete(file);
        assertThat(opened.save("{\"format\":1,\"name\":\"p\",\"logic\":{}}", false)
                        .conflict())
                .isEqualTo(file + " was deleted since it was opened");
        assertThat(file).doesNotExist();
    }

    @Test
    void textThatIsNotJsonIsRefusedAndTheFileLeftAlone() throws Exception {
        Path file = dir.resolve("p.json");
        ProjectFile opened = ProjectFile.open(file);
        String before = Files.readString(file);
        assertThatThrownBy(() -> opened.save("{not json", false))
                .isInstanceOf(com.fasterxml.jackson.core.JsonProcessingException.class);
        assertThat(Files.readString(file)).isEqualTo(before);
        try (var left = Files.list(dir)) {
            assertThat(left).containsExactly(file);
        }
    }
}
