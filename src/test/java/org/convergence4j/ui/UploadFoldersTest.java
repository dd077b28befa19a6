package org.convergence4j.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Only DL4J's empty upload folders stamped within a start's window are removed. */
class UploadFoldersTest {

    @TempDir
    Path dir;

    @Test
    void removesTheEmptyFoldersOfTheWindowAndKeepsEveryOther() throws IOException {
        Path ours = Files.createDirectory(dir.resolve("DL4JUI_1005"));
        Path edge = Files.createDirectory(dir.resolve("DL4JUI_1010"));
        Path withUpload = Files.createDirectory(dir.resolve("DL4JUI_1007"));
        Files.writeString(withUpload.resolve("stats.dl4j"), "x");
        Path earlier = Files.createDirectory(dir.resolve("DL4JUI_999"));
        Path later = Files.createDirectory(dir.resolve("DL4JUI_1011"));
        Path notDl4js = Files.createDirectory(dir.resolve("DL4JUI_notes"));

        UploadFolders.deleteEmpty(dir, 1000, 1010);

        assertFalse(Files.exists(ours));
        assertFalse(Files.exists(edge));
        assertTrue(Files.exists(withUpload.resolve("stats.dl4j")));
        assertTrue(Files.exists(earlier) && Files.exists(later) && Files.exists(notDl4js));
    }
}
