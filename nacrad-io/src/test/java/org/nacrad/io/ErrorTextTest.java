package org.nacrad.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.ExecutionException;

import org.junit.jupiter.api.Test;

class ErrorTextTest {

    @Test
    void saysWhatWentWrongInOneLine() {
        assertThat(ErrorText.of(new NoSuchFileException("a/b.nii"))).isEqualTo("a/b.nii: file not found");
        assertThat(ErrorText.of(new AccessDeniedException("x"))).isEqualTo("x: permission denied");
        assertThat(ErrorText.of(new UncheckedIOException(new NoSuchFileException("c")))).isEqualTo("c: file not found");
        assertThat(ErrorText.of(new ExecutionException(new IOException("first\nsecond")))).isEqualTo("first");
        assertThat(ErrorText.of(new OutOfMemoryError("Java heap space")))
                .startsWith("out of memory (Java heap ").contains("-Xmx").doesNotContain("\n");
        assertThat(ErrorText.of(new NullPointerException())).startsWith("internal error (java.lang.NullPointerException at ")
                .endsWith("please report it");
        assertThat(ErrorText.of(new IllegalStateException("null"))).startsWith("internal error (");
    }
}
