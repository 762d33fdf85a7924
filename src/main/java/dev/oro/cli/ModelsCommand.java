package dev.oro.cli;

import dev.oro.model.ModelProfile;
import dev.oro.model.Readiness;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "models", mixinStandardHelpOptions = true, description = "List the model profiles and whether each is reachable and ready.")
class ModelsCommand extends LibraryCommand {

    @Mixin
    JsonFlag format;

    @Override
    public Integer call() {
        return withModels((registry, executor) -> {
            Map<String, ModelProfile> profiles = registry.profiles();
            if (profiles.isEmpty()) {
                err().println("No model profiles in " + options.models + ". Add one, e.g. models/local.yaml (see the README).");
                return ExitCode.OK;
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            for (ModelProfile p : profiles.values()) {
                Readiness r = registry.readiness(p.name());
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("name", p.name());
                row.put("provider", p.provider());
                row.put("model", p.model());
                row.put("ready", r.ready());
                row.put("detail", r.detail());
                rows.add(row);
            }
            if (format.json) {
                JsonOutput.print(out(), rows);
            } else {
                int width = Math.max(7, profiles.keySet().stream().mapToInt(String::length).max().orElse(7));
                out().printf("%-" + width + "s  %-10s  %-28s  %-5s  %s%n", "PROFILE", "PROVIDER", "MODEL", "READY", "DETAIL");
                for (Map<String, Object> row : rows) {
                    out().printf("%-" + width + "s  %-10s  %-28s  %-5s  %s%n", row.get("name"), row.get("provider"), row.get("model"),
                            Boolean.TRUE.equals(row.get("ready")) ? "yes" : "no", row.get("detail"));
                }
            }
            return ExitCode.OK;
        });
    }
}
