package org.convergence4j.data;

import java.io.IOException;

/** The dataset could not be put in place; the message says why and how to fix it by hand. */
public final class ProvisioningException extends IOException {

    private static final long serialVersionUID = 1L;

    /** @param message what failed, with the remedy */
    public ProvisioningException(String message) {
        super(message);
    }

    /** @param message what failed, with the remedy; @param cause the underlying failure */
    public ProvisioningException(String message, Throwable cause) {
        super(message, cause);
    }
}
