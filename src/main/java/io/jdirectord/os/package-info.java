/** Null-marked: a type without {@code @Nullable} never holds null, and NullAway checks it at compile time. */
@NullMarked
package io.jdirectord.os;

import org.jspecify.annotations.NullMarked;
