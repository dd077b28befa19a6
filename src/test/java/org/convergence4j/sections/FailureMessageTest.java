package org.convergence4j.sections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

/** A failure is one line naming the file, the problem and the fix, never a bare path or exception class. */
class FailureMessageTest {

    @Test
    void fileSystemFailuresAreSpelledOut() {
        assertEquals("/data/x: permission denied; make it readable and writable for this user, or choose another folder "
                + "(--out, --data-dir)", FailureMessage.of(new AccessDeniedException("/data/x")));
        assertTrue(FailureMessage.of(new UncheckedIOException(new NoSuchFileException("/data/y")))
                .startsWith("/data/y: no such file or folder"));
        assertTrue(FailureMessage.of(new FileAlreadyExistsException("/data/z"))
                .startsWith("/data/z: a file stands where a folder is needed"));
    }

    @Test
    void aMessageIsKeptAndNoMessageIsSaidInWords() {
        assertEquals("the reason", FailureMessage.of(new IllegalStateException("the reason")));
        assertTrue(FailureMessage.of(new NullPointerException()).contains("without a message; please report it"));
    }
}
