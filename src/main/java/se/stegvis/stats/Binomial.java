package se.stegvis.stats;

import java.util.SplittableRandom;

/**
 * Exact binomial random variates in O(1) expected time whatever {@code n}: inversion (sequential
 * search from 0) when {@code n min(p, 1-p) < 10}, else Hörmann's BTRD, transformed rejection with
 * decomposition (W. Hörmann, The generation of binomial random variates, J. Statist. Comput.
 * Simul. 46, 1993), which numpy and the C++ standard libraries use in some form. Lets a bootstrap
 * draw the counts of a multinomial resample instead of resampling every observation.
 */
public final class Binomial {

    /** Below this mean (of the smaller of p and 1-p) inversion is cheaper than BTRD, which needs it >= 10. */
    private static final double INVERSION_MEAN = 10;

    /** fc(k) = ln k! - ((k + 1/2) ln(k + 1) - (k + 1) + ln sqrt(2 pi)), the Stirling tail, for k < 10. */
    private static final double[] STIRLING_TAIL = {0.08106146679532726, 0.04134069595540929, 0.02767792568499834,
        0.02079067210376509, 0.01664469118982119, 0.01387612882307075, 0.01189670994589177, 0.01041126526197209,
        0.009255462182712733, 0.008330563433362871};

    private Binomial() {}

    /** One draw from Binomial({@code n}, {@code p}). */
    public static int sample(int n, double p, SplittableRandom random) {
        if (n < 0 || !(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("binomial needs n >= 0 and p in [0, 1], got n = " + n + ", p = " + p);
        }
        if (n == 0 || p == 0) {
            return 0;
        }
        if (p == 1) {
            return n;
        }
        boolean flip = p > 0.5;
        double q = flip ? 1 - p : p;
        int k = n * q < INVERSION_MEAN ? inversion(n, q, random) : btrd(n, q, random);
        return flip ? n - k : k;
    }

    /** Sequential search of the cumulative distribution from 0; O(n p) for p <= 1/2. */
    private static int inversion(int n, double p, SplittableRandom random) {
        double q = 1 - p;
        double ratio = p / q;
        double f = Math.pow(q, n);
        double u = random.nextDouble();
        int k = 0;
        while (u > f && k < n) {
            u -= f;
            k++;
            f *= (double) (n + 1 - k) / k * ratio;
        }
        return k;
    }

    /** Hörmann's BTRD for p <= 1/2 and n p >= 10, steps numbered as in the paper. */
    private static int btrd(int n, double p, SplittableRandom random) {
        // 0. set-up
        double q = 1 - p;
        int m = (int) Math.floor((n + 1) * p);
        double r = p / q;
        double nr = (n + 1) * r;
        double npq = n * p * q;
        double sqrtNpq = Math.sqrt(npq);
        double b = 1.15 + 2.53 * sqrtNpq;
        double a = -0.0873 + 0.0248 * b + 0.01 * p;
        double c = n * p + 0.5;
        double alpha = (2.83 + 5.1 / b) * sqrtNpq;
        double vr = 0.92 - 4.2 / b;
        double urvr = 0.86 * vr;
        while (true) {
            // 1. the centre, accepted at once
            double v = random.nextDouble();
            if (v <= urvr) {
                double u = v / vr - 0.43;
                return (int) Math.floor((2 * a / (0.5 - Math.abs(u)) + b) * u + c);
            }
            // 2. the rest of the hat
            double u;
            if (v >= vr) {
                u = random.nextDouble() - 0.5;
            } else {
                u = v / vr - 0.93;
                u = Math.signum(u) * 0.5 - u;
                v = random.nextDouble() * vr;
            }
            // 3.0
            double us = 0.5 - Math.abs(u);
            double kd = Math.floor((2 * a / us + b) * u + c);
            if (kd < 0 || kd > n) {
                continue;
            }
            int k = (int) kd;
            v = v * alpha / (a / (us * us) + b);
            int km = Math.abs(k - m);
            if (km <= 15) {
                // 3.1 f(k) / f(m) by recursion
                double f = 1;
                if (m < k) {
                    for (int i = m + 1; i <= k; i++) {
                        f *= nr / i - r;
                    }
                } else if (m > k) {
                    for (int i = k + 1; i <= m; i++) {
                        v *= nr / i - r;
                    }
                }
                if (v <= f) {
                    return k;
                }
                continue;
            }
            // 3.2 squeeze on the log scale
            v = Math.log(v);
            double rho = (km / npq) * (((km / 3.0 + 0.625) * km + 1.0 / 6) / npq + 0.5);
            double t = -(double) km * km / (2 * npq);
            if (v < t - rho) {
                return k;
            }
            if (v > t + rho) {
                continue;
            }
            // 3.3 and 3.4: the exact log ratio f(k) / f(m)
            double nm = n - m + 1;
            double h = (m + 0.5) * Math.log((m + 1) / (r * nm)) + stirlingTail(m) + stirlingTail(n - m);
            double nk = n - k + 1;
            if (v <= h + (n + 1) * Math.log(nm / nk) + (k + 0.5) * Math.log(nk * r / (k + 1))
                    - stirlingTail(k) - stirlingTail(n - k)) {
                return k;
            }
        }
    }

    private static double stirlingTail(int k) {
        if (k < STIRLING_TAIL.length) {
            return STIRLING_TAIL[k];
        }
        double t = 1.0 / (k + 1);
        return (1.0 / 12 - (1.0 / 360 - t * t / 1260) * t * t) * t;
    }
}
