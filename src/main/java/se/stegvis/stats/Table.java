package se.stegvis.stats;

/** A checked contingency table of counts (rectangular, non-negative, not empty). */
record Table(int rows, int cols, long total) {
    static Table of(long[][] table) {
        if (table.length < 2) {
            throw new IllegalArgumentException("a contingency table needs at least 2 rows, got " + table.length);
        }
        int cols = table[0].length;
        if (cols < 2) {
            throw new IllegalArgumentException("a contingency table needs at least 2 columns, got " + cols);
        }
        long total = 0;
        for (long[] row : table) {
            if (row.length != cols) {
                throw new IllegalArgumentException("rows differ in length: the table is not rectangular");
            }
            for (long x : row) {
                if (x < 0) {
                    throw new IllegalArgumentException("counts must be >= 0, got " + x);
                }
                total += x;
            }
        }
        if (total == 0) {
            throw new IllegalArgumentException("no observations: the table is empty");
        }
        if (total > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("table total above " + Integer.MAX_VALUE + " is not supported");
        }
        return new Table(table.length, cols, total);
    }
}
