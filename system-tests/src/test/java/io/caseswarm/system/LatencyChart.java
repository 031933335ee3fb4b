package io.caseswarm.system;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.HdrHistogram.Histogram;

/**
 * The latency distributions of a run as one PNG: latency (log scale) against percentile, spread
 * so that the tail gets as much room as the middle (the x axis is log10 of 1/(1-p): 90%, 99%, 99.9%
 * are equally far apart), one line per series. Drawn with Java2D, headless.
 */
final class LatencyChart {

    private static final int WIDTH = 1200;
    private static final int HEIGHT = 720;
    private static final int LEFT = 90;
    private static final int RIGHT = 30;
    private static final int TOP = 50;
    private static final int BOTTOM = 60;
    private static final double MAX_NINES = 4; // up to 99.99%
    /** Enough distinct colours that no two series of a full run share one (it has eleven). */
    private static final Color[] COLOURS = { new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
            new Color(0xff7f0e), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
            new Color(0xbcbd22), new Color(0x17becf), new Color(0x000000), new Color(0x6b8e23), new Color(0x800000),
            new Color(0x000080) };

    private LatencyChart() {
    }

    static void write(String title, List<LatencySeries> series, Path png) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            double minMs = 0.1;
            double maxMs = 1;
            for (LatencySeries one : series) {
                maxMs = Math.max(maxMs, one.maxMillis());
            }
            double topDecade = Math.ceil(Math.log10(maxMs));
            double bottomDecade = Math.floor(Math.log10(minMs));
            drawAxes(g, title, bottomDecade, topDecade);
            for (int i = 0; i < series.size(); i++) {
                drawSeries(g, series.get(i), COLOURS[i % COLOURS.length], bottomDecade, topDecade, i);
            }
            ImageIO.write(image, "png", png.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + png, e);
        } finally {
            g.dispose();
        }
    }

    private static void drawAxes(Graphics2D g, String title, double bottomDecade, double topDecade) {
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(title, LEFT, 30);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (int nines = 0; nines <= MAX_NINES; nines++) {
            int x = x(nines);
            g.setColor(new Color(0xdddddd));
            g.drawLine(x, TOP, x, HEIGHT - BOTTOM);
            g.setColor(Color.BLACK);
            String label = nines == 0 ? "0%" : (100 - Math.pow(10, 2 - nines)) + "%";
            g.drawString(label.replace(".0%", "%"), x - 15, HEIGHT - BOTTOM + 18);
        }
        g.drawString("percentile", WIDTH / 2 - 30, HEIGHT - 15);
        for (double decade = bottomDecade; decade <= topDecade; decade++) {
            int y = y(Math.pow(10, decade), bottomDecade, topDecade);
            g.setColor(new Color(0xdddddd));
            g.drawLine(LEFT, y, WIDTH - RIGHT, y);
            g.setColor(Color.BLACK);
            double ms = Math.pow(10, decade);
            g.drawString(ms < 1 ? ms + " ms" : (long) ms + " ms", 10, y + 4);
        }
        g.drawRect(LEFT, TOP, WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM);
    }

    private static void drawSeries(Graphics2D g, LatencySeries series, Color colour, double bottomDecade, double topDecade,
            int index) {
        Histogram histogram = series.histogram();
        if (histogram.getTotalCount() == 0) {
            return;
        }
        g.setColor(colour);
        g.setStroke(new BasicStroke(2f));
        int lastX = -1;
        int lastY = -1;
        double reachable = Math.min(MAX_NINES, Math.log10(histogram.getTotalCount()));
        for (int step = 0; step <= 400; step++) {
            double nines = reachable * step / 400.0;
            double percentile = 100 * (1 - Math.pow(10, -nines));
            double ms = Math.max(Math.pow(10, bottomDecade), histogram.getValueAtPercentile(percentile) / 1000.0);
            int x = x(nines);
            int y = y(ms, bottomDecade, topDecade);
            if (lastX >= 0) {
                g.drawLine(lastX, lastY, x, y);
            }
            lastX = x;
            lastY = y;
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        int legendY = TOP + 20 + index * 18;
        g.fillRect(LEFT + 12, legendY - 9, 14, 10);
        g.setColor(Color.BLACK);
        g.drawString("%s (p50 %.1f ms, p99 %.1f ms, n=%,d)".formatted(series.name(), series.millisAt(50),
                series.millisAt(99), histogram.getTotalCount()), LEFT + 32, legendY);
    }

    private static int x(double nines) {
        return LEFT + (int) Math.round(nines / MAX_NINES * (WIDTH - LEFT - RIGHT));
    }

    private static int y(double ms, double bottomDecade, double topDecade) {
        double fraction = (Math.log10(ms) - bottomDecade) / (topDecade - bottomDecade);
        return HEIGHT - BOTTOM - (int) Math.round(fraction * (HEIGHT - TOP - BOTTOM));
    }
}
