package dev.oro.eval.assertion;

import static dev.oro.eval.assertion.Assertions.quote;

import java.util.Locale;

/**
 * latency (max milliseconds), cost (max USD) and finish-reason: figures of the model call. An
 * output without the figure fails with a reason, since nothing was measured to pass.
 */
public record CallFigures(AssertionSpec spec, double limit, String expectedReason) implements Assertion {

    static CallFigures of(AssertionSpec spec) {
        if (spec.type().equals("finish-reason")) {
            return new CallFigures(spec, 0, spec.text());
        }
        // promptfoo puts the limit in threshold; value reads more naturally, so either will do.
        Object limit = spec.threshold() != null ? spec.threshold() : spec.value();
        if (!(limit instanceof Number n) || n.doubleValue() < 0) {
            throw spec.needs("the largest " + (spec.type().equals("cost") ? "cost in USD" : "latency in milliseconds")
                    + " (or give it as threshold)");
        }
        return new CallFigures(spec, n.doubleValue(), null);
    }

    @Override
    public AssertionResult evaluate(Output output) {
        return switch (spec.type()) {
            case "latency" -> within(output.latencyMs() == null ? null : output.latencyMs().doubleValue(), "latency", " ms");
            case "cost" -> within(output.cost(), "cost", " USD");
            case "finish-reason" -> finishReason(output.finishReason());
            default -> throw new IllegalStateException("not a call figure: " + spec.type());
        };
    }

    private AssertionResult within(Double figure, String name, String unit) {
        if (figure == null) {
            return spec.result(false, "output has no " + name + ": it did not come from a model call");
        }
        boolean pass = figure <= limit;
        return spec.result(pass, name + " " + format(figure) + unit + (pass ? " is within " : " is over ") + format(limit) + unit);
    }

    private AssertionResult finishReason(String actual) {
        if (actual == null) {
            return spec.result(false, "output has no finish reason: it did not come from a model call");
        }
        boolean pass = actual.strip().toLowerCase(Locale.ROOT).equals(expectedReason.strip().toLowerCase(Locale.ROOT));
        return spec.result(pass, "finish reason " + quote(actual) + (pass ? " is " : " is not ") + quote(expectedReason));
    }

    private static String format(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
