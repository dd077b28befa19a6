package org.convergence4j.data;

import java.io.IOException;
import java.nio.file.Path;

/** An IDX file whose content contradicts its own header or the format; the message names the file. */
public final class IdxFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    /** @param file the offending file; @param problem what is wrong with it */
    public IdxFormatException(Path file, String problem) {
        super(file + ": " + problem);
    }
}
