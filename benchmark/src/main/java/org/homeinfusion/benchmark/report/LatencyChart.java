package org.homeinfusion.benchmark.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

import javax.imageio.ImageIO;


/**
 * Time-to-ready percentiles against arrival rate, drawn with Java2D: one line per percentile on a logarithmic
 * latency axis (p50 and max differ by orders of magnitude once a rate saturates), the targets as dashed lines.
 */
public final class LatencyChart {

    private static final int WIDTH = 960;
    private static final int HEIGHT = 560;
    private static final int LEFT = 80;
    private static final int RIGHT = 150;
    private static final int TOP = 50;
    private static final int BOTTOM = 70;

    private record Series(String name, Color color, boolean dashed, ToDoubleFunction<RateResult> value) {
    }

    /** Time-to-ready percentiles, and the whole path from arrival (API calls included) for comparison. */
    private static final List<Series> SERIES = List.of(
            new Series("p50", new Color(0x2E7D32), false, r -> r.timeToReady().p50()),
            new Series("p95", new Color(0x1565C0), false, r -> r.timeToReady().p95()),
            new Series("p99", new Color(0xEF6C00), false, r -> r.timeToReady().p99()),
            new Series("max", new Color(0xC62828), false, r -> r.timeToReady().max()),
            new Series("arrival→ready p99", new Color(0x757575), true, r -> r.caseStartToReady().p99()));

    private LatencyChart() {
    }

    public static void write(List<RateResult> rates, Path file) throws IOException {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            draw(g, rates);
        } finally {
            g.dispose();
        }
        ImageIO.write(image, "png", file.toFile());
    }

    private static void draw(Graphics2D g, List<RateResult> rates) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.setColor(Color.BLACK);
        g.drawString("Time-to-ready (last enabling HTTP response → ReadyToSchedule consumed) by arrival rate", LEFT, 28);

        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        double smallest = 250;
        double high = 10;
        for (RateResult rate : rates) {
            if (rate.timeToReady().count() == 0) {
                continue;
            }
            for (Series series : SERIES) {
                double value = series.value().applyAsDouble(rate);
                high = Math.max(high, value);
                if (value > 0) {
                    smallest = Math.min(smallest, value);
                }
            }
        }
        double low = Math.pow(10, Math.floor(Math.log10(Math.max(1, smallest))));
        high = Math.pow(10, Math.ceil(Math.log10(Math.max(high, 600))));
        double logLow = Math.log10(low);
        double logHigh = Math.log10(high);

        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        FontMetrics metrics = g.getFontMetrics();
        Stroke solid = new BasicStroke(1f);
        for (double tick = low; tick <= high; tick *= 10) {
            for (int step = 1; step < 10 && tick * step <= high; step++) {
                int y = y(tick * step, logLow, logHigh, plotHeight);
                g.setColor(step == 1 ? new Color(0xBDBDBD) : new Color(0xEEEEEE));
                g.drawLine(LEFT, y, LEFT + plotWidth, y);
            }
            int y = y(tick, logLow, logHigh, plotHeight);
            g.setColor(Color.DARK_GRAY);
            String label = tick >= 1000 ? (long) (tick / 1000) + " s" : (long) tick + " ms";
            g.drawString(label, LEFT - 8 - metrics.stringWidth(label), y + 4);
        }
        g.setColor(Color.BLACK);
        g.setStroke(solid);
        g.drawRect(LEFT, TOP, plotWidth, plotHeight);

        int n = rates.size();
        for (int i = 0; i < n; i++) {
            int x = x(i, n, plotWidth);
            String label = format(rates.get(i).offeredCasesPerSecond());
            g.setColor(Color.DARK_GRAY);
            g.drawLine(x, TOP + plotHeight, x, TOP + plotHeight + 5);
            g.drawString(label, x - metrics.stringWidth(label) / 2, TOP + plotHeight + 20);
            String calls = Math.round(rates.get(i).apiCallsPerSecond()) + " calls/s";
            g.setColor(Color.GRAY);
            g.drawString(calls, x - metrics.stringWidth(calls) / 2, TOP + plotHeight + 36);
        }
        g.setColor(Color.BLACK);
        String axis = "arrival rate (cases/s, open loop)";
        g.drawString(axis, LEFT + plotWidth / 2 - metrics.stringWidth(axis) / 2, HEIGHT - 12);

        Stroke dashed = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 5f}, 0f);
        g.setStroke(dashed);
        for (double[] target : new double[][] {{250, 0}, {500, 1}}) {
            int y = y(target[0], logLow, logHigh, plotHeight);
            g.setColor(new Color(0x9E9E9E));
            g.drawLine(LEFT, y, LEFT + plotWidth, y);
            g.drawString(target[1] == 0 ? "target p99 250 ms @ 50/s" : "target p99 500 ms @ 200/s", LEFT + 6,
                    target[1] == 0 ? y + 14 : y - 4);
        }

        int legendY = TOP + 12;
        for (Series series : SERIES) {
            g.setStroke(series.dashed() ? dashed : new BasicStroke(2.5f));
            g.setColor(series.color());
            int previousX = -1;
            int previousY = -1;
            for (int i = 0; i < n; i++) {
                if (rates.get(i).timeToReady().count() == 0) {
                    previousX = -1;
                    continue;
                }
                int x = x(i, n, plotWidth);
                int y = y(Math.max(low, series.value().applyAsDouble(rates.get(i))), logLow, logHigh, plotHeight);
                g.fillOval(x - 4, y - 4, 8, 8);
                if (previousX >= 0) {
                    g.drawLine(previousX, previousY, x, y);
                }
                previousX = x;
                previousY = y;
            }
            g.drawLine(LEFT + plotWidth + 10, legendY - 3, LEFT + plotWidth + 28, legendY - 3);
            g.setColor(Color.BLACK);
            g.drawString(series.name(), LEFT + plotWidth + 34, legendY + 1);
            legendY += 20;
        }
    }

    private static int x(int index, int count, int plotWidth) {
        return count == 1 ? LEFT + plotWidth / 2 : LEFT + 30 + (int) Math.round(index * (plotWidth - 60) / (double) (count - 1));
    }

    private static int y(double value, double logLow, double logHigh, int plotHeight) {
        double fraction = (Math.log10(Math.max(value, 1)) - logLow) / (logHigh - logLow);
        return TOP + plotHeight - (int) Math.round(fraction * plotHeight);
    }

    private static String format(double rate) {
        return rate == Math.rint(rate) ? String.valueOf((long) rate) : String.format(Locale.ROOT, "%.1f", rate);
    }
}
