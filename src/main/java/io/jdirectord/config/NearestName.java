package io.jdirectord.config;

import java.util.Comparator;
import java.util.Optional;
import java.util.Set;

/**
 * The known directive name a misspelt one was most likely meant to be: the closest by edit distance (insert,
 * delete, substitute, or swap two neighbours, each costing 1), offered only when it is close enough to be a
 * typing slip rather than a different word.
 */
final class NearestName {

    private NearestName() {}

    /** The nearest of {@code known} to {@code name}, when at most 1 edit away (2 for names of 6 or more). */
    static Optional<String> of(String name, Set<String> known) {
        int limit = name.length() >= 6 ? 2 : 1;
        return known.stream()
                .filter(candidate -> !candidate.equals(name))
                .filter(candidate -> Math.abs(candidate.length() - name.length()) <= limit)
                .min(Comparator.comparingInt((String c) -> distance(name, c)).thenComparing(c -> c))
                .filter(candidate -> distance(name, candidate) <= limit);
    }

    /** Optimal string alignment distance between two strings. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            for (int j = 0; j <= b.length(); j++) {
                d[i][j] = i == 0 || j == 0 ? i + j : step(a, b, d, i, j);
            }
        }
        return d[a.length()][b.length()];
    }

    private static int step(String a, String b, int[][] d, int i, int j) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int best = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        boolean swapped = i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1);
        return swapped ? Math.min(best, d[i - 2][j - 2] + 1) : best;
    }
}
