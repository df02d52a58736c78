/**
 * What each kind of check depends on: one small record per kind, made from the configuration's
 * {@link io.jdirectord.config.ProbeSpec} by that record's {@code of}, the one conversion that both
 * {@link io.jdirectord.check.StandardCheckFactory} and the tests use.
 */
package io.jdirectord.check.spec;
