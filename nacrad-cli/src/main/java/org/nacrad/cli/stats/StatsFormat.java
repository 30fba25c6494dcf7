package org.nacrad.cli.stats;

/**
 * Output of the {@code nacrad stats} commands ({@code --format}): JSON with round-trip doubles, or a table for
 * reading. picocli rejects any other value with a message naming the option (exit code 2).
 */
public enum StatsFormat {
    json, table
}
