package dev.oro.render;

import io.quarkus.qute.LoopSectionHelper;
import io.quarkus.qute.ResolutionContext;
import io.quarkus.qute.ResultNode;
import io.quarkus.qute.Scope;
import io.quarkus.qute.SectionBlock;
import io.quarkus.qute.SectionHelper;
import io.quarkus.qute.SectionHelperFactory;
import io.quarkus.qute.Expression;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * Qute's {@code {#for}} and {@code {#each}}, counting every iteration against
 * {@link RenderLimits}: {@code {#for i in 1000000000}} is valid Qute and must not hang Oro.
 */
final class CappedLoopFactory implements SectionHelperFactory<SectionHelper> {

    private final LoopSectionHelper.Factory delegate = new LoopSectionHelper.Factory();

    @Override
    public List<String> getDefaultAliases() {
        return delegate.getDefaultAliases();
    }

    @Override
    public ParametersInfo getParameters() {
        return delegate.getParameters();
    }

    @Override
    public List<String> getBlockLabels() {
        return delegate.getBlockLabels();
    }

    @Override
    public Scope initializeBlock(Scope outerScope, BlockInfo block) {
        return delegate.initializeBlock(outerScope, block);
    }

    @Override
    public SectionHelper initialize(SectionInitContext context) {
        SectionHelper loop = delegate.initialize(context);
        return ctx -> loop.resolve(new Counting(ctx));
    }

    private record Counting(SectionHelper.SectionResolutionContext ctx) implements SectionHelper.SectionResolutionContext {

        @Override
        public CompletionStage<Map<String, Object>> evaluate(Map<String, Expression> expressions) {
            return ctx.evaluate(expressions);
        }

        @Override
        public ResolutionContext resolutionContext() {
            return new SizeChecking(ctx.resolutionContext());
        }

        @Override
        public ResolutionContext newResolutionContext(Object data, Map<String, SectionBlock> extendingBlocks) {
            return ctx.newResolutionContext(data, extendingBlocks);
        }

        @Override
        public CompletionStage<ResultNode> execute(SectionBlock block, ResolutionContext context) {
            RenderLimits.countIteration();
            return ctx.execute(block, context);
        }

        @Override
        public Map<String, Object> getParameters() {
            return ctx.getParameters();
        }
    }

    /**
     * The loop evaluates its iterable through this context. Qute turns {@code {#for i in N}}
     * into N elements before the first iteration, so a huge N is refused here, up front.
     */
    private record SizeChecking(ResolutionContext delegate) implements ResolutionContext {

        @Override
        public CompletionStage<Object> evaluate(String expression) {
            return delegate.evaluate(expression).thenApply(SizeChecking::checked);
        }

        @Override
        public CompletionStage<Object> evaluate(Expression expression) {
            return delegate.evaluate(expression).thenApply(SizeChecking::checked);
        }

        private static Object checked(Object iterable) {
            long size = iterable instanceof Number n ? n.longValue()
                    : iterable instanceof java.util.Collection<?> c ? c.size()
                    : iterable instanceof Map<?, ?> m ? m.size()
                    : iterable instanceof Object[] a ? a.length : 0;
            if (size > RenderLimits.MAX_ITERATIONS) {
                RenderLimits.refuseLoop(size);
            }
            return iterable;
        }

        @Override
        public ResolutionContext createChild(Object data, Map<String, SectionBlock> extendingBlocks) {
            return delegate.createChild(data, extendingBlocks);
        }

        @Override
        public Object getData() {
            return delegate.getData();
        }

        @Override
        public ResolutionContext getParent() {
            return delegate.getParent();
        }

        @Override
        public SectionBlock getExtendingBlock(String name) {
            return delegate.getExtendingBlock(name);
        }

        @Override
        public SectionBlock getCurrentExtendingBlock(String name) {
            return delegate.getCurrentExtendingBlock(name);
        }

        @Override
        public Object getAttribute(String key) {
            return delegate.getAttribute(key);
        }

        @Override
        public io.quarkus.qute.Template getTemplate() {
            return delegate.getTemplate();
        }

        @Override
        public io.quarkus.qute.Evaluator getEvaluator() {
            return delegate.getEvaluator();
        }
    }
}
