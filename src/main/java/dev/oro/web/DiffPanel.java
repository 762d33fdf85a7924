package dev.oro.web;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import dev.oro.OroException;
import dev.oro.library.PromptInfo;
import dev.oro.library.PromptLibrary;
import dev.oro.library.PromptRef;
import dev.oro.library.PromptVersion;
import dev.oro.library.VersionDiff;
import io.quarkus.qute.RawString;
import java.util.ArrayList;
import java.util.List;

/**
 * A side-by-side diff of two versions. Rows are built here from the line diff, rather than from
 * {@link VersionDiff#rows()}, because the page numbers each side's lines, and a changed block of
 * unequal length needs to know which side is padding.
 */
final class DiffPanel {

    /** {@code kind} is equal, change, delete or insert; a side that has no line here has a null number. */
    public record Row(String kind, Integer oldNo, RawString oldText, Integer newNo, RawString newText) {
    }

    public record Change(String field, String from, String to) {
    }

    public record Diff(int from, int to, List<Change> fields, List<Row> rows, int changedLines, String error) {
    }

    private DiffPanel() {
    }

    static Diff of(PromptLibrary library, PromptInfo info, String fromParam, String toParam, int selected) {
        int first = info.versions().get(0).version();
        int defaultTo = selected == first ? info.versions().get(1).version() : selected;
        int defaultFrom = previous(info, defaultTo);
        String error = null;
        PromptVersion a;
        PromptVersion b;
        try {
            a = fromParam == null || fromParam.isBlank() ? library.version(info.name(), defaultFrom) : resolve(library, info, fromParam);
            b = toParam == null || toParam.isBlank() ? library.version(info.name(), defaultTo) : resolve(library, info, toParam);
        } catch (OroException e) {
            error = e.detail();
            a = library.version(info.name(), defaultFrom);
            b = library.version(info.name(), defaultTo);
        }
        VersionDiff diff = VersionDiff.between(a, b);
        List<Change> fields = diff.frontMatter().stream()
                .map(c -> new Change(c.path(), c.from() == null ? "(none)" : String.valueOf(c.from()), c.to() == null ? "(none)" : String.valueOf(c.to())))
                .toList();
        List<Row> rows = rows(lines(a.text()), lines(b.text()));
        int changed = (int) rows.stream().filter(r -> !r.kind().equals("equal")).count();
        return new Diff(a.version(), b.version(), fields, rows, changed, error);
    }

    private static PromptVersion resolve(PromptLibrary library, PromptInfo info, String ref) {
        return library.resolve(PromptRef.parse(info.name() + "@" + ref.strip()));
    }

    private static int previous(PromptInfo info, int version) {
        int prev = info.versions().get(0).version();
        for (var v : info.versions()) {
            if (v.version() < version) {
                prev = v.version();
            }
        }
        return prev;
    }

    static List<Row> rows(List<String> a, List<String> b) {
        Patch<String> patch = DiffUtils.diff(a, b);
        List<Row> rows = new ArrayList<>();
        int i = 0;
        int j = 0;
        for (AbstractDelta<String> d : patch.getDeltas()) {
            for (; i < d.getSource().getPosition(); i++, j++) {
                rows.add(new Row("equal", i + 1, Html.template(a.get(i)), j + 1, Html.template(b.get(j))));
            }
            List<String> olds = d.getSource().getLines();
            List<String> news = d.getTarget().getLines();
            for (int k = 0; k < Math.max(olds.size(), news.size()); k++) {
                String o = k < olds.size() ? olds.get(k) : null;
                String n = k < news.size() ? news.get(k) : null;
                if (o != null && n != null) {
                    RawString[] sides = Html.wordDiff(o, n);
                    rows.add(new Row("change", i + k + 1, sides[0], j + k + 1, sides[1]));
                } else if (o != null) {
                    rows.add(new Row("delete", i + k + 1, new RawString("<del>" + Html.escape(o) + "</del>"), null, null));
                } else {
                    rows.add(new Row("insert", null, null, j + k + 1, new RawString("<ins>" + Html.escape(n) + "</ins>")));
                }
            }
            i += olds.size();
            j += news.size();
        }
        for (; i < a.size(); i++, j++) {
            rows.add(new Row("equal", i + 1, Html.template(a.get(i)), j + 1, Html.template(b.get(j))));
        }
        return rows;
    }

    private static List<String> lines(String text) {
        return List.of(text.replace("\r\n", "\n").split("\n", -1));
    }
}
