package com.keydesk.bench.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The benchmark's figures: a flat JSON object of name to number, read and written without a library. */
final class Figures {
    private static final Pattern NUMBER_FIELD = Pattern.compile("\"([a-z0-9_]+)\"\\s*:\\s*(-?[0-9.]+(?:[eE][-+]?[0-9]+)?)");

    private final Map<String, Double> values = new LinkedHashMap<>();

    void put(String name, double value) {
        values.put(name, value);
    }

    Double get(String name) {
        return values.get(name);
    }

    void putAll(Map<String, Double> more) {
        values.putAll(more);
    }

    Map<String, Double> asMap() {
        return Collections.unmodifiableMap(values);
    }

    /** The numeric fields of one flat JSON object (what UiScaleBench prints, what JMH's part writes). */
    static Map<String, Double> parse(String json) {
        Map<String, Double> out = new LinkedHashMap<>();
        Matcher m = NUMBER_FIELD.matcher(json);
        while (m.find()) {
            out.put(m.group(1), Double.parseDouble(m.group(2)));
        }
        return out;
    }

    static Map<String, Double> read(Path file) throws IOException {
        return Files.exists(file) ? parse(Files.readString(file)) : Map.of();
    }

    void write(Path file) throws IOException {
        List<String> fields = new ArrayList<>();
        values.forEach((name, value) -> fields.add(String.format(Locale.ROOT, "  \"%s\": %s", name, format(value))));
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\n" + String.join(",\n", fields) + "\n}\n");
    }

    private static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value) : String.format(Locale.ROOT, "%.3f", value);
    }

    /** How many times {@code part} occurs in {@code text}, not overlapping: keys in a listing's JSON. */
    static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }

    static double median(List<Double> samples) {
        List<Double> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** 1000 → "1k", 100000 → "100k", 1000000 → "1m": the size part of a figure's name. */
    static String sizeLabel(int keys) {
        if (keys % 1_000_000 == 0) {
            return keys / 1_000_000 + "m";
        }
        return keys % 1000 == 0 ? keys / 1000 + "k" : Integer.toString(keys);
    }
}
