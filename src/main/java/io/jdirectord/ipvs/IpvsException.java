package io.jdirectord.ipvs;

/**
 * A table operation the kernel (or a table implementation) refused. The message names the operation,
 * the service and destination, and the errno with its text.
 */
public class IpvsException extends Exception {

    private static final long serialVersionUID = 1L;
    private final int errno;

    /**
     * @param errno the positive errno value, or 0 when the failure is not an errno
     */
    public IpvsException(String message, int errno) {
        super(message);
        this.errno = errno;
    }

    public IpvsException(String message, int errno, Throwable cause) {
        super(message, cause);
        this.errno = errno;
    }

    public int errno() {
        return errno;
    }
}
