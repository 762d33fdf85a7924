package dev.oro.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.oro.OroException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Variables from the command line: a JSON or YAML file, then {@code --var} pairs, which win. */
final class Variables {

    private Variables() {
    }

    static Map<String, Object> collect(Path file, Map<String, String> pairs) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (file != null) {
            out.putAll(readFile(file));
        }
        pairs.forEach((key, value) -> out.put(key, value.startsWith("@") ? withoutFinalNewline(readText(Path.of(value.substring(1)), key)) : value));
        return out;
    }

    private static Map<String, Object> readFile(Path file) {
        String name = file.getFileName().toString();
        ObjectMapper mapper = name.endsWith(".json") ? new ObjectMapper() : new ObjectMapper(new YAMLFactory());
        try {
            Map<String, Object> map = mapper.readValue(Files.readString(file, StandardCharsets.UTF_8), new TypeReference<>() {
            });
            if (map == null) {
                throw OroException.invalid("bad-vars-file", file + " is empty; it should map variable names to values");
            }
            return map;
        } catch (NoSuchFileException e) {
            throw OroException.invalid("bad-vars-file", "variables file " + file + " does not exist");
        } catch (JsonProcessingException e) {
            String line = e.getLocation() == null ? "" : " line " + e.getLocation().getLineNr();
            throw OroException.invalid("bad-vars-file", file + line + ": " + e.getOriginalMessage()
                    + " (the file should map variable names to values)");
        } catch (IOException e) {
            throw OroException.invalid("bad-vars-file", "cannot read " + file + ": " + e.getMessage());
        }
    }

    /** Editors end files with a newline; inside a delimited block it would be a stray blank line. */
    private static String withoutFinalNewline(String text) {
        return text.endsWith("\r\n") ? text.substring(0, text.length() - 2) : text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }

    private static String readText(Path file, String key) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw OroException.invalid("bad-var", "--var " + key + "=@" + file + ": cannot read " + file);
        }
    }
}
