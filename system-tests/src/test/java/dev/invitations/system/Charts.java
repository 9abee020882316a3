package dev.invitations.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** A small SVG of latency percentiles, one row of bars per series, for the benchmark's output. */
final class Charts {

    private static final double[] PERCENTILES = {50, 90, 95, 99, 99.9};

    private Charts() {
    }

    static void write(Path file, Map<String, Latencies> series) throws IOException {
        double max = series.values().stream().mapToDouble(l -> l.percentile(99.9)).filter(v -> !Double.isNaN(v))
                .max().orElse(1);
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns='http://www.w3.org/2000/svg' width='640' height='%d' font-family='sans-serif' "
                        + "font-size='12'>%n", 40 + series.size() * PERCENTILES.length * 22 + series.size() * 20));
        int y = 20;
        for (var entry : series.entrySet()) {
            svg.append(String.format(Locale.ROOT, "<text x='5' y='%d' font-weight='bold'>%s (ms)</text>%n",
                    y, entry.getKey()));
            y += 8;
            for (double p : PERCENTILES) {
                double value = entry.getValue().percentile(p);
                double width = Double.isNaN(value) ? 0 : 480 * value / max;
                svg.append(String.format(Locale.ROOT,
                        "<text x='5' y='%d'>p%s</text><rect x='60' y='%d' width='%.1f' height='16' fill='#4a7ab7'/>"
                                + "<text x='%.1f' y='%d'>%.1f</text>%n",
                        y + 13, p, y, width, 65 + width, y + 13, value));
                y += 22;
            }
            y += 12;
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, svg.append("</svg>\n").toString());
    }
}
