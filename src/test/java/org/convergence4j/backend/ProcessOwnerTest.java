package org.convergence4j.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Owners as files name them: a pid that runs is its owner only if it started when the owner did, and only here. */
class ProcessOwnerTest {

    /** Above Linux's largest pid_max (2²²): no process has it. */
    private static final long DEAD_PID = 99_999_999L;
    private static final ProcessOwner ME = ProcessOwner.current();

    @Test
    void thisProcessHasNotEndedAndItsTextAndTokenReadBack() {
        assertFalse(ME.endedOnThisHost());
        assertEquals(Optional.of(ME), ProcessOwner.parse(ME.text() + " 2026-01-01T00:00:00Z"));
        ProcessOwner back = ProcessOwner.ofFileToken(ME.fileToken()).orElseThrow();
        assertEquals(ME.pid(), back.pid());
        assertFalse(back.endedOnThisHost(), "the token's start, in milliseconds, is this process's");
    }

    @Test
    void aPidThatRunsUnderAnotherStartOrWithoutOneIsNotItsOwner() {
        assertTrue(new ProcessOwner(ME.host(), ME.pid(), Optional.of(Instant.parse("2001-01-01T00:00:00Z")))
                .endedOnThisHost());
        assertTrue(new ProcessOwner(ME.host(), ME.pid(), Optional.empty()).endedOnThisHost());
        assertTrue(new ProcessOwner(ME.host(), DEAD_PID, ME.started()).endedOnThisHost());
    }

    @Test
    void anotherHostsProcessIsNeverSeenToEnd() {
        assertFalse(new ProcessOwner("node7", DEAD_PID, Optional.empty()).endedOnThisHost());
    }

    @Test
    void garbledTextsNameNoOwner() {
        for (String text : new String[] {"", "host", "host x 2026-01-01T00:00:00Z", "  "}) {
            assertEquals(Optional.empty(), ProcessOwner.parse(text), text);
        }
        assertEquals(Optional.empty(), ProcessOwner.ofFileToken("12@host"));
    }

    /** A file name stays within 255 bytes whatever the host's name. */
    @Test
    void aLongOrOddHostNameIsShortenedForFileNames() {
        ProcessOwner far = new ProcessOwner("a".repeat(300) + " é", 5, Optional.empty());
        String token = far.fileToken();
        assertTrue(token.length() < 100 && token.matches("5-0@a+"), token);
    }
}
