package dev.oro.render;

import io.quarkus.qute.ValueResolver;
import java.util.AbstractList;

/**
 * Stands in for an absent variable while the render goes on to find the others. It is an
 * empty list, so it is falsy in {#if} and loops over nothing; any property of it is itself.
 */
final class Missing extends AbstractList<Object> {

    static final Missing INSTANCE = new Missing();

    static final ValueResolver RESOLVER = ValueResolver.builder()
            .appliesTo(ctx -> ctx.getBase() instanceof Missing)
            .resolveAsync(Missing::resolve)
            .priority(100)
            .build();

    // Defaults must still work on an absent variable: {x ?: 'y'}, {x.or('y')}, {x ? 'a' : 'b'}.
    private static java.util.concurrent.CompletionStage<Object> resolve(io.quarkus.qute.EvalContext ctx) {
        return switch (ctx.getName()) {
            case "?:", "or", ":" -> ctx.getParams().isEmpty() ? java.util.concurrent.CompletableFuture.completedFuture(INSTANCE)
                    : ctx.evaluate(ctx.getParams().get(0));
            default -> java.util.concurrent.CompletableFuture.completedFuture(INSTANCE);
        };
    }

    private Missing() {
    }

    @Override
    public Object get(int index) {
        throw new IndexOutOfBoundsException(index);
    }

    @Override
    public int size() {
        return 0;
    }

    @Override
    public String toString() {
        return "";
    }
}
