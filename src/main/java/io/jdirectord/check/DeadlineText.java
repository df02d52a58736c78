package io.jdirectord.check;

/**
 * Text that stops a regular-expression search at a deadline: every few thousand character reads it
 * looks at the clock and throws {@link Expired} once the deadline has passed.
 */
final class DeadlineText implements CharSequence {

    private static final int CHECK_EVERY = 4096;

    private final CharSequence text;
    private final Deadline deadline;
    private int reads;

    DeadlineText(CharSequence text, Deadline deadline) {
        this.text = text;
        this.deadline = deadline;
    }

    @Override
    public char charAt(int index) {
        if (++reads % CHECK_EVERY == 0 && deadline.expired()) {
            throw new Expired();
        }
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new DeadlineText(text.subSequence(start, end), deadline);
    }

    @Override
    public String toString() {
        return text.toString();
    }

    /** The deadline passed during a search. */
    static final class Expired extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Expired() {
            super("deadline passed", null, false, false);
        }
    }
}
