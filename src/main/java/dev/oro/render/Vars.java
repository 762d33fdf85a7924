package dev.oro.render;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The root data of a render. It is not a Map on purpose: only {@link #RESOLVER} reads it, so
 * a lookup of an absent variable is recorded (and answered with {@link Missing}) instead of
 * failing on the first one, which lets Oro name every missing variable at once.
 */
final class Vars {

    private final Map<String, Object> values;
    final Set<String> missing = new LinkedHashSet<>();
    final Set<String> read = new LinkedHashSet<>();

    Vars(Map<String, Object> values) {
        this.values = values;
    }

    Object get(String name) {
        if (values.containsKey(name)) {
            read.add(name);
            return values.get(name);
        }
        missing.add(name);
        return Missing.INSTANCE;
    }

    static final io.quarkus.qute.ValueResolver RESOLVER = io.quarkus.qute.ValueResolver.builder()
            .appliesTo(ctx -> ctx.getBase() instanceof Vars)
            .resolveSync(ctx -> ((Vars) ctx.getBase()).get(ctx.getName()))
            .priority(100)
            .build();
}
