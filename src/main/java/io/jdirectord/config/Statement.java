package io.jdirectord.config;

/**
 * One meaningful line of the file after the lexical rules: indentation, comments and trailing blanks removed.
 *
 * @param line    1-based line number
 * @param inBlock whether it belongs to the virtual block opened by the last {@code virtual=} line
 * @param text    the directive text
 */
record Statement(int line, boolean inBlock, String text) {}
