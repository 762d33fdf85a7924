package dev.oro.eval.stats;

import java.util.OptionalDouble;

/**
 * How well two raters agree on yes/no verdicts over the same items: the share they agree on and
 * Cohen's kappa (Cohen 1960), the agreement beyond what their own base rates give by chance.
 * Kappa is absent when chance alone explains everything (both raters always said the same
 * thing), where the formula divides by zero and any number would be made up.
 *
 * @param bothYes items both raters said yes to; {@code onlyA}, {@code onlyB}, {@code bothNo} likewise
 */
public record Agreement(int bothYes, int onlyA, int onlyB, int bothNo) {

    public Agreement {
        if (bothYes < 0 || onlyA < 0 || onlyB < 0 || bothNo < 0) {
            throw new IllegalArgumentException("counts cannot be negative");
        }
    }

    public int n() {
        return bothYes + onlyA + onlyB + bothNo;
    }

    public int agreements() {
        return bothYes + bothNo;
    }

    /** The observed share of agreement, 0 when there is nothing to compare. */
    public double observed() {
        return n() == 0 ? 0 : (double) agreements() / n();
    }

    public OptionalDouble kappa() {
        int n = n();
        if (n == 0) {
            return OptionalDouble.empty();
        }
        double yesA = (double) (bothYes + onlyA) / n;
        double yesB = (double) (bothYes + onlyB) / n;
        double chance = yesA * yesB + (1 - yesA) * (1 - yesB);
        if (chance >= 1) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of((observed() - chance) / (1 - chance));
    }

    /**
     * Whether one rater gave the same answer every time. Kappa is then 0 whatever the other did, a
     * number that says nothing about agreement, so reports should not show it as a finding.
     */
    public boolean oneRaterConstant() {
        int yesA = bothYes + onlyA;
        int yesB = bothYes + onlyB;
        return yesA == 0 || yesA == n() || yesB == 0 || yesB == n();
    }

    /** Landis and Koch's (1977) words for a kappa, the usual way to read one. */
    public static String words(double kappa) {
        if (kappa < 0) {
            return "worse than chance";
        }
        if (kappa <= 0.20) {
            return "slight";
        }
        if (kappa <= 0.40) {
            return "fair";
        }
        if (kappa <= 0.60) {
            return "moderate";
        }
        return kappa <= 0.80 ? "substantial" : "almost perfect";
    }
}
