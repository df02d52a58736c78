package io.jdirectord.os;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Memory outside the Java heap that system calls read and write, seen from Java as a direct buffer in the
 * machine's byte order, with its address looked up once. Not thread-safe: one thread uses it at a time.
 */
public final class NativeBuffer {

    private final ByteBuffer bytes;
    private final long address;

    /** @param capacity its size in bytes */
    public NativeBuffer(int capacity) {
        this.bytes = ByteBuffer.allocateDirect(capacity).order(ByteOrder.nativeOrder());
        this.address = Pointer.nativeValue(Native.getDirectBufferPointer(bytes));
    }

    /** Its size in bytes. */
    public int capacity() {
        return bytes.capacity();
    }

    /** Copies its bytes {@code [0, length)} into {@code target} from {@code offset}. */
    public void copyTo(byte[] target, int offset, int length) {
        bytes.get(0, target, offset, length);
    }

    /** Copies {@code source[offset, offset + length)} to its start. */
    void copyFrom(byte[] source, int offset, int length) {
        bytes.put(0, source, offset, length);
    }

    /** The address of its byte at {@code offset}. */
    long address(int offset) {
        return address + offset;
    }

    int getInt(int offset) {
        return bytes.getInt(offset);
    }

    long getLong(int offset) {
        return bytes.getLong(offset);
    }

    void putInt(int offset, int value) {
        bytes.putInt(offset, value);
    }

    void putLong(int offset, long value) {
        bytes.putLong(offset, value);
    }
}
