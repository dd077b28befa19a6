package org.convergence4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PytorchReferenceTest {

    @TempDir
    Path dir;

    private Path script() throws Exception {
        return Files.writeString(dir.resolve("reference.py"), "");
    }

    @Test
    void defaultsToTheSystemInterpreterAndTheProjectsScript() {
        PytorchReference reference = PytorchReference.locate(dir, Map.of());

        assertEquals(Path.of("/usr/bin/python3"), reference.python());
        assertEquals(dir.resolve("reference/pytorch/reference.py"), reference.script());
    }

    @Test
    void theEnvironmentCanNameAnotherInterpreter() {
        assertEquals(Path.of("/opt/py/bin/python"),
                PytorchReference.locate(dir, Map.of(PytorchReference.PYTHON_ENV, "/opt/py/bin/python")).python());
    }

    @Test
    void aMissingScriptIsTheReason() {
        String reason = new PytorchReference(Path.of("/bin/true"), dir.resolve("absent.py")).unavailableReason()
                .orElseThrow();

        assertTrue(reason.contains("absent.py"), reason);
    }

    @Test
    void aMissingInterpreterIsTheReasonWithTheInstallCommand() throws Exception {
        String reason = new PytorchReference(dir.resolve("no-python"), script()).unavailableReason().orElseThrow();

        assertTrue(reason.contains("no-python") && reason.contains("apt-get install python3-torch"), reason);
    }

    @Test
    void anInterpreterWithoutTorchIsTheReason() throws Exception {
        // /bin/false stands for a Python that fails `import torch`.
        String reason = new PytorchReference(Path.of("/bin/false"), script()).unavailableReason().orElseThrow();

        assertTrue(reason.contains("cannot import torch"), reason);
    }
}
