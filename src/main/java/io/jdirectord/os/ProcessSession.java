package io.jdirectord.os;

import com.sun.jna.LastErrorException;

/**
 * What a daemon started in the background does to leave the shell that started it: a session of its
 * own (no controlling terminal, no hangup when the terminal closes), and standard input, output and
 * error on /dev/null once it has nothing more to tell its starter.
 */
public final class ProcessSession {

    private ProcessSession() {}

    /**
     * Makes this process the leader of a new session.
     *
     * @throws IllegalStateException with the errno text when the kernel refuses (a process group leader)
     */
    public static void leaveTerminal() {
        try {
            LibC.INSTANCE.setsid();
        } catch (LastErrorException e) {
            throw new IllegalStateException("setsid: " + KernelErrno.describe(e.getErrorCode()), e);
        }
    }

    /**
     * Points file descriptors 0, 1 and 2 at /dev/null, closing whatever they were (the starter's pipe).
     *
     * @throws IllegalStateException with the errno text when /dev/null cannot be opened
     */
    public static void detachStandardStreams() {
        try {
            int devNull = LibC.INSTANCE.open("/dev/null", LibC.O_RDWR);
            for (int fd = 0; fd <= 2; fd++) {
                LibC.INSTANCE.dup2(devNull, fd);
            }
            if (devNull > 2) {
                LibC.INSTANCE.close(devNull);
            }
        } catch (LastErrorException e) {
            throw new IllegalStateException("/dev/null: " + KernelErrno.describe(e.getErrorCode()), e);
        }
    }
}
