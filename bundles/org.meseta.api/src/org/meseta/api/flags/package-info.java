/**
 * Mesos-style command-line flags for every Meseta program.
 *
 * <p>A program declares its {@link org.meseta.api.flags.Flag}s as constants (name, help, type, default or
 * required), hands them and its arguments to {@link org.meseta.api.flags.FlagParser#parse}, and reads values from
 * the returned {@link org.meseta.api.flags.Flags}. Arguments look like Mesos's: {@code --name=value},
 * {@code --name}/{@code --no-name} for booleans, durations in stout form ({@code 15secs}, see
 * {@link org.meseta.api.flags.StoutDuration}). A bad command line yields a one-line
 * {@link org.meseta.api.flags.FlagException}; {@code --help} yields {@link org.meseta.api.flags.FlagParser#usage}.
 * {@link org.meseta.api.flags.Flags#effectiveValues()} prints the values as Mesos's {@code /flags} endpoint does.
 *
 * <p>Everything here is immutable or stateless and safe to use from any thread.
 */
package org.meseta.api.flags;
