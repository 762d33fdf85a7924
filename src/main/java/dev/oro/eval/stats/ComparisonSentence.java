package dev.oro.eval.stats;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/** Words a {@link Comparison} with the winner first, so the sentence reads the same either way round. */
final class ComparisonSentence {

    private ComparisonSentence() {
    }

    static String of(Comparison c) {
        boolean bFirst = c.verdict() == Comparison.Verdict.B_BETTER;
        String first = bFirst ? c.nameB() : c.nameA();
        String second = bFirst ? c.nameA() : c.nameB();
        McNemar m = c.mcnemar();
        String passRates = bFirst
                ? passRates(c.passesB(), c.passesA(), c.pairedTests(), m.c(), m.b(), m.pValue())
                : passRates(c.passesA(), c.passesB(), c.pairedTests(), m.b(), m.c(), m.pValue());
        Interval d = c.scoreDifference().difference();
        // The difference is B − A; with A first it is mirrored (0 − x, so that 0 does not print as -0.000).
        String scores = bFirst
                ? scores(c.meanScoreB(), c.meanScoreA(), d.estimate(), d.low(), d.high())
                : scores(c.meanScoreA(), c.meanScoreB(), 0 - d.estimate(), 0 - d.high(), 0 - d.low());
        String dropped = c.droppedTests() == 0 ? ""
                : "; " + c.droppedTests() + " test" + (c.droppedTests() == 1 ? "" : "s") + " not in both were dropped";
        return switch (c.decidedBy()) {
            case MCNEMAR -> first + " beats " + second + ": " + passRates + dropped;
            case PAIRED_BOOTSTRAP -> first + " beats " + second + " on score: " + scores
                    + " (paired bootstrap, " + Math.round(100 * (1 - Comparison.ALPHA)) + "% CI); " + passRates + dropped;
            case NONE -> "no significant difference between " + first + " and " + second + ": "
                    + passRates + ", " + scores + dropped;
        };
    }

    private static String passRates(int passesFirst, int passesSecond, int tests, int winsFirst, int winsSecond, double p) {
        return "pass rate " + percent(passesFirst, tests) + " vs " + percent(passesSecond, tests)
                + " (McNemar " + p(p) + ", " + winsFirst + " vs " + winsSecond + " discordant tests)";
    }

    private static String scores(double first, double second, double difference, double low, double high) {
        return String.format(Locale.ROOT, "mean score %.3f vs %.3f, difference %+.3f [%+.3f, %+.3f]",
                first, second, difference, low, high);
    }

    private static String percent(int passes, int tests) {
        return Math.round(100.0 * passes / tests) + "%";
    }

    /** Two significant digits, as p-values carry no more information than that. */
    static String p(double p) {
        if (p < 0.001) {
            return "p < 0.001";
        }
        return "p = " + new BigDecimal(p).round(new MathContext(2, RoundingMode.HALF_UP)).stripTrailingZeros().toPlainString();
    }
}
