package dev.oro.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oro.StarterLibrary;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input campaign against the CLI, run in-process as {@code ./oro} runs it: malformed
 * YAML, CSV and JSON, huge inputs, traversal names, template injection, unknown references and
 * wrong types. Each must fail with one clear message that names the file, line, field or
 * reference at fault, and never with a stack trace.
 */
class BadInputCliTest {

    @TempDir
    static Path dir;

    static final AtomicInteger TRIED = new AtomicInteger();
    static final String FAKE = "provider: openai\nmodel: gpt-fake\nbaseUrl: http://127.0.0.1:1/v1\n";

    /** One bad input: the files it needs, the command line, and what its message must name. */
    record Input(String what, Map<String, String> files, List<String> args, String names, String models) {

        Input(String what, Map<String, String> files, List<String> args, String names) {
            this(what, files, args, names, "models");
        }

        /** The same input with one more file; a null content names a file that must not exist. */
        Input withFiles(String file, String content) {
            Map<String, String> more = new LinkedHashMap<>(files);
            if (content != null) {
                more.put(file, content);
            }
            return new Input(what, more, args, names, models);
        }

        @Override
        public String toString() {
            return what;
        }
    }

    @BeforeAll
    static void library() throws Exception {
        StarterLibrary.copy(dir.resolve("prompts"));
        Files.createDirectories(dir.resolve("models"));
        Files.writeString(dir.resolve("models/fake.yaml"), FAKE);
        Files.writeString(dir.resolve("ok.prompt"), "Say hello to {name}.\n");
    }

    @AfterAll
    static void count() {
        System.out.println("bad input (CLI): " + TRIED.get() + " inputs tried, each refused with one clear message and no stack trace");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void should_refuse_bad_input_with_one_clear_message(Input input) throws Exception {
        for (Map.Entry<String, String> file : input.files().entrySet()) {
            Files.createDirectories(dir.resolve(file.getKey()).getParent());
            Files.writeString(dir.resolve(file.getKey()), file.getValue());
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> args = new ArrayList<>(input.args());
        args.addAll(1, List.of("--prompts=" + dir.resolve("prompts"), "--models=" + dir.resolve(input.models()),
                "--data-dir=" + dir.resolve("data")));
        int code = OroCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));
        TRIED.incrementAndGet();
        String all = out + "\n" + err;
        assertThat(code).as(all).isIn(1, 2);
        assertThat(all).doesNotContain("at dev.oro.", "\tat ", "Exception");
        String first = err.toString().lines().findFirst().orElse("");
        assertThat(first).as(all).contains(input.names());
        if (code == 1) {
            assertThat(err.toString().lines().filter(l -> l.startsWith("oro: "))).as(all).hasSize(1);
        }
    }

    static Stream<Input> corpus() {
        List<Input> all = new ArrayList<>();
        all.addAll(suites());
        all.addAll(datasets());
        all.addAll(profiles());
        all.addAll(prompts());
        all.addAll(references());
        return all.stream();
    }

    static final String SUITE_HEAD = "prompts: [summarize@production]\nmodels: [fake]\n";
    static final String ONE_TEST = "tests:\n  - vars: {text: hi}\n";

    static Input eval(String what, String yaml, String names, String... extra) {
        String file = "evals/" + what.replaceAll("[^a-z0-9]+", "-") + ".yaml";
        List<String> args = new ArrayList<>(List.of("eval", dir.resolve(file).toString(), "--no-progress"));
        args.addAll(List.of(extra));
        return new Input("suite: " + what, Map.of(file, yaml), args, names);
    }

    static List<Input> suites() {
        // 5 MB in 80-character lines (SnakeYAML reads one 5 MB quoted scalar at about 1 s per MB)
        String big = "description: |\n" + ("  " + "x".repeat(77) + "\n").repeat(5 * 1024 * 1024 / 80) + SUITE_HEAD + ONE_TEST;
        StringBuilder bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            bomb.append(c).append(": &").append(c).append(" [").append(String.join(",", java.util.Collections.nCopies(9, "*" + (char) (c - 1))))
                    .append("]\n");
        }
        return List.of(
                eval("unclosed flow sequence", "prompts: [summarize@production\nmodels: [fake]\n" + ONE_TEST, "unclosed-flow-sequence.yaml"),
                eval("description is a number", "description: 5\n" + SUITE_HEAD + ONE_TEST, "description"),
                eval("a list instead of a mapping", "- prompts\n- models\n", "a-list-instead-of-a-mapping.yaml"),
                eval("empty file", "", "empty-file.yaml"),
                eval("tab indentation", "prompts:\n\t- summarize\n", "tab-indentation.yaml"),
                eval("unknown field", "promts: [summarize]\nmodels: [fake]\n" + ONE_TEST, "promts"),
                eval("tests is a number", SUITE_HEAD + "tests: 5\n", "tests"),
                eval("vars is a number", SUITE_HEAD + "tests:\n  - vars: 5\n", "vars"),
                eval("repeat is negative", SUITE_HEAD + "repeat: -1\n" + ONE_TEST, "repeat"),
                eval("repeat is a word", SUITE_HEAD + "repeat: many\n" + ONE_TEST, "repeat"),
                eval("temperature is hot", SUITE_HEAD + "params: {temperature: hot}\n" + ONE_TEST, "temperature"),
                eval("maxTokens is 1e9", SUITE_HEAD + "params: {maxTokens: 1e9}\n" + ONE_TEST, "maxTokens"),
                eval("unknown prompt", "prompts: [nope]\nmodels: [fake]\n" + ONE_TEST, "nope"),
                eval("unknown version", "prompts: [summarize@99]\nmodels: [fake]\n" + ONE_TEST, "summarize@99"),
                eval("unknown label", "prompts: [summarize@nolabel]\nmodels: [fake]\n" + ONE_TEST, "nolabel"),
                eval("unknown model", "prompts: [summarize]\nmodels: [ghost]\n" + ONE_TEST, "ghost"),
                eval("traversal prompt", "prompts: [\"../x\"]\nmodels: [fake]\n" + ONE_TEST, "../x"),
                eval("encoded traversal prompt", "prompts: [\"%2e%2e\"]\nmodels: [fake]\n" + ONE_TEST, "%2e%2e"),
                eval("absolute path prompt", "prompts: [\"/etc/passwd\"]\nmodels: [fake]\n" + ONE_TEST, "/etc/passwd"),
                eval("traversal model", "prompts: [summarize]\nmodels: [\"../../etc/passwd\"]\n" + ONE_TEST, "../../etc/passwd"),
                eval("unknown assertion", SUITE_HEAD + ONE_TEST + "    assert: [{type: containz, value: x}]\n", "containz"),
                eval("bad regex", SUITE_HEAD + ONE_TEST + "    assert: [{type: regex, value: \"(\"}]\n", "regex"),
                eval("5 MB file", big, "description"),
                eval("alias bomb", bomb + SUITE_HEAD + ONE_TEST, "alias-bomb.yaml"),
                eval("unknown run to resume", SUITE_HEAD + ONE_TEST, "no-such-run", "--resume", "no-such-run"),
                eval("negative repeat option", SUITE_HEAD + ONE_TEST, "--repeat", "--repeat", "-1"),
                eval("zero concurrency option", SUITE_HEAD + ONE_TEST, "--concurrency", "--concurrency", "0"),
                eval("hot sweep", SUITE_HEAD + ONE_TEST, "temperature", "--sweep", "temperature=hot"),
                new Input("suite: missing file", Map.of(), List.of("eval", "evals/none.yaml"), "evals/none.yaml"));
    }

    static Input dataset(String what, String file, String content, String names) {
        return eval(what, SUITE_HEAD + "tests:\n  - " + file + "\n", names).withFiles("evals/" + file, content);
    }

    static List<Input> datasets() {
        StringBuilder huge = new StringBuilder("text,__expected\n");
        for (int i = 2; i < 100_000; i++) {
            huge.append("line ").append(i).append(",icontains: line\n");
        }
        huge.append("\"unclosed,icontains: x\n");
        return List.of(
                dataset("csv unclosed quote", "data/unclosed.csv", "text\n\"hello\nworld\n", "unclosed.csv line 2"),
                dataset("csv ragged row", "data/ragged.csv", "text,__expected\na,b,c,d\n", "ragged.csv"),
                dataset("csv bad assertion", "data/assertion.csv", "text,__expected\nhi,containz: x\n", "containz"),
                dataset("csv empty", "data/empty.csv", "", "empty.csv"),
                dataset("csv 100k lines broken at the end", "data/huge.csv", huge.toString(), "huge.csv line 100000"),
                dataset("jsonl bad line", "data/bad.jsonl", "{\"text\": \"a\"}\n{text: b\n", "line 2"),
                dataset("jsonl array line", "data/array.jsonl", "[1, 2]\n", "array.jsonl"),
                dataset("jsonl null line", "data/null.jsonl", "{\"text\": \"a\"}\nnull\n", "null.jsonl line 2: not a JSON object"),
                dataset("json unsupported", "data/data.json", "[{\"text\": \"a\"},", "data.json"),
                dataset("yaml malformed", "data/bad.yaml", "- text: [a\n", "bad.yaml"),
                dataset("yaml a text", "data/text.yaml", "just some words\n", "text.yaml"),
                dataset("missing file", "data/missing.csv", null, "missing.csv"),
                dataset("traversal", "../../../../etc/shadow.csv", null, "shadow.csv"),
                dataset("unknown extension", "data/notes.txt", "text\n", "notes.txt"));
    }

    static Input profile(String what, String yaml, String names) {
        String name = what.replaceAll("[^a-z0-9]+", "-");
        // each in a folder of its own, next to a good profile
        return new Input("profile: " + what, Map.of("models-" + name + "/" + name + ".yaml", yaml, "models-" + name + "/fake.yaml", FAKE),
                List.of("run", "summarize@production", "-m", name, "--var", "text=x"), names, "models-" + name);
    }

    static List<Input> profiles() {
        String head = "provider: openai\nmodel: gpt-fake\nbaseUrl: http://127.0.0.1:1/v1\n";
        return List.of(
                profile("malformed", "provider: openai\nmodel: [gpt\n", "malformed.yaml"),
                profile("a list", "- provider\n", "a-list.yaml"),
                profile("empty", "", "empty.yaml"),
                profile("temperature hot", head + "params: {temperature: hot}\n", "temperature"),
                profile("maxTokens 1e9", head + "params: {maxTokens: 1e9}\n", "maxTokens"),
                profile("negative concurrency", head + "concurrency: -1\n", "concurrency"),
                profile("timeout soon", head + "timeout: soon\n", "timeout"),
                profile("negative retries", head + "maxRetries: -1\n", "maxRetries"),
                profile("literal key", head + "apiKey: sk-literal-1234567890\n", "apiKey"),
                profile("unknown provider", "provider: gpt\nmodel: x\n", "provider"),
                profile("unknown field", head + "temprature: 1\n", "temprature"),
                new Input("profile: traversal", Map.of(), List.of("run", "summarize@production", "-m", "../../etc/passwd", "--var", "text=x"),
                        "../../etc/passwd"),
                new Input("profile: unknown", Map.of(), List.of("run", "summarize@production", "-m", "ghost", "--var", "text=x"), "ghost"),
                new Input("param: temperature hot", Map.of(), List.of("run", "summarize@production", "-m", "fake", "--var", "text=x",
                        "--param", "temperature=hot"), "temperature"),
                new Input("param: maxTokens 1e9", Map.of(), List.of("run", "summarize@production", "-m", "fake", "--var", "text=x",
                        "--param", "maxTokens=1e9"), "maxTokens"));
    }

    static Input source(String what, String text, String names) {
        String file = "sources/" + what.replaceAll("[^a-z0-9]+", "-") + ".prompt";
        return new Input("prompt: " + what, Map.of(file, text), List.of("new", "corpus", "--from", dir.resolve(file).toString()), names);
    }

    static List<Input> prompts() {
        return List.of(
                source("front matter malformed", "---\ndescription: [\n---\nHi {x}\n", "line"),
                source("front matter unterminated", "---\ndescription: x\nHi {x}\n", "line"),
                source("front matter a list", "---\n- a\n---\nHi {x}\n", "line"),
                source("temperature hot", "---\nparams:\n  temperature: hot\n---\nHi {x}\n", "params.temperature"),
                source("maxTokens 1e9", "---\nparams:\n  maxTokens: 1e9\n---\nHi {x}\n", "params.maxTokens"),
                source("variables a number", "---\nvariables: 5\n---\nHi {x}\n", "variables"),
                source("unknown field", "---\ndescripton: x\n---\nHi {x}\n", "descripton"),
                source("config namespace", "Port {config:quarkus.http.port}\n", "config:"),
                source("inject namespace", "{inject:dataSource}\n", "inject:"),
                source("cdi namespace", "{cdi:runStore.runs(1)}\n", "cdi:"),
                source("getClass", "{str.getClass()}\n", "getClass"),
                source("method call", "{name.toUpperCase()}\n", "toUpperCase"),
                source("eval section", "{#eval 'x' /}\n", "#eval"),
                source("mustache", "Hi {{name}}\n", "Mustache"),
                source("unclosed section", "{#if x}\nhi\n", "line"),
                source("text before the first marker", "hello\nuser:\nhi\n", "line"),
                new Input("prompt: missing file", Map.of(), List.of("new", "corpus", "--from", "missing.prompt"), "missing.prompt"),
                new Input("prompt: traversal name", Map.of(), List.of("new", "../x", "--from", dir.resolve("ok.prompt").toString()), "../x"),
                new Input("prompt: encoded traversal name", Map.of(), List.of("new", "%2e%2e", "--from", dir.resolve("ok.prompt").toString()),
                        "%2e%2e"),
                new Input("prompt: absolute name", Map.of(), List.of("new", "/tmp/x", "--from", dir.resolve("ok.prompt").toString()), "/tmp/x"),
                new Input("prompt: negative base", Map.of(), List.of("new", "corpus", "--from", dir.resolve("ok.prompt").toString(),
                        "--base", "-1"), "base"));
    }

    static List<Input> references() {
        Map<String, String> fiveMb = Map.of("big.txt", "word ".repeat(1024 * 1024));
        return List.of(
                new Input("show: traversal", Map.of(), List.of("show", "../x"), "../x"),
                new Input("show: encoded traversal", Map.of(), List.of("show", "%2e%2e/etc"), "%2e%2e"),
                new Input("show: absolute path", Map.of(), List.of("show", "/etc/passwd"), "/etc/passwd"),
                new Input("show: unknown prompt", Map.of(), List.of("show", "nope"), "nope"),
                new Input("show: unknown version", Map.of(), List.of("show", "summarize@99"), "99"),
                new Input("show: unknown label", Map.of(), List.of("show", "summarize@nolabel"), "nolabel"),
                new Input("show: empty version", Map.of(), List.of("show", "summarize@"), "summarize@"),
                new Input("render: missing variable", Map.of(), List.of("render", "summarize@production"), "text"),
                new Input("render: 5 MB variable", fiveMb, List.of("render", "summarize@production", "--var",
                        "text=@" + dir.resolve("big.txt")), "summarize"),
                new Input("render: missing variable file", Map.of(), List.of("render", "summarize@production", "--var", "text=@nowhere.txt"),
                        "nowhere.txt"),
                new Input("render: variable without =", Map.of(), List.of("render", "summarize@production", "--var", "text"), "text"),
                new Input("render: malformed vars file", Map.of("vars/bad.yaml", "text: [a\n"), List.of("render", "summarize@production",
                        "--vars-file", dir.resolve("vars/bad.yaml").toString()), "bad.yaml"),
                new Input("render: vars file a list", Map.of("vars/list.yaml", "- a\n"), List.of("render", "summarize@production",
                        "--vars-file", dir.resolve("vars/list.yaml").toString()), "list.yaml"),
                new Input("render: malformed JSON vars file", Map.of("vars/bad.json", "{\"text\": "), List.of("render", "summarize@production",
                        "--vars-file", dir.resolve("vars/bad.json").toString()), "bad.json"),
                new Input("diff: unknown version", Map.of(), List.of("diff", "summarize@1", "summarize@99"), "99"),
                new Input("label: traversal label", Map.of(), List.of("label", "summarize", "../x", "1"), "../x"),
                new Input("label: unknown version", Map.of(), List.of("label", "summarize", "prod", "99"), "99"),
                new Input("label: version hot", Map.of(), List.of("label", "summarize", "prod", "hot"), "hot"),
                new Input("label: traversal prompt", Map.of(), List.of("label", "../../x", "prod", "1"), "../../x"),
                new Input("show-run: unknown run", Map.of(), List.of("show-run", "no-such-run"), "no-such-run"),
                new Input("runs: limit hot", Map.of(), List.of("runs", "--limit", "hot"), "hot"),
                new Input("runs: limit -1", Map.of(), List.of("runs", "--limit", "-1"), "--limit must be 1 or more"));
    }
}
