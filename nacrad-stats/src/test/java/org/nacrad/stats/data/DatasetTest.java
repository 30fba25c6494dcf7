package org.nacrad.stats.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetTest {

    @TempDir
    Path dir;

    @Test
    void readsQuotedFieldsMissingValuesAndBuildsDesign() throws Exception {
        Path f = dir.resolve("d.csv");
        Files.writeString(f, "y,\"a,b\",c\n1,2.5,NA\n0,-1e-3,4\n");
        Dataset d = Dataset.read(f);
        assertThat(d.names()).containsExactly("y", "a,b", "c");
        assertThat(d.rows()).isEqualTo(2);
        assertThat(d.column("a,b")).containsExactly(2.5, -0.001);
        assertThat(d.binaryLabel("y")).containsExactly(1.0, 0.0);
        assertThat(d.matrix(List.of("a,b"))[1]).containsExactly(-0.001);
        assertThatThrownBy(() -> d.matrix(List.of("c")))
                .hasMessage(f + ": line 2, column 'c': missing or non-finite value");
    }

    @Test
    void errorsNameFileLineAndColumn() throws Exception {
        Path f = dir.resolve("bad.csv");
        Files.writeString(f, "y,x\n1,2\n2,abc\n");
        assertThatThrownBy(() -> Dataset.read(f)).hasMessage(f + ": line 3, column 'x': not a number: 'abc'");
        Files.writeString(f, "y,x\n1,2\n2,3\n");
        Dataset d = Dataset.read(f);
        assertThatThrownBy(() -> d.binaryLabel("y")).hasMessage(f + ": line 3, column 'y': outcome must be 0 or 1, found 2.0");
        assertThatThrownBy(() -> d.column("z")).hasMessage(f + ": no column 'z' (columns: y, x)");
        Files.writeString(f, "y,x\n1,2,3\n");
        assertThatThrownBy(() -> Dataset.read(f)).hasMessage(f + ": line 2: 3 fields, the header has 2");
    }
}
