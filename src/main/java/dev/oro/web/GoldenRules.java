package dev.oro.web;

import java.util.Map;

/** Short titles of the golden rules, for filters and badges; the lint package holds the rules themselves. */
final class GoldenRules {

    static final Map<String, String> TITLES = new java.util.LinkedHashMap<>();

    static {
        TITLES.put("GR1", "say what output you want");
        TITLES.put("GR2", "precise wording");
        TITLES.put("GR3", "delimit the context");
        TITLES.put("GR4", "quote literals");
        TITLES.put("GR5", "seed term");
        TITLES.put("GR6", "show the output format");
        TITLES.put("GR7", "few-shot examples");
        TITLES.put("GR8", "chain of thought");
        TITLES.put("GR9", "role prompting");
    }

    private GoldenRules() {
    }

    static String title(String rule) {
        return TITLES.getOrDefault(rule, rule);
    }
}
