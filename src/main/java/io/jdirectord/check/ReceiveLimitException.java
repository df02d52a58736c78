package io.jdirectord.check;

import java.io.IOException;

/** A server sent more than a probe's receive bound on one connection. */
final class ReceiveLimitException extends IOException {

    private static final long serialVersionUID = 1L;

    ReceiveLimitException(int limitBytes) {
        super("more than " + ByteSize.describe(limitBytes) + " received");
    }
}
