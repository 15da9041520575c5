package se.stegvis.metrics;

import java.sql.SQLException;

/** A metric query failed in the store. */
public final class MetricException extends RuntimeException {
    MetricException(SQLException cause) {
        super("metric query failed: " + cause.getMessage(), cause);
    }
}
